/**
 * Lambda halts a bad release (R11, and the Builders' Library's automatic rollback): regions
 * not yet published never get it, phase 2 stops, and it is withdrawn, so it is no longer the
 * latest secure version anywhere. Functions already on it stay there (Lambda does not move
 * them back); functions that were stale only because of it are no longer stale, and their
 * pending moves are dropped.
 */
import type { ReplicationContext } from '../context.js';
import { clearPendingMove } from './pendingMove.js';

export function haltRelease(ctx: ReplicationContext, version: number, atMs: number): void {
  if (ctx.withdrawn[version] === 1) return;
  ctx.withdrawn[version] = 1;
  ctx.haltedAtMs[version] = atMs;
  const { versions, fleet, staleness } = ctx;
  const runtime = versions.runtimeIndex[version]!;
  const ladder = versions.byRuntime[runtime]!;
  for (let region = 0; region < ctx.regionCount; region++) {
    const slot = region * ctx.runtimeCount + runtime;
    if (ctx.latest[slot] !== version) continue;
    // Latest secure = newest version that reached the region and is not withdrawn.
    let latest = ladder[0]!;
    for (const v of ladder) {
      if (ctx.withdrawn[v] === 0 && ctx.reachedMs[v * ctx.regionCount + region]! <= atMs) latest = v;
    }
    ctx.latest[slot] = latest;
    const members = ctx.buckets.members(region, runtime);
    for (let i = 0; i < members.length; i++) {
      const f = members[i]!;
      if (!staleness.isStale(f) || versions.rank[fleet.version[f]!]! < versions.rank[latest]!) continue;
      staleness.book(f, atMs, false);
      clearPendingMove(ctx, f);
    }
  }
}
