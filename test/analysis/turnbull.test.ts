/**
 * Turnbull's NPMLE against results known outside the code: with exact times it is the
 * empirical distribution; with right-censoring only it is the Kaplan-Meier estimate; for times
 * drawn from a known exponential and seen only at periodic inspections it recovers the true
 * distribution function at the inspection times.
 */
import { describe, expect, it } from 'vitest';
import { turnbull, turnbullCdf, type Interval } from '../../src/analysis/turnbull.js';
import { createStream } from '../../src/kernel/random.js';

describe('turnbull', () => {
  it('is the empirical distribution for (nearly) exact times', () => {
    const times = [1, 2, 2, 5, 9];
    const fit = turnbull(times.map((t) => ({ left: t - 1e-6, right: t })));
    for (const t of [0.5, 1, 2, 4, 5, 8, 9, 10]) expect(turnbullCdf(fit, t)).toBeCloseTo(times.filter((x) => x <= t).length / times.length, 6);
  });

  it('is the Kaplan-Meier estimate with right-censoring only', () => {
    // Events at 1, 3, 4; censored at 2 and 5: KM S(t) = 4/5 after 1, ×2/3 after 3, ×1/2 after 4.
    const data: Interval[] = [
      { left: 1 - 1e-6, right: 1 }, { left: 2, right: Infinity }, { left: 3 - 1e-6, right: 3 }, { left: 4 - 1e-6, right: 4 }, { left: 5, right: Infinity },
    ];
    const fit = turnbull(data);
    expect(1 - turnbullCdf(fit, 1)).toBeCloseTo(0.8, 6);
    expect(1 - turnbullCdf(fit, 3)).toBeCloseTo(0.8 * (2 / 3), 6);
    expect(1 - turnbullCdf(fit, 4)).toBeCloseTo(0.8 * (2 / 3) * 0.5, 6);
  });

  it('recovers an exponential seen only at inspections every 0.5 mean', () => {
    // 4000 subjects, times Exp(1), inspected at k × 0.5 until 3: each time lies in (0.5 k, 0.5 (k+1)].
    // At an inspection time the NPMLE is the binomial share below it: standard error
    // sqrt(F(1−F)/n) ≤ 0.008, so 0.03 is a margin of more than 3.5 standard errors.
    const stream = createStream(42, 'turnbull-test', 0);
    const data: Interval[] = [];
    for (let i = 0; i < 4000; i++) {
      const t = -Math.log(1 - stream.next());
      const k = Math.floor(t / 0.5);
      data.push(t >= 3 ? { left: 3, right: Infinity } : { left: 0.5 * k, right: 0.5 * (k + 1) });
    }
    const fit = turnbull(data);
    for (const t of [0.5, 1, 1.5, 2, 3]) expect(Math.abs(turnbullCdf(fit, t) - (1 - Math.exp(-t)))).toBeLessThan(0.03);
  });

  it('refuses an empty interval', () => {
    expect(() => turnbull([{ left: 2, right: 2 }])).toThrow(/left < right/);
  });
});
