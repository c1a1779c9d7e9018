/**
 * A release reaches one region (R10). It becomes the latest secure version there unless a
 * newer release got there first. Every function of the runtime in that region that runs an
 * older version is stale from now on and is offered its moves (R8): phase 1 on its next
 * deploy, phase 2 if it is Auto, a rebuild if it is an image (R3); Manual never (R9).
 * Functions that already ran this version or a newer one are patched for it at once (τ = 0).
 * A release halted before reaching the region never gets there (R11).
 */
import type { ReplicationContext } from '../context.js';
import { offerMoves } from './pendingMove.js';

export function publishInRegion(ctx: ReplicationContext, version: number, region: number, atMs: number): void {
  if (ctx.withdrawn[version] === 1) return;
  const { fleet, versions, staleness, patches, survival } = ctx;
  ctx.reachedMs[version * ctx.regionCount + region] = atMs;
  const runtime = versions.runtimeIndex[version]!;
  const rank = versions.rank[version]!;
  const slot = region * ctx.runtimeCount + runtime;
  if (rank > versions.rank[ctx.latest[slot]!]!) ctx.latest[slot] = version;
  const releaseIndex = versions.releaseIndex[version]!;

  const members = ctx.buckets.members(region, runtime);
  for (let i = 0; i < members.length; i++) {
    const f = members[i]!;
    if (fleet.highestRank[f]! >= rank) {
      patches.append(f, version, atMs, atMs, fleet.lastHow[f]!);
      survival.recordPatched(0);
    }
    if (versions.rank[fleet.version[f]!]! >= versions.rank[ctx.latest[slot]!]!) {
      // Keep the draws aligned whatever the function runs (common random numbers).
      ctx.changeStream.next();
      ctx.phase2Stream.next();
      continue;
    }
    staleness.begin(f, atMs);
    offerMoves(ctx, f, atMs, releaseIndex);
  }
}
