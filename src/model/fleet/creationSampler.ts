/**
 * Creating functions on the real calendar (`startDate`): after a runtime's block-create date
 * Lambda refuses to create functions on it (domain.md, "Deprecation policy"), so a function
 * created during the run is drawn from the runtimes still open, their weights renormalised
 * (the same one draw from the runtime stream, so other attributes keep their draws). When every
 * runtime of the fleet is blocked, no function is created. Without `startDate` the fleet's own
 * sampler is used unchanged.
 */
import { cumulativeWeights } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import type { FleetSampler } from './drawFunction.js';

const cache = new WeakMap<ReplicationContext, Map<string, FleetSampler | null>>();

/** The sampler for a creation at `atMs`, or null when no runtime of the fleet may be created on. */
export function creationSampler(ctx: ReplicationContext, atMs: number): FleetSampler | null {
  if (ctx.scenario.calendar === undefined) return ctx.sampler;
  const spec = ctx.scenario.fleet;
  const open = spec.runtimes.map((w) => {
    const blockAt = ctx.scenario.runtimes.find((r) => r.id === w.name)?.lifecycle?.blockCreateAtMs ?? null;
    return blockAt === null || atMs < blockAt;
  });
  if (open.every((o) => o)) return ctx.sampler;
  const key = open.map((o) => (o ? '1' : '0')).join('');
  let byKey = cache.get(ctx);
  if (byKey === undefined) cache.set(ctx, (byKey = new Map()));
  if (!byKey.has(key)) {
    const weights = spec.runtimes.map((w, i) => (open[i] ? w.weight : 0));
    byKey.set(key, weights.some((w) => w > 0) ? { ...ctx.sampler, runtime: cumulativeWeights(weights) } : null);
  }
  return byKey.get(key)!;
}
