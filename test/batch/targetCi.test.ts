/** --target-ci's rule: relative half-widths, and how many replications a point gets next. */
import { describe, expect, it } from 'vitest';
import { nextReplications, pointOutcome, type TargetCiSpec } from '../../src/batch/targetCi.js';

const spec: TargetCiSpec = { target: 0.05, maxReplications: 50, metrics: ['staleFunctionDays', 'timeToPatchP95Days'] };
const rows = (values: (number | null)[], p95: number | null = null) =>
  values.map((v) => ({ staleFunctionDays: v, timeToPatchP95Days: p95 }) as never);

describe('target CI', () => {
  it('met when every defined target metric is within the target; undefined metrics are not targets', () => {
    const o = pointOutcome(rows([100, 101, 99, 100]), spec);
    expect(o.met).toBe(true);
    expect(o.relativeHalfWidths.staleFunctionDays).toBeGreaterThan(0);
    expect(o.relativeHalfWidths.timeToPatchP95Days).toBeNull();
  });

  it('not met with one replication, or a wide CI, or a zero mean with spread', () => {
    expect(pointOutcome(rows([100]), spec).relativeHalfWidths.staleFunctionDays).toBe(Number.POSITIVE_INFINITY);
    expect(pointOutcome(rows([50, 150]), spec).met).toBe(false);
    expect(pointOutcome(rows([-1, 1, 0]), spec).met).toBe(false);
    expect(pointOutcome(rows([0, 0, 0]), spec).met).toBe(true);
  });

  it('grows by the 1/√n rule, at least +1, at most ×2, never past the maximum', () => {
    const wide = { met: false, relativeHalfWidths: { staleFunctionDays: 0.1 } };
    expect(nextReplications(10, wide, spec)).toBe(20); // wants 40, capped at ×2
    expect(nextReplications(10, { met: false, relativeHalfWidths: { staleFunctionDays: 0.051 } }, spec)).toBe(11);
    expect(nextReplications(40, wide, spec)).toBe(50);
    expect(nextReplications(50, wide, spec)).toBe(50);
    expect(nextReplications(10, { met: true, relativeHalfWidths: {} }, spec)).toBe(10);
  });
});
