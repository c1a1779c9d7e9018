import { describe, expect, it } from 'vitest';
import { createKeyedUniform } from '../../src/kernel/keyedRandom.js';

describe('createKeyedUniform', () => {
  it('is a pure function of (seed, name, index, a, b)', () => {
    const u = createKeyedUniform(1, 'x', 0);
    const v = createKeyedUniform(1, 'x', 0);
    expect(u.at(5, 7)).toBe(v.at(5, 7));
    expect(u.at(5, 7)).not.toBe(u.at(7, 5));
    expect(createKeyedUniform(1, 'y', 0).at(5, 7)).not.toBe(u.at(5, 7));
    expect(createKeyedUniform(2, 'x', 0).at(5, 7)).not.toBe(u.at(5, 7));
  });

  it('is uniform: Kolmogorov–Smirnov over 20,000 consecutive keys below the α = 0.001 critical value 1.95/√n', () => {
    const u = createKeyedUniform(3, 'ks', 0);
    const n = 20_000;
    const xs = Array.from({ length: n }, (_, i) => u.at(i, 17)).sort((a, b) => a - b);
    let d = 0;
    xs.forEach((x, i) => { d = Math.max(d, Math.abs((i + 1) / n - x), Math.abs(x - i / n)); });
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('has no correlation between neighbouring keys (lag-1 serial correlation within 4/√n)', () => {
    const u = createKeyedUniform(4, 'serial', 0);
    const n = 20_000;
    const xs = Array.from({ length: n }, (_, i) => u.at(i, 3) - 0.5);
    let num = 0; let den = 0;
    for (let i = 0; i < n; i++) { den += xs[i]! ** 2; if (i > 0) num += xs[i]! * xs[i - 1]!; }
    expect(Math.abs(num / den)).toBeLessThan(4 / Math.sqrt(n));
  });
});
