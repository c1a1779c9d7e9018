/** Empirical S(t) straight from patch rows: the reference the analytic tests compare to. */
import type { ReplicationResult } from '../../src/model/result.js';

/** Share of (function, release) rows, optionally filtered, not yet patched `tMs` after publication. */
export function empiricalSurvival(result: ReplicationResult, tMs: number, keep: (row: number) => boolean = () => true): number {
  const rows = result.patches!;
  let n = 0;
  let unpatched = 0;
  for (let i = 0; i < rows.length; i++) {
    if (!keep(i)) continue;
    n++;
    const patched = rows.patchedMs[i]!;
    if (Number.isNaN(patched) || patched - rows.publishedMs[i]! > tMs) unpatched++;
  }
  if (n === 0) throw new Error('no rows');
  return unpatched / n;
}

/** Four binomial standard errors: the tolerance of a share estimated from n functions. */
export function binomialTolerance(p: number, n: number): number {
  return 4 * Math.sqrt(Math.max(p * (1 - p), 1 / n) / n);
}
