/** Student t quantiles against published table values (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2). */
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/analysis/studentT.js';

describe('studentTQuantile', () => {
  it.each([
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [7, 2.365],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
  ])('t(0.975, df=%i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('tends to the normal quantile 1.959964 for large df', () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric', () => {
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 10);
  });
});
