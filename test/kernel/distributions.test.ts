import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  categorical,
  cumulativeWeights,
  exponential,
  gamma,
  lognormalFromMedian,
  normal,
  standardNormalFromUniform,
  uniform01Open,
  uniformBetween,
} from '../../src/kernel/distributions.js';
import { createStream, type RandomStream } from '../../src/kernel/random.js';

/*
 * Statistical checks use fixed seeds, so each passes or fails deterministically.
 * Tolerances are stated with each: "4 SE" means four standard errors of the
 * statistic under a correct implementation (a correct one exceeds that for
 * about 1 seed in 16,000), while the mistakes that matter (a wrong mean, a
 * wrong parameterisation, a skipped branch) move the statistic by far more.
 */

function draws(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}

/** Kolmogorov–Smirnov statistic of a sample against a continuous CDF. */
function ksStatistic(xs: readonly number[], cdf: (x: number) => number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}

/**
 * Asymptotic KS critical value at α = 0.001: sqrt(-ln(α/2) / 2) / sqrt(n) =
 * 1.9495 / sqrt(n) (0.01379 at n = 20,000). The 2^-32 granularity of the
 * uniforms shifts the CDF by far less than that.
 */
function ksCritical001(n: number): number {
  return Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(n);
}

/** A stream that counts the uniforms taken from it. */
function counting(s: RandomStream): RandomStream & { taken: number } {
  const c = { taken: 0, next: () => (c.taken++, s.next()) };
  return c;
}

describe('uniform01Open and uniformBetween', () => {
  it('uniform01Open is 1 - next(), in (0, 1]', () => {
    const a = createStream(1, 'u', 0);
    const b = createStream(1, 'u', 0);
    for (let i = 0; i < 1000; i++) {
      const u = uniform01Open(a);
      expect(u).toBe(1 - b.next());
      expect(u > 0 && u <= 1).toBe(true);
    }
    expect(uniform01Open({ next: () => 0 })).toBe(1);
  });

  it('uniformBetween stays in [lo, hi) with mean (lo + hi) / 2 within 4 SE', () => {
    const s = createStream(2, 'between', 0);
    const xs = draws(20_000, () => uniformBetween(s, -3, 5));
    for (const x of xs) expect(x >= -3 && x < 5).toBe(true);
    const se = 8 / Math.sqrt(12) / Math.sqrt(xs.length);
    expect(Math.abs(mean(xs) - 1)).toBeLessThan(4 * se);
    expect(() => uniformBetween(s, 2, 1)).toThrow(RangeError);
  });
});

describe('exponential', () => {
  it('has the right mean (within 4 SE) and passes Kolmogorov–Smirnov at α = 0.001, n = 20,000', () => {
    const s = createStream(3, 'exponential', 0);
    const n = 20_000;
    const meanMs = 250;
    const xs = draws(n, () => exponential(s, meanMs));
    expect(Math.abs(mean(xs) - meanMs)).toBeLessThan((4 * meanMs) / Math.sqrt(n)); // SE = mean / sqrt(n)
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x / meanMs))).toBeLessThan(ksCritical001(n));
  });

  it('the KS check can fail: a 5% wrong mean is rejected', () => {
    const s = createStream(3, 'exponential', 0);
    const xs = draws(20_000, () => exponential(s, 250));
    expect(ksStatistic(xs, (x) => 1 - Math.exp(-x / 262.5))).toBeGreaterThan(ksCritical001(xs.length));
  });

  it('refuses a negative or non-finite mean', () => {
    const s = createStream(3, 'exponential', 1);
    expect(() => exponential(s, -1)).toThrow(RangeError);
    expect(() => exponential(s, NaN)).toThrow(RangeError);
    expect(() => exponential(s, Infinity)).toThrow(RangeError);
    expect(exponential(s, 0)).toBe(0);
  });
});

