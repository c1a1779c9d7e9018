import { standardNormalFromUniform } from '../../kernel/distributions.js';

/** A lognormal delay from its median and sigma, from one uniform u in (0, 1). */
export function lognormalDelayMs(medianMs: number, sigma: number, u: number): number {
  const clamped = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
  return medianMs * Math.exp(sigma * standardNormalFromUniform(clamped));
}
