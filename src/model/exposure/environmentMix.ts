/**
 * Execution environments (R15, metrics.md result 4). An environment keeps the runtime
 * version it was initialised with and lives an exponential lifetime of mean L. After a
 * function switches version at t0, environments of the old version keep serving until they
 * end, so the share of invocations the old version serves is e^(−(t − t0)/L), whatever mix
 * was there before: shares of all old versions decay together and the new version takes
 * the rest.
 *
 * These functions follow one version's share s(t), from s0 at an anchor time, either rising
 * (the version is live: new environments are of it) or decaying (it is not), and integrate it,
 * so invocations are counted without simulating each invocation.
 */

/** Share at `dtMs` after the anchor. */
export function shareAfter(s0: number, rising: boolean, dtMs: number, lifetimeMs: number): number {
  const decay = Math.exp(-dtMs / lifetimeMs);
  return rising ? 1 - (1 - s0) * decay : s0 * decay;
}

/** ∫ s(t) dt over [anchor, anchor + dtMs], in ms (multiply by invocations per ms). */
export function shareIntegralMs(s0: number, rising: boolean, dtMs: number, lifetimeMs: number): number {
  const settled = lifetimeMs * -Math.expm1(-dtMs / lifetimeMs); // L (1 − e^(−dt/L)), stable for small dt
  return rising ? dtMs - (1 - s0) * settled : s0 * settled;
}

/**
 * Time after the anchor at which the integrated share reaches `mass` (ms of full-share
 * exposure), or Infinity if it never does (a decaying share integrates to s0·L at most).
 * Used to place the first failed invocation: failures form a Poisson process of intensity
 * rate × errorRate × s(t), so the first comes when the integral reaches an Exp(1) mass.
 */
export function timeToIntegralMs(s0: number, rising: boolean, massMs: number, lifetimeMs: number): number {
  if (massMs <= 0) return 0;
  if (!rising) {
    const total = s0 * lifetimeMs;
    if (massMs >= total) return Number.POSITIVE_INFINITY;
    return -lifetimeMs * Math.log1p(-massMs / total);
  }
  // Rising: F(t) = t − (1 − s0) L (1 − e^(−t/L)) is increasing and convex; Newton from the
  // upper bound t = mass + (1 − s0) L converges monotonically from above.
  let t = massMs + (1 - s0) * lifetimeMs;
  for (let i = 0; i < 100; i++) {
    const f = shareIntegralMs(s0, true, t, lifetimeMs) - massMs;
    const slope = shareAfter(s0, true, t, lifetimeMs);
    if (slope <= 0) break;
    const next = t - f / slope;
    if (Math.abs(next - t) < 1e-6) return Math.max(0, next);
    t = Math.max(0, next);
  }
  return t;
}