describe('standardNormalFromUniform', () => {
  // Quantiles of the standard normal at these exact doubles, computed with mpmath at 60 digits.
  const quantiles: [number, number][] = [
    [1e-20, -9.26234008979840758],
    [1e-12, -7.034483825301131933],
    [2 ** -32, -6.230260137989043163],
    [1e-6, -4.753424308822898957],
    [0.001, -3.090232306167813535],
    [0.01, -2.326347874040841093],
    [0.025, -1.959963984540054212],
    [0.05, -1.644853626951472688],
    [0.075, -1.439531470938455935],
    [0.1, -1.281551565544600435],
    [0.2, -0.8416212335729141655],
    [0.3, -0.524400512708040816],
    [0.4, -0.2533471031357997413],
    [0.5, 0],
    [0.6, 0.2533471031357997413],
    [0.7, 0.5244005127080406563],
    [0.8, 0.8416212335729143638],
    [0.9, 1.281551565544600593],
    [0.925, 1.439531470938456229],
    [0.975, 1.959963984540053856],
    [0.99, 2.326347874040840768],
    [0.999, 3.090232306167813278],
    [0.999999, 4.753424308817087766],
    [1 - 2 ** -32, 6.230260137989043163],
  ];

  it('matches known quantiles to 1e-9 (relative, in the tails)', () => {
    for (const [u, z] of quantiles) {
      expect(Math.abs(standardNormalFromUniform(u) - z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
    }
  });

  it('is infinite at 0 and 1 and NaN outside [0, 1]', () => {
    expect(standardNormalFromUniform(0)).toBe(-Infinity);
    expect(standardNormalFromUniform(1)).toBe(Infinity);
    expect(standardNormalFromUniform(-0.1)).toBeNaN();
    expect(standardNormalFromUniform(1.1)).toBeNaN();
    expect(standardNormalFromUniform(NaN)).toBeNaN();
  });
});

describe('normal and lognormalFromMedian', () => {
  it('normal has the right mean and sd (4 SE) and its 97.5% quantile in place', () => {
    const s = createStream(4, 'normal', 0);
    const n = 20_000;
    const xs = draws(n, () => normal(s, 3, 2));
    expect(Math.abs(mean(xs) - 3)).toBeLessThan((4 * 2) / Math.sqrt(n));
    // SE of the sample sd ≈ sd / sqrt(2n).
    expect(Math.abs(Math.sqrt(variance(xs)) - 2)).toBeLessThan((4 * 2) / Math.sqrt(2 * n));
    const below = xs.filter((x) => x < 3 + 2 * 1.959963984540054).length / n;
    expect(Math.abs(below - 0.975)).toBeLessThan(4 * Math.sqrt((0.975 * 0.025) / n));
  });

  it('lognormalFromMedian: half the draws fall below the median (4 SE), and log-draws have sd sigma', () => {
    const s = createStream(5, 'lognormal', 0);
    const n = 20_000;
    const xs = draws(n, () => lognormalFromMedian(s, 1500, 0.8));
    for (const x of xs) expect(x).toBeGreaterThan(0);
    const below = xs.filter((x) => x < 1500).length / n;
    expect(Math.abs(below - 0.5)).toBeLessThan(4 * (0.5 / Math.sqrt(n)));
    const logs = xs.map(Math.log);
    expect(Math.abs(mean(logs) - Math.log(1500))).toBeLessThan((4 * 0.8) / Math.sqrt(n));
    expect(Math.abs(Math.sqrt(variance(logs)) - 0.8)).toBeLessThan((4 * 0.8) / Math.sqrt(2 * n));
  });

  it('refuse bad parameters', () => {
    const s = createStream(5, 'lognormal', 1);
    expect(() => normal(s, 0, -1)).toThrow(RangeError);
    expect(() => normal(s, NaN, 1)).toThrow(RangeError);
    expect(() => lognormalFromMedian(s, 0, 1)).toThrow(RangeError);
    expect(() => lognormalFromMedian(s, 1, -1)).toThrow(RangeError);
  });
});

describe('bernoulli', () => {
  it('is true with probability p (4 SE), never at p = 0, always at p = 1', () => {
    const s = createStream(6, 'bernoulli', 0);
    const n = 20_000;
    const hits = draws(n, () => (bernoulli(s, 0.3) ? 1 : 0)).reduce((a, b) => a + b, 0);
    expect(Math.abs(hits / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    for (let i = 0; i < 1000; i++) {
      expect(bernoulli(s, 0)).toBe(false);
      expect(bernoulli(s, 1)).toBe(true);
    }
    expect(() => bernoulli(s, NaN)).toThrow(RangeError);
  });
});

describe('cumulativeWeights and categorical', () => {
  it('normalises, ends exactly at 1, and keeps zero weights at the end unreachable', () => {
    const c = cumulativeWeights([0.1, 0.2, 0.3]);
    expect(c[2]).toBe(1);
    expect(c[0]).toBeCloseTo(1 / 6, 15);
    expect(c[1]).toBeCloseTo(0.5, 15);
    expect(Array.from(cumulativeWeights([1, 2, 0, 0]))).toEqual([1 / 3, 1, 1, 1]);
    expect(categorical({ next: () => 1 - 2 ** -53 }, cumulativeWeights([1, 2, 0, 0]))).toBe(1);
    expect(categorical({ next: () => 0 }, cumulativeWeights([0, 0, 5]))).toBe(2);
  });

  it('refuses empty, negative, non-finite or all-zero weights', () => {
    expect(() => cumulativeWeights([])).toThrow(RangeError);
    expect(() => cumulativeWeights([1, -1])).toThrow(/weights\[1\]/);
    expect(() => cumulativeWeights([1, NaN])).toThrow(RangeError);
    expect(() => cumulativeWeights([1, Infinity])).toThrow(RangeError);
    expect(() => cumulativeWeights([0, 0])).toThrow(RangeError);
  });

  it('draws each index with frequency weight / total, within 4 SE', () => {
    const weights = [1, 2, 3, 0, 4, 0.5];
    const total = weights.reduce((a, b) => a + b, 0);
    const cumulative = cumulativeWeights(weights);
    const s = createStream(7, 'categorical', 0);
    const n = 50_000;
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < n; i++) {
      const k = categorical(s, cumulative);
      counts[k] = (counts[k] as number) + 1;
    }
    weights.forEach((w, k) => {
      const p = w / total;
      const se = Math.sqrt((p * (1 - p)) / n);
      if (p === 0) expect(counts[k]).toBe(0);
      else expect(Math.abs((counts[k] as number) / n - p)).toBeLessThan(4 * se);
    });
  });
});

describe('gamma', () => {
  // SE of the sample mean: sqrt(k θ² / n); of the sample variance about
  // k θ² sqrt((2 + 6/k) / n) (gamma's excess kurtosis is 6/k). Tolerance 4 SE:
  // at n = 100,000 that is ±1.8% (mean) and ±4.7% (variance) for shape 0.5,
  // ±0.7% and ±2.5% for shape 3.
  for (const shape of [0.5, 3]) {
    it(`shape ${shape}: mean and variance within 4 SE`, () => {
      const s = createStream(8, 'gamma', shape * 10);
      const n = 100_000;
      const scale = 2;
      const xs = draws(n, () => gamma(s, shape, scale));
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
      const v = shape * scale * scale;
      expect(Math.abs(mean(xs) - shape * scale)).toBeLessThan(4 * Math.sqrt(v / n));
      expect(Math.abs(variance(xs) - v)).toBeLessThan(4 * v * Math.sqrt((2 + 6 / shape) / n));
    });
  }

  it('shape 3 (Erlang) passes Kolmogorov–Smirnov at α = 0.001, n = 20,000', () => {
    const s = createStream(8, 'gamma', 99);
    const n = 20_000;
    const xs = draws(n, () => gamma(s, 3, 2));
    const erlangCdf = (x: number): number => {
      const y = x / 2;
      return 1 - Math.exp(-y) * (1 + y + (y * y) / 2);
    };
    expect(ksStatistic(xs, erlangCdf)).toBeLessThan(ksCritical001(n));
  });

  it('shape 0.5 puts P(X <= scale/2) = P(Z² <= 1) = 0.682689 of draws below scale/2 (4 SE)', () => {
    const s = createStream(8, 'gamma', 98);
    const n = 20_000;
    const p = 0.682689492137086; // Gamma(1/2, θ) = θ Z² / 2
    const below = draws(n, () => gamma(s, 0.5, 2)).filter((x) => x <= 1).length / n;
    expect(Math.abs(below - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('refuses non-positive or non-finite parameters', () => {
    const s = createStream(8, 'gamma', 97);
    expect(() => gamma(s, 0, 1)).toThrow(RangeError);
    expect(() => gamma(s, 1, 0)).toThrow(RangeError);
    expect(() => gamma(s, Infinity, 1)).toThrow(RangeError);
  });
});

describe('uniforms consumed per draw (keeps common random numbers aligned)', () => {
  it('is exactly one for every draw but gamma', () => {
    const s = counting(createStream(9, 'count', 0));
    const cumulative = cumulativeWeights([1, 2, 3]);
    const cases: [string, () => unknown][] = [
      ['uniform01Open', () => uniform01Open(s)],
      ['exponential', () => exponential(s, 5)],
      ['uniformBetween', () => uniformBetween(s, 0, 1)],
      ['normal', () => normal(s, 0, 1)],
      ['lognormalFromMedian', () => lognormalFromMedian(s, 1, 1)],
      ['bernoulli', () => bernoulli(s, 0.5)],
      ['categorical', () => categorical(s, cumulative)],
    ];
    for (const [name, draw] of cases) {
      const before = s.taken;
      for (let i = 0; i < 100; i++) draw();
      expect([name, s.taken - before]).toEqual([name, 100]);
    }
  });

  it('gamma takes 2 per attempt, plus 1 when shape < 1', () => {
    const s = counting(createStream(9, 'count', 1));
    let attempts = 0;
    for (let i = 0; i < 1000; i++) {
      const before = s.taken;
      gamma(s, 3, 1);
      const used = s.taken - before;
      expect(used % 2).toBe(0);
      attempts += used / 2;
    }
    expect(attempts / 1000).toBeLessThan(1.1); // acceptance is about 0.98 at shape 3
    for (let i = 0; i < 1000; i++) {
      const before = s.taken;
      gamma(s, 0.5, 1);
      expect((s.taken - before) % 2).toBe(1);
    }
  });
});
