/**
 * Phase 2's window (R8: Lambda moves the Auto functions not yet updated, spread over
 * [publication + startAfter, + duration]) from interval-censored moves, times measured from
 * each region's publication and pooled over regions.
 *
 * Direct: when the subjects' moves cannot be deploys — moves within a published version `[N]`
 * (R14: a published version is immutable, so only Lambda changes its runtime), or Auto
 * functions whose inventory LastModified is before publication — the window is the span of
 * Turnbull's estimate of their move times (its first and last innermost intervals with mass):
 * an outer bound, wider than the truth by at most one gap between inits at each end.
 *
 * Hazard: with only `$LATEST` streams and no inventory, deploys move functions at a steady rate
 * λ before, during and after the window, and phase 2 adds a block of moves inside it. From
 * Turnbull's estimate F of the time to move, the hazard per bin is
 *     h_k = (F(t_{k+1}) − F(t_k)) / ((1 − F(t_k)) · bin).
 * The window is the maximum-likelihood change-point pair of a hazard that is constant outside
 * [a, b) and higher, constant, inside (Poisson likelihood of the binned expected moves d_k over
 * the exposure r_k = n (1 − F(t_k)) · bin: Σ d log(d/r) − d on each side), searched over every
 * pair of bin edges; λ is the hazard outside. The edges are known to about one bin.
 */
import { turnbull, turnbullCdf, type Interval } from '../analysis/turnbull.js';

/** Default bin of the hazard method: 6 h, short against a phase 2 of days, long enough to hold several moves in a small fleet. */
export const HAZARD_BIN_MS = 6 * 3_600_000;

export interface WindowFit {
  readonly startAfterMs: number;
  readonly durationMs: number;
  /** Phase-1 move rate per function per ms outside the window (hazard method), NaN for direct. */
  readonly baselinePerMs: number;
  readonly method: 'direct' | 'hazard';
  readonly subjects: number;
}

export function directWindow(moved: readonly Interval[]): WindowFit | null {
  if (moved.length === 0) return null;
  const fit = turnbull(moved);
  let first = -1;
  let last = -1;
  for (let j = 0; j < fit.mass.length; j++) {
    if (fit.mass[j]! > 1e-9 && Number.isFinite(fit.right[j]!)) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) return null;
  const startAfterMs = Math.max(0, fit.left[first]!);
  return { startAfterMs, durationMs: Math.max(0, fit.right[last]! - startAfterMs), baselinePerMs: Number.NaN, method: 'direct', subjects: moved.length };
}

export function hazardWindow(intervals: readonly Interval[], horizonMs: number, binMs = HAZARD_BIN_MS): WindowFit | null {
  if (intervals.length === 0 || !(horizonMs > 2 * binMs)) return null;
  const fit = turnbull(intervals);
  const bins = Math.floor(horizonMs / binMs);
  // Per bin: expected moves d_k = n (F(t_{k+1}) − F(t_k)) and exposure r_k = n (1 − F(t_k)) · bin.
  const moves = new Float64Array(bins + 1);
  const exposure = new Float64Array(bins + 1);
  for (let k = 0; k < bins; k++) {
    const f0 = turnbullCdf(fit, k * binMs);
    const f1 = turnbullCdf(fit, (k + 1) * binMs);
    moves[k + 1] = moves[k]! + fit.n * (f1 - f0);
    exposure[k + 1] = exposure[k]! + fit.n * (1 - f0) * binMs;
  }
  const ll = (d: number, r: number): number => (d > 0 && r > 0 ? d * Math.log(d / r) - d : 0);
  const totalMoves = moves[bins]!;
  const totalExposure = exposure[bins]!;
  let best: { a: number; b: number; score: number } | null = null;
  for (let a = 0; a < bins; a++) {
    for (let b = a + 1; b <= bins; b++) {
      const dIn = moves[b]! - moves[a]!;
      const rIn = exposure[b]! - exposure[a]!;
      const dOut = totalMoves - dIn;
      const rOut = totalExposure - rIn;
      // The window is where the hazard jumps up: inside must exceed outside.
      if (!(rIn > 0) || (rOut > 0 && dIn / rIn <= dOut / rOut)) continue;
      const score = ll(dIn, rIn) + ll(dOut, rOut);
      if (best === null || score > best.score) best = { a, b, score };
    }
  }
  if (best === null) return null;
  const rOut = totalExposure - (exposure[best.b]! - exposure[best.a]!);
  const dOut = totalMoves - (moves[best.b]! - moves[best.a]!);
  return {
    startAfterMs: best.a * binMs,
    durationMs: (best.b - best.a) * binMs,
    baselinePerMs: rOut > 0 ? dOut / rOut : 0,
    method: 'hazard',
    subjects: intervals.length,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
