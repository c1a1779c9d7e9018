/**
 * Turnbull's nonparametric maximum-likelihood estimate of a distribution from interval-censored
 * times (Turnbull 1976, "The empirical distribution function with arbitrarily grouped, censored
 * and truncated data"): each time is known only to lie in (L, R] (R = +Infinity: right-censored,
 * not yet happened when last seen). The NPMLE puts all its mass on the innermost intervals
 * (q_j, p_j] (a left end immediately followed by a right end in the sorted ends) and is found by
 * the self-consistency (EM) iteration p_j ← (1/n) Σ_i [j ⊆ I_i] p_j / Σ_{k ⊆ I_i} p_k.
 * Every observation covers a contiguous run of innermost intervals, so one iteration costs
 * O(n + m) with prefix sums. Mass on (q, +Infinity) is the share that never happens in view.
 */

export interface Interval {
  /** Exclusive lower bound. */
  readonly left: number;
  /** Inclusive upper bound; +Infinity for right-censored. */
  readonly right: number;
}

export interface TurnbullFit {
  readonly left: Float64Array;
  readonly right: Float64Array;
  readonly mass: Float64Array;
  readonly n: number;
  readonly iterations: number;
}

export function turnbull(intervals: readonly Interval[], tolerance = 1e-9, maxIterations = 20_000): TurnbullFit {
  const n = intervals.length;
  for (const { left, right } of intervals) {
    if (!(left < right) || Number.isNaN(left)) throw new RangeError(`turnbull: need left < right, got (${left}, ${right}]`);
  }
  // Ends sorted by value; at equal values a right end (closed) comes before a left end (open).
  const ends: { v: number; isRight: boolean }[] = [];
  for (const { left, right } of intervals) ends.push({ v: left, isRight: false }, { v: right, isRight: true });
  ends.sort((a, b) => a.v - b.v || (a.isRight === b.isRight ? 0 : a.isRight ? -1 : 1));
  const qs: number[] = [];
  const ps: number[] = [];
  for (let k = 0; k + 1 < ends.length; k++) {
    if (!ends[k]!.isRight && ends[k + 1]!.isRight) {
      qs.push(ends[k]!.v);
      ps.push(ends[k + 1]!.v);
    }
  }
  const m = qs.length;
  // Each observation covers innermost intervals [first[i], last[i]].
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  intervals.forEach(({ left, right }, i) => {
    first[i] = lowerBound(qs, left);
    last[i] = upperBound(ps, right) - 1;
  });
  let mass = new Float64Array(m).fill(m > 0 ? 1 / m : 0);
  const prefix = new Float64Array(m + 1);
  const diff = new Float64Array(m + 1);
  let iterations = 0;
  for (; iterations < maxIterations && m > 0; iterations++) {
    for (let j = 0; j < m; j++) prefix[j + 1] = prefix[j]! + mass[j]!;
    diff.fill(0);
    for (let i = 0; i < n; i++) {
      const a = first[i]!;
      const b = last[i]!;
      if (b < a) continue;
      const den = prefix[b + 1]! - prefix[a]!;
      if (den <= 0) continue;
      diff[a]! += 1 / den;
      diff[b + 1]! -= 1 / den;
    }
    const next = new Float64Array(m);
    let run = 0;
    let change = 0;
    for (let j = 0; j < m; j++) {
      run += diff[j]!;
      next[j] = (mass[j]! * run) / n;
      change = Math.max(change, Math.abs(next[j]! - mass[j]!));
    }
    mass = next;
    if (change < tolerance) break;
  }
  return { left: Float64Array.from(qs), right: Float64Array.from(ps), mass, n, iterations };
}

/** F(t): the estimated share with a time ≤ t, mass spread evenly over each finite innermost interval. */
export function turnbullCdf(fit: TurnbullFit, t: number): number {
  let f = 0;
  for (let j = 0; j < fit.mass.length; j++) {
    const q = fit.left[j]!;
    const p = fit.right[j]!;
    if (!Number.isFinite(p) || t <= q) continue;
    f += t >= p ? fit.mass[j]! : (fit.mass[j]! * (t - q)) / (p - q);
  }
  return Math.min(1, f);
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
