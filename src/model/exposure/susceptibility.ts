/**
 * Which functions a release breaks: a seeded `share` of the functions on its runtime that
 * match the optional filters (architecture, region, package type). The draw is keyed by
 * (function, release), so the answer never depends on event order.
 */
import type { ReplicationContext } from '../context.js';

export function isSusceptible(ctx: ReplicationContext, f: number, releaseIndex: number): boolean {
  const inc = ctx.scenario.releases[releaseIndex]!.incompatibility;
  if (inc === null) return false;
  const { fleet, scenario } = ctx;
  const spec = scenario.fleet;
  if (inc.architectures && !inc.architectures.includes(spec.architectures[fleet.architecture(f)]!.name)) return false;
  if (inc.regions && !inc.regions.includes(spec.regions[fleet.region(f)]!.name)) return false;
  if (inc.packageTypes && !inc.packageTypes.includes(fleet.packageType(f) === 1 ? 'Image' : 'Zip')) return false;
  return ctx.keyed.susceptible.at(f, releaseIndex) < inc.share;
}
