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
 * The baseline is the median of h_k; the window is the longest run of bins whose hazard is above
 * JUMP_FACTOR × baseline (one quiet bin inside a run is bridged). λ is re-estimated as the mean
 * hazard outside the run. The edges are known to about one bin.
 */
import { turnbull, turnbullCdf, type Interval } from '../analysis/turnbull.js';

/** Default bin of the hazard method: 6 h, short against a phase 2 of days, long enough to hold several moves in a small fleet. */
export const HAZARD_BIN_MS = 6 * 3_600_000;
/** Phase 2 multiplies the move hazard at least (λ + 1/duration)/λ; a 3× jump separates it from noise in bins of several moves. */
export const JUMP_FACTOR = 3;

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
  if (intervals.length === 0 || !(horizonMs > binMs)) return null;
  const fit = turnbull(intervals);
  const bins = Math.floor(horizonMs / binMs);
  const hazard: number[] = [];
  for (let k = 0; k < bins; k++) {
    const f0 = turnbullCdf(fit, k * binMs);
    const f1 = turnbullCdf(fit, (k + 1) * binMs);
    hazard.push(f0 >= 1 ? 0 : (f1 - f0) / ((1 - f0) * binMs));
  }
  const baseline = median(hazard);
  const above = hazard.map((h) => (baseline > 0 ? h > JUMP_FACTOR * baseline : h > 0));
  let best: [number, number] | null = null;
  for (let k = 0; k < bins; k++) {
    if (!above[k]) continue;
    let end = k;
    while (end + 1 < bins && (above[end + 1] || (end + 2 < bins && above[end + 2]))) end += above[end + 1] ? 1 : 2;
    if (best === null || end - k > best[1] - best[0]) best = [k, end];
    k = end;
  }
  if (best === null) return null;
  const outside = hazard.filter((_, k) => k < best![0] || k > best![1]);
  return {
    startAfterMs: best[0] * binMs,
    durationMs: (best[1] + 1 - best[0]) * binMs,
    baselinePerMs: outside.length === 0 ? 0 : outside.reduce((a, b) => a + b, 0) / outside.length,
    method: 'hazard',
    subjects: intervals.length,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
