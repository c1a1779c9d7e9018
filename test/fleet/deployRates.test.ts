/**
 * The deploy-rate estimator against histories drawn from known rates (metrics.md result 2).
 * Each function's true rate λ_i is drawn from Gamma(k, θ) (seeded); its LastModified history is
 * a Poisson process of rate λ_i from its creation (before the window for most, inside it for
 * some) to the window's end, every deploy kept as a published version, $LATEST at the last one.
 *
 * Check: the estimated survival curve of a FunctionUpdate fleet,
 *   Ŝ(t) = mean_i E[e^(−λ_i t) | data_i] = mean_i (1 + t / (β + T_i))^(−(α + n_i)),
 * matches the curve of the true rates, S(t) = mean_i e^(−λ_i t), and the fitted prior's
 * (1 + θ̂t)^(−k̂) matches the analytic (1 + θt)^(−k).
 * Tolerance 0.03: Ŝ − S is a mean over N = 4000 independent functions of terms in [−1, 1] with
 * mean zero when the prior is right and SD ≤ 0.5, so its standard error is ≤ 0.5/√4000 = 0.008;
 * 3 standard errors plus 0.005 for the prior's own fitting error is 0.029. The naive estimate
 * (n_i / T_i, no shrinkage) misses by more than that, so the test can fail.
 */
import { describe, expect, it } from 'vitest';
import { exponential, gamma } from '../../src/kernel/distributions.js';
import { createStream } from '../../src/kernel/random.js';
import { DAY_MS, estimateDeployRates, exposureOf } from '../../src/fleet/deployRates.js';
import type { MergedFunction } from '../../src/fleet/fleetBuilder.js';
import { gammaSurvival } from '../../src/fleet/gammaPoisson.js';

const N = 4000;
const WINDOW_DAYS = 365;
const END_MS = Date.UTC(2026, 5, 1);
const START_MS = END_MS - WINDOW_DAYS * DAY_MS;
const TOLERANCE = 0.03;
const TIMES_DAYS = [1, 7, 30, 90, 180, 365];

function history(seed: number, shape: number, scaleDays: number): { merged: MergedFunction[]; rates: number[] } {
  const s = createStream(seed, 'fleet-deploy-test', 0);
  const merged: MergedFunction[] = [];
  const rates: number[] = [];
  for (let i = 0; i < N; i++) {
    const rate = gamma(s, shape, scaleDays);
    // 70% created before the window (up to a year before), 30% inside it
    const createdMs = s.next() < 0.7 ? START_MS - s.next() * 365 * DAY_MS : START_MS + s.next() * WINDOW_DAYS * DAY_MS;
    const times = [createdMs];
    for (let t = createdMs + exponential(s, 1 / rate) * DAY_MS; t <= END_MS; t += exponential(s, 1 / rate) * DAY_MS) times.push(t);
    rates.push(rate);
    merged.push({ fn: { functionArn: `f${i}` } as MergedFunction['fn'], lastModifiedMs: [times.at(-1)!, ...times] });
  }
  return { merged, rates };
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Gamma–Poisson empirical-Bayes deploy rates', () => {
  for (const [seed, k, theta] of [[1, 0.8, 0.05], [2, 2.0, 0.02], [3, 0.5, 0.2]] as const) {
    it(`recovers the survival curve of rates drawn from Gamma(k=${k}, θ=${theta}/day), seed ${seed}`, () => {
      const { merged, rates } = history(seed, k, theta);
      const { functions, statistics } = estimateDeployRates(merged, { windowDays: WINDOW_DAYS, windowEndMs: END_MS });
      expect(statistics.overdispersed).toBe(true);
      let naiveMiss = 0;
      for (const t of TIMES_DAYS) {
        const truth = mean(rates.map((r) => Math.exp(-r * t)));
        const estimated = mean(functions.map((f) => gammaSurvival(f.deploys.posteriorShape, f.deploys.posteriorRateDays, t)));
        expect(Math.abs(estimated - truth), `t=${t} d`).toBeLessThan(TOLERANCE);
        expect(Math.abs(gammaSurvival(statistics.priorShape, statistics.priorRateDays, t) - gammaSurvival(k, 1 / theta, t)), `prior t=${t} d`).toBeLessThan(TOLERANCE);
        const naive = mean(functions.map((f) => Math.exp(-(f.deploys.exposureDays > 0 ? f.deploys.observedDeploys / f.deploys.exposureDays : 0) * t)));
        naiveMiss = Math.max(naiveMiss, Math.abs(naive - truth));
      }
      expect(naiveMiss).toBeGreaterThan(TOLERANCE);
    });
  }

  it('with equal rates (no spread beyond Poisson) every function gets about the pooled rate', () => {
    const s = createStream(7, 'fleet-deploy-equal', 0);
    const merged: MergedFunction[] = Array.from({ length: 2000 }, (_, i) => {
      const times = [START_MS - DAY_MS];
      for (let t = START_MS + exponential(s, 20) * DAY_MS; t <= END_MS; t += exponential(s, 20) * DAY_MS) times.push(t);
      return { fn: { functionArn: `f${i}` } as MergedFunction['fn'], lastModifiedMs: times };
    });
    const { functions, statistics } = estimateDeployRates(merged, { windowDays: WINDOW_DAYS, windowEndMs: END_MS });
    // pooled over 2000 × 365 days at 0.05/day: ≈ 36,500 events, relative SE 0.5%
    expect(statistics.pooledRatePerDay).toBeGreaterThan(0.05 * 0.98);
    expect(statistics.pooledRatePerDay).toBeLessThan(0.05 * 1.02);
    // strong shrinkage: the posterior means spread far less than the raw counts (Poisson SD of n/T ≈ 0.0117)
    const spread = Math.sqrt(mean(functions.map((f) => (f.deploys.ratePerDay - statistics.pooledRatePerDay) ** 2)));
    expect(spread).toBeLessThan(0.004);
  });

  it('exposure: the first LastModified inside the window starts it and is not a deploy; equal times count once', () => {
    const d = (days: number): number => START_MS + days * DAY_MS;
    expect(exposureOf([d(100), d(200), d(200), d(300)], START_MS, END_MS)).toEqual({ events: 2, days: 265 });
    expect(exposureOf([d(-50), d(10)], START_MS, END_MS)).toEqual({ events: 1, days: 365 });
    expect(exposureOf([d(-50)], START_MS, END_MS)).toEqual({ events: 0, days: 365 });
  });
});
