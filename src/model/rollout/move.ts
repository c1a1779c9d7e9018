/**
 * A function's pending move fires: it now runs the latest secure version of its runtime in
 * its region (R7 `Auto`/`FunctionUpdate`, R3 images: the newest base image). Every release
 * it runs for the first time that had reached its region is patched now, with the move's
 * cause. For an alias function, a deploy publishes a new function version that the alias now
 * points to, and phase 2 moves the published version itself (R14); either way the live
 * runtime version is the one that changes.
 */
import type { ReplicationContext } from '../context.js';
import { NO_HANDLE } from '../fleet/fleetState.js';
import { ACTION_MOVE } from '../measure/changeLog.js';
import { clearPendingMove } from './pendingMove.js';
import { switchVersion } from './switchVersion.js';

/** Books patch rows for every release newer than the function's highest so far, up to `toRank`. */
export function bookPatches(ctx: ReplicationContext, f: number, toRank: number, atMs: number, how: number): void {
  const { fleet, versions, patches, survival } = ctx;
  const region = fleet.region[f]!;
  const ladder = versions.byRuntime[fleet.runtime[f]!]!;
  for (let k = fleet.highestRank[f]! + 1; k <= toRank; k++) {
    const v = ladder[k]!;
    const publishedMs = ctx.reachedMs[v * ctx.regionCount + region]!;
    // Not in this region (yet): if it arrives later, it is patched at its publication (τ = 0).
    if (!(publishedMs <= atMs)) continue;
    patches.append(f, v, publishedMs, atMs, how);
    if (fleet.createdMs[f]! <= publishedMs) survival.recordPatched(atMs - publishedMs);
  }
}

/** EV_MOVE: the function's pending move fires (its handle is spent, so nothing to cancel). */
export function onPendingMove(ctx: ReplicationContext, f: number, atMs: number): void {
  const fleet = ctx.fleet;
  fleet.pendingHandle[f] = NO_HANDLE;
  fleet.pendingAtMs[f] = Number.POSITIVE_INFINITY;
  moveToLatest(ctx, f, atMs);
}

export function moveToLatest(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, versions } = ctx;
  const how = fleet.pendingHow[f]!;
  clearPendingMove(ctx, f);
  const target = ctx.latest[fleet.region[f]! * ctx.runtimeCount + fleet.runtime[f]!]!;
  if (versions.rank[target]! <= versions.rank[fleet.version[f]!]!) return;
  bookPatches(ctx, f, versions.rank[target]!, atMs, how);
  fleet.lastHow[f] = how;
  switchVersion(ctx, f, target, atMs, ACTION_MOVE, how);
}
