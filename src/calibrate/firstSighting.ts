/**
 * How long after its publication in a region a version is first seen there. Before phase 2,
 * functions move to it only when deployed (R8 phase 1): in a region with n functions each moving
 * at rate λ, moves form a Poisson process of rate Λ = nλ. A moved function is seen at its next
 * init (R15), an exponential wait of mean g (its gap between inits). The first sighting T is the
 * first point of the thinned, delayed process, so
 *     P(T > t) = exp(−Λ ∫₀ᵗ (1 − e^{−s/g}) ds) = exp(−Λ (t − g (1 − e^{−t/g}))),
 * and E[T] = ∫₀^∞ P(T > t) dt, integrated numerically here. Publication ≈ first sighting − E[T].
 */

export function expectedFirstSightingDelayMs(movesPerMs: number, initGapMs: number): number {
  if (!(movesPerMs > 0)) return Number.POSITIVE_INFINITY;
  const g = Math.max(initGapMs, 1);
  const survival = (t: number): number => Math.exp(-movesPerMs * (t - g * (1 - Math.exp(-t / g))));
  // Trapezoids, fine near 0 (where the curve bends on the scale of g and 1/Λ), then growing with t.
  const base = Math.min(g, 1 / movesPerMs) / 200;
  let total = 0;
  let t = 0;
  let s0 = 1;
  for (let k = 0; k < 10_000_000; k++) {
    const step = Math.max(base, t / 1000);
    const s1 = survival(t + step);
    total += ((s0 + s1) / 2) * step;
    t += step;
    s0 = s1;
    if (s1 < 1e-9) break;
  }
  return total;
}
