/** R15 / metrics.md result 4: the share of invocations an old version keeps after a switch. */
import { describe, expect, it } from 'vitest';
import { shareAfter, shareIntegralMs, timeToIntegralMs } from '../../../src/model/exposure/environmentMix.js';

const L = 7_200_000; // 2 h

function quadrature(f: (t: number) => number, a: number, b: number, steps = 20_000): number {
  const h = (b - a) / steps;
  let s = 0.5 * (f(a) + f(b));
  for (let i = 1; i < steps; i++) s += f(a + i * h);
  return s * h;
}

describe('environment mix after a switch at t0 (result 4: old share e^(−(t−t0)/L))', () => {
  it.each([0, 0.3 * L, L, 3 * L])('old share at t0 + %f ms is e^(−Δ/L), new share the rest', (dt) => {
    expect(shareAfter(1, false, dt, L)).toBeCloseTo(Math.exp(-dt / L), 12);
    expect(shareAfter(0, true, dt, L)).toBeCloseTo(1 - Math.exp(-dt / L), 12);
  });

  it('a version switched back to keeps decaying from where it was (shares of all old versions decay together)', () => {
    const s1 = shareAfter(0, true, L, L); // rose for one lifetime
    expect(shareAfter(s1, false, 2 * L, L)).toBeCloseTo(s1 * Math.exp(-2), 12);
  });

  it.each([[0, true], [0.4, true], [1, false], [0.25, false]] as const)('integral from s0=%f (rising=%s) matches quadrature', (s0, rising) => {
    for (const dt of [0.01 * L, L, 5 * L]) {
      const exact = shareIntegralMs(s0, rising, dt, L);
      const numeric = quadrature((t) => shareAfter(s0, rising, t, L), 0, dt);
      expect(Math.abs(exact - numeric) / Math.max(1, numeric)).toBeLessThan(1e-7);
    }
  });

  it('timeToIntegralMs inverts the integral, and is Infinity beyond a decaying share\'s total s0·L', () => {
    for (const [s0, rising] of [[0, true], [0.7, true], [0.9, false]] as const) {
      for (const mass of [1, 1000, 0.5 * L]) {
        const t = timeToIntegralMs(s0, rising, mass, L);
        expect(shareIntegralMs(s0, rising, t, L)).toBeCloseTo(mass, 3);
      }
    }
    expect(timeToIntegralMs(0.5, false, 0.5 * L + 1, L)).toBe(Number.POSITIVE_INFINITY);
  });
});
