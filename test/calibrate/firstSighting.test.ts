/**
 * E[first sighting delay] against two results outside the code: with no wait for an init it is
 * the mean of the first point of a Poisson process, 1/Λ; and against a seeded Monte Carlo of the
 * process it models (moves at rate Λ, each seen after an exponential wait of mean g).
 */
import { describe, expect, it } from 'vitest';
import { expectedFirstSightingDelayMs } from '../../src/calibrate/firstSighting.js';
import { createStream } from '../../src/kernel/random.js';

describe('expected delay of the first sighting', () => {
  it('is 1/Λ when a move is seen at once', () => {
    // g is at least 1 ms: E[T] = 1/Λ + O(g), so 1e6 ms within 2 ms.
    expect(Math.abs(expectedFirstSightingDelayMs(1 / 1e6, 0) - 1e6)).toBeLessThan(2);
  });

  it('matches a Monte Carlo of moves and waits', () => {
    const rate = 1 / 3; // moves per hour
    const gap = 2; // hours between inits
    const stream = createStream(7, 'first-sighting-test', 0);
    const exp = (mean: number) => -mean * Math.log(1 - stream.next());
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let t = exp(1 / rate); t < best; t += exp(1 / rate)) best = Math.min(best, t + exp(gap));
      sum += best;
    }
    // Standard error of the mean: sd(T)/sqrt(n) ≈ 3/141 ≈ 0.02 h; 0.08 h is 4 standard errors.
    expect(Math.abs(expectedFirstSightingDelayMs(rate, gap) - sum / n)).toBeLessThan(0.08);
  });

  it('is infinite when nothing moves', () => {
    expect(expectedFirstSightingDelayMs(0, 5)).toBe(Infinity);
  });
});
