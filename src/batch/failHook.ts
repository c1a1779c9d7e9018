/**
 * Test-only hook: `LAMBDA_ROLLOUT_SIM_TEST_FAIL_UNIT=P:R[,P:R…]` makes the units (point P,
 * replication R) throw instead of simulating, to exercise failure reporting. Read by the
 * command line, passed down in the plan; nothing else reads the environment.
 */
export const FAIL_UNIT_ENV = 'LAMBDA_ROLLOUT_SIM_TEST_FAIL_UNIT';

export function parseFailUnits(text: string | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const item of (text ?? '').split(',')) {
    const m = /^\s*(\d+):(\d+)\s*$/.exec(item);
    if (m !== null) out.add(`${Number(m[1])}:${Number(m[2])}`);
  }
  return out;
}
