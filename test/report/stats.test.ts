/** Means and 95% CIs over replications (metrics.md), and zero-filling of replications without rows. */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { meanCi95 } from '../../src/analysis/meanCi.js';
import { fillReplications, meanCi, on } from '../../src/report/stats.js';

describe('meanCi', () => {
  it('agrees with the analysis module (Student t, n − 1 degrees of freedom)', () => {
    const values = [3, 5, 4, 9, 7];
    const t = meanCi(aq.table({ set: ['a', 'a', 'a', 'a', 'a'], v: values }), ['set'], 'v', [-Infinity, Infinity]);
    const row = t.objects()[0] as { mean: number; lo: number; hi: number; n: number };
    const expected = meanCi95(values);
    expect(row.n).toBe(5);
    expect(row.mean).toBeCloseTo(expected.mean, 12);
    expect(row.lo).toBeCloseTo(expected.ci95![0], 10);
    expect(row.hi).toBeCloseTo(expected.ci95![1], 10);
  });

  it('has no interval for one value, skips NaN, and clips to the range given', () => {
    const t = meanCi(aq.table({ g: ['x', 'y', 'y', 'y'], v: [2, 0.01, 0.02, Number.NaN] }), ['g'], 'v', [0, 1]);
    const rows = t.objects() as { g: string; mean: number; lo: number; hi: number; n: number }[];
    expect(rows[0]!.n).toBe(1);
    expect(Number.isNaN(rows[0]!.lo)).toBe(true);
    expect(rows[1]!.n).toBe(2);
    expect(rows[1]!.lo).toBe(0); // the t interval of two values reaches below zero
  });
});

describe('fillReplications', () => {
  it('gives a replication without rows a zero, so the mean is over every replication', () => {
    const replications = aq.table({ set: ['s', 's', 's'], replication: [0, 1, 2] });
    const sums = aq.table({ set: ['s', 's'], replication: [0, 2], wave: [3, 3], exposed: [6, 3] });
    const full = fillReplications(sums, replications, ['wave'], ['exposed']);
    expect(full.numRows()).toBe(3);
    const mean = meanCi(full, ['set', 'wave'], 'exposed').objects()[0] as { mean: number };
    expect(mean.mean).toBe(3);
  });

  it('joins on same-named keys', () => {
    expect(on('a', 'b')).toEqual([['a', 'b'], ['a', 'b']]);
  });
});
