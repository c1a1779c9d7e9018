import { describe, expect, it } from 'vitest';
import { meanCi95 } from '../../src/analysis/meanCi.js';

describe('meanCi95 (Student t, metrics.md)', () => {
  it('matches a hand computation', () => {
    // mean 5, sample sd = sqrt(10/4) = 1.5811, se = 0.7071, t(0.975, 4) = 2.776445
    const { mean, ci95, n } = meanCi95([3, 4, 5, 6, 7]);
    expect(mean).toBe(5);
    expect(n).toBe(5);
    expect(ci95![0]).toBeCloseTo(5 - 2.776445 * Math.sqrt(0.5), 5);
    expect(ci95![1]).toBeCloseTo(5 + 2.776445 * Math.sqrt(0.5), 5);
  });

  it('gives no interval for one replication', () => {
    expect(meanCi95([2]).ci95).toBeNull();
  });
});
