/**
 * Deploy rates from history: each function's deploys are the distinct LastModified times of
 * its kept versions ($LATEST and published), counted over an observation window ending at the
 * latest LastModified in the inventory (or a given end). A function first seen inside the
 * window is observed from that first time on, and that first time is not counted (it marks
 * when the function was first seen, not a deploy within an observed period): counts after a
 * given time of a Poisson process are Poisson over the time that remains. The per-function
 * rates are shrunk towards the fleet by the Gamma–Poisson empirical-Bayes posterior
 * (gammaPoisson.ts): λ_i | data ~ Gamma(α + n_i, β + T_i).
 */
import type { MergedFunction } from './fleetBuilder.js';
import type { DeployStatistics, FleetFunction } from './fleetFile.js';
import { fitGammaPrior, pooledRate, type Exposure } from './gammaPoisson.js';
import { formatLastModified } from './lastModified.js';

export const DAY_MS = 86_400_000;
/** Default observation window. */
export const DEFAULT_WINDOW_DAYS = 365;

export interface DeployRateOptions {
  readonly windowDays: number;
  /** Epoch ms of the window's end; default: the latest LastModified in the inventory. */
  readonly windowEndMs?: number | undefined;
}

/** 12 significant digits: the same value in every run, short in the file. */
export function round12(x: number): number {
  return Number(x.toPrecision(12));
}

export function exposureOf(times: readonly number[], windowStartMs: number, windowEndMs: number): Exposure {
  const distinct = [...new Set(times)].filter((t) => t <= windowEndMs).sort((a, b) => a - b);
  if (distinct.length === 0) return { events: 0, days: 0 };
  const from = Math.max(windowStartMs, distinct[0]!);
  let events = 0;
  for (const t of distinct) if (t > from) events++;
  return { events, days: (windowEndMs - from) / DAY_MS };
}

export function estimateDeployRates(
  merged: readonly MergedFunction[],
  options: DeployRateOptions,
): { functions: FleetFunction[]; statistics: DeployStatistics } {
  let latest = 0;
  for (const m of merged) for (const t of m.lastModifiedMs) latest = Math.max(latest, t);
  const windowEndMs = options.windowEndMs ?? latest;
  const windowStartMs = windowEndMs - options.windowDays * DAY_MS;
  const exposures = merged.map((m) => exposureOf(m.lastModifiedMs, windowStartMs, windowEndMs));
  const prior = fitGammaPrior(exposures);
  const functions = merged.map((m, i): FleetFunction => {
    const e = exposures[i]!;
    const shape = prior.shape + e.events;
    const rate = prior.rateDays + e.days;
    return {
      ...m.fn,
      deploys: {
        observedDeploys: e.events,
        exposureDays: round12(e.days),
        ratePerDay: round12(shape / rate),
        posteriorShape: round12(shape),
        posteriorRateDays: round12(rate),
      },
    };
  });
  return {
    functions,
    statistics: {
      method: 'gamma-poisson-marginal-likelihood',
      windowStart: formatLastModified(windowStartMs),
      windowEnd: formatLastModified(windowEndMs),
      windowDays: options.windowDays,
      priorShape: round12(prior.shape),
      priorRateDays: round12(prior.rateDays),
      pooledRatePerDay: round12(pooledRate(exposures)),
      overdispersed: prior.overdispersed,
    },
  };
}
