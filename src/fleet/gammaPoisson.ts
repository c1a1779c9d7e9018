/**
 * Empirical-Bayes fit of a Gamma prior to Poisson counts with unequal exposures (the
 * Gamma–Poisson model of metrics.md result 2). Function i has n_i events over T_i days,
 * n_i | λ_i ~ Poisson(λ_i T_i), λ_i ~ Gamma(shape α, rate β). The prior is fitted by
 * maximising the marginal (negative-binomial) likelihood
 *   ℓ(α, β) = Σ_i [ln Γ(α + n_i) − ln Γ(α) + α ln β − (α + n_i) ln(β + T_i)] + const
 * with Nelder–Mead over (ln α, ln β), started from a method-of-moments guess. Pure and
 * deterministic: the same counts in the same order give the same numbers.
 */

export interface Exposure {
  readonly events: number;
  readonly days: number;
}

export interface GammaPrior {
  readonly shape: number;
  readonly rateDays: number;
  /** False when the counts show no spread beyond Poisson: the shape is then capped at MAX_SHAPE. */
  readonly overdispersed: boolean;
}

/** Largest prior shape: beyond it the prior is a point mass at the pooled rate for any practical count. */
export const MAX_SHAPE = 1e6;
const MIN_LOG_SHAPE = Math.log(1e-4);

/** Σ_i ln Γ(α + n_i) − ln Γ(α) as Σ_j c_j ln(α + j), c_j = #{i : n_i > j}. */
function makeLogLikelihood(data: readonly Exposure[]): (logShape: number, logRate: number) => number {
  let maxEvents = 0;
  for (const d of data) maxEvents = Math.max(maxEvents, d.events);
  const atLeast = new Float64Array(maxEvents + 1);
  for (const d of data) atLeast[d.events]! += 1;
  for (let j = maxEvents - 1; j >= 0; j--) atLeast[j]! += atLeast[j + 1]!;
  const used = data.filter((d) => d.days > 0);
  return (logShape, logRate) => {
    const a = Math.exp(logShape);
    const b = Math.exp(logRate);
    let ll = 0;
    for (let j = 0; j < maxEvents; j++) ll += atLeast[j + 1]! * Math.log(a + j);
    for (const d of used) ll += a * logRate - (a + d.events) * Math.log(b + d.days);
    return ll;
  };
}

/** Nelder–Mead on two variables, minimising f; fixed iteration budget, deterministic. */
function nelderMead(f: (x: number, y: number) => number, start: [number, number], step: number, iterations: number): [number, number] {
  let simplex: [number, number, number][] = [
    [start[0], start[1], 0],
    [start[0] + step, start[1], 0],
    [start[0], start[1] + step, 0],
  ];
  for (const p of simplex) p[2] = f(p[0], p[1]);
  for (let it = 0; it < iterations; it++) {
    simplex.sort((p, q) => p[2] - q[2]);
    const [best, mid, worst] = simplex as [[number, number, number], [number, number, number], [number, number, number]];
    if (Math.abs(worst[2] - best[2]) <= 1e-12 * (1 + Math.abs(best[2])) && Math.abs(worst[0] - best[0]) + Math.abs(worst[1] - best[1]) < 1e-9) break;
    const cx = (best[0] + mid[0]) / 2;
    const cy = (best[1] + mid[1]) / 2;
    const at = (t: number): [number, number, number] => {
      const x = cx + t * (worst[0] - cx);
      const y = cy + t * (worst[1] - cy);
      return [x, y, f(x, y)];
    };
    const reflected = at(-1);
    if (reflected[2] < best[2]) {
      const expanded = at(-2);
      simplex = [best, mid, expanded[2] < reflected[2] ? expanded : reflected];
    } else if (reflected[2] < mid[2]) {
      simplex = [best, mid, reflected];
    } else {
      const contracted = reflected[2] < worst[2] ? at(-0.5) : at(0.5);
      if (contracted[2] < Math.min(worst[2], reflected[2])) simplex = [best, mid, contracted];
      else {
        const shrink = (p: [number, number, number]): [number, number, number] => {
          const x = best[0] + (p[0] - best[0]) / 2;
          const y = best[1] + (p[1] - best[1]) / 2;
          return [x, y, f(x, y)];
        };
        simplex = [best, shrink(mid), shrink(worst)];
      }
    }
  }
  simplex.sort((p, q) => p[2] - q[2]);
  return [simplex[0]![0], simplex[0]![1]];
}

/** Pooled rate: all events over all exposure (per day). */
export function pooledRate(data: readonly Exposure[]): number {
  let events = 0;
  let days = 0;
  for (const d of data) {
    events += d.events;
    days += d.days;
  }
  return days > 0 ? events / days : 0;
}

/**
 * The prior by marginal likelihood. With no events at all the rate is not identified: the
 * prior is then Gamma(0.5, total exposure), the Jeffreys prior's half event over all the
 * exposure seen, and it is reported as not overdispersed.
 */
export function fitGammaPrior(data: readonly Exposure[]): GammaPrior {
  const exposed = data.filter((d) => d.days > 0);
  const totalDays = exposed.reduce((s, d) => s + d.days, 0);
  const mean = pooledRate(exposed);
  if (exposed.length === 0 || mean === 0) return { shape: 0.5, rateDays: Math.max(totalDays, 1), overdispersed: false };
  // Method of moments: exposure-weighted variance of the raw rates minus the Poisson part.
  let spread = 0;
  for (const d of exposed) spread += d.days * (d.events / d.days - mean) ** 2;
  const variance = spread / totalDays - (mean * exposed.length) / totalDays;
  const shape0 = variance > 0 ? Math.min(MAX_SHAPE, Math.max(1e-3, (mean * mean) / variance)) : 100;
  const ll = makeLogLikelihood(exposed);
  // Optimise over (ln α, ln mean) so that the two coordinates are nearly independent.
  const objective = (logShape: number, logMean: number): number => {
    const ls = Math.min(Math.log(MAX_SHAPE), Math.max(MIN_LOG_SHAPE, logShape));
    return -ll(ls, ls - logMean);
  };
  const [logShape, logMean] = nelderMead(objective, [Math.log(shape0), Math.log(mean)], 0.5, 2000);
  const shape = Math.min(MAX_SHAPE, Math.max(Math.exp(MIN_LOG_SHAPE), Math.exp(logShape)));
  if (shape >= MAX_SHAPE * 0.999) return { shape: MAX_SHAPE, rateDays: MAX_SHAPE / mean, overdispersed: false };
  return { shape, rateDays: shape / Math.exp(logMean), overdispersed: true };
}

/** S(t) = E[e^(−λt)] under Gamma(shape, rate): (1 + t/rate)^(−shape) (metrics.md result 2, θ = 1/rate). */
export function gammaSurvival(shape: number, rateDays: number, tDays: number): number {
  return Math.pow(1 + tDays / rateDays, -shape);
}
