/**
 * Kaplan–Meier survival S(t) of time to patch (metrics.md) from binned, right-censored
 * observations. Censorings in a bin are taken to fall after that bin's patches (the usual
 * convention), so S is exact at bin edges.
 */
export interface BinnedSurvival {
  readonly binMs: number;
  readonly patched: ArrayLike<number>;
  readonly censored: ArrayLike<number>;
}

export interface SurvivalCurve {
  readonly binMs: number;
  /** S at the end of each bin. */
  readonly survival: Float64Array;
  /** Observations still at risk at the start of each bin. */
  readonly atRisk: Float64Array;
  readonly observations: number;
}

export function kaplanMeier(data: BinnedSurvival): SurvivalCurve {
  const bins = data.patched.length;
  let atRisk = 0;
  for (let b = 0; b < bins; b++) atRisk += data.patched[b]! + data.censored[b]!;
  const observations = atRisk;
  const survival = new Float64Array(bins);
  const risk = new Float64Array(bins);
  let s = 1;
  for (let b = 0; b < bins; b++) {
    risk[b] = atRisk;
    const d = data.patched[b]!;
    if (atRisk > 0 && d > 0) s *= 1 - d / atRisk;
    survival[b] = s;
    atRisk -= d + data.censored[b]!;
  }
  return { binMs: data.binMs, survival, atRisk: risk, observations };
}

/**
 * Smallest time (ms, upper edge of its bin) by which at least a share q has been patched,
 * i.e. S(t) ≤ 1 − q; null if the curve never gets there before the horizon.
 */
export function survivalQuantileMs(curve: SurvivalCurve, q: number): number | null {
  if (curve.observations === 0) return null;
  const target = 1 - q + 1e-12;
  for (let b = 0; b < curve.survival.length; b++) {
    if (curve.survival[b]! <= target) return (b + 1) * curve.binMs;
  }
  return null;
}

/** S(t): share still unpatched t after publication; null once nobody is left at risk. */
export function survivalAtMs(curve: SurvivalCurve, tMs: number): number | null {
  if (curve.observations === 0) return null;
  const b = Math.floor(tMs / curve.binMs) - 1;
  if (b < 0) return 1;
  if (b >= curve.survival.length) return null;
  // Nobody left at risk: S is known only if everyone was patched.
  if (curve.atRisk[b]! === 0 && curve.survival[b]! > 0) return null;
  return curve.survival[b]!;
}
