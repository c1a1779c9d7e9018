/** Kaplan–Meier on a textbook example: times 1,2+,3,3,4+,5 (+ = censored). */
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAtMs, survivalQuantileMs } from '../../src/analysis/kaplanMeier.js';

function binned(events: [number, boolean][], bins = 8): { binMs: number; patched: Float64Array; censored: Float64Array } {
  const patched = new Float64Array(bins);
  const censored = new Float64Array(bins);
  for (const [t, isCensored] of events) (isCensored ? censored : patched)[t]! += 1;
  return { binMs: 1, patched, censored };
}

describe('kaplanMeier', () => {
  const curve = kaplanMeier(binned([[1, false], [2, true], [3, false], [3, false], [4, true], [5, false]]));

  it('gives the product-limit estimate', () => {
    // S(1) = 5/6; at 3: 4 at risk, 2 events → 5/6 · 2/4 = 5/12; at 5: 1 at risk → 0.
    expect(curve.survival[1]).toBeCloseTo(5 / 6, 12);
    expect(curve.survival[2]).toBeCloseTo(5 / 6, 12);
    expect(curve.survival[3]).toBeCloseTo(5 / 12, 12);
    expect(curve.survival[5]).toBe(0);
    expect(survivalAtMs(curve, 4)).toBeCloseTo(5 / 12, 12);
  });

  it('reads quantiles off the curve (upper bin edge), null when never reached', () => {
    expect(survivalQuantileMs(curve, 0.5)).toBe(4);
    const censoredEarly = kaplanMeier(binned([[1, false], [2, true], [2, true], [2, true]]));
    expect(survivalQuantileMs(censoredEarly, 0.5)).toBeNull();
    expect(survivalAtMs(censoredEarly, 6)).toBeNull();
  });
});
