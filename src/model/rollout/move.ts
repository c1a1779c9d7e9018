/**
 * A function's pending move fires: it now runs the latest secure version of its runtime in
 * its region (R7 `Auto`/`FunctionUpdate`, R3 images: the newest base image). Every release
 * it passes over that had reached its region is patched now, with the move's cause.
 * For an alias function, a deploy publishes a new function version that the alias now
 * points to, and phase 2 moves the published version itself (R14); either way the live
 * runtime version is the one that changes.
 */
import type { ReplicationContext } from '../context.js';
import { publishedAt } from '../context.js';
import { clearPendingMove } from './pendingMove.js';

export function moveToLatest(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, versions, groups, patches, survival, staleness } = ctx;
  const how = fleet.pendingHow[f]!;
  clearPendingMove(ctx, f);
  const region = fleet.region[f]!;
  const runtime = fleet.runtime[f]!;
  const target = ctx.latest[region * ctx.runtimeCount + runtime]!;
  const from = fleet.version[f]!;
  const fromRank = versions.rank[from]!;
  const toRank = versions.rank[target]!;
  if (toRank <= fromRank) return;

  const ladder = versions.byRuntime[runtime]!;
  for (let k = fromRank + 1; k <= toRank; k++) {
    const v = ladder[k]!;
    const publishedMs = publishedAt(ctx, v, region);
    if (!(publishedMs <= atMs)) continue; // not in this region yet: patched at its publication (τ = 0)
    patches.append(f, v, publishedMs, atMs, how);
    if (fleet.createdMs[f]! <= publishedMs) survival.recordPatched(atMs - publishedMs);
  }
  groups.remove(f);
  fleet.version[f] = target;
  fleet.lastHow[f] = how;
  groups.add(f);
  staleness.book(f, atMs, false);
}
