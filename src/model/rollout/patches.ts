/**
 * Patch rows (metrics.md, time to patch): one per (function, release that reached it). A
 * release reaches a Zip function when it is published in its region (R10), an image function
 * when its base image is published, once for all regions (R3). A release withdrawn (R11)
 * before the function ran it is written with how = withdrawn and no patch time, and stays out
 * of the survival curve.
 */
import type { ReplicationContext } from '../context.js';
import { HOW_WITHDRAWN, PACKAGE_IMAGE } from '../fleet/fleetState.js';

/** When version `v` reached function `f` (its region's publication, or the base image); Infinity if not (yet). */
export function reachedFor(ctx: ReplicationContext, f: number, v: number): number {
  const { fleet } = ctx;
  if (fleet.packageType(f) === PACKAGE_IMAGE) return ctx.imageReachedMs[v]!;
  return ctx.reachedMs[v * ctx.regionCount + fleet.region(f)]!;
}

/** Books rows for every release newer than the function's highest so far, up to rank `toRank`. */
export function bookPatches(ctx: ReplicationContext, f: number, toRank: number, atMs: number, how: number): void {
  const { fleet, versions, patches, survival } = ctx;
  const ladder = versions.byRuntime[fleet.runtime(f)]!;
  const mode = fleet.mode(f);
  for (let k = fleet.highestRank(f) + 1; k <= toRank; k++) {
    const v = ladder[k]!;
    const publishedMs = reachedFor(ctx, f, v);
    // Not here (yet): if it arrives later, it is patched at its publication (τ = 0).
    if (!(publishedMs <= atMs)) continue;
    // Withdrawn by then (R11): by the halt's time, not by `withdrawn`, because a post-dated
    // move (postDated.ts) is applied after its own time, perhaps after a later halt.
    if (ctx.haltedAtMs[v]! <= atMs && k < toRank) {
      patches.append(f, v, publishedMs, Number.NaN, HOW_WITHDRAWN, mode);
      continue;
    }
    patches.append(f, v, publishedMs, atMs, how, mode);
    if (fleet.createdMs(f) <= publishedMs) survival.recordPatched(atMs - publishedMs);
  }
}
