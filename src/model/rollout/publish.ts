/**
 * A release reaches one region (R10), or its base image is published, once for every region
 * (R3, `releases[].baseImage.at`). It becomes the latest secure version there (for Zip
 * functions of the region, or for image functions everywhere) unless a newer one got there
 * first. Every function it reaches whose versions are now stale is offered its moves (R8):
 * phase 1 on its owner's next deploy or configuration update, phase 2 for its Auto versions,
 * a rebuild for an image (R3); Manual never (R9). Functions that already ran this version or a
 * newer one are patched for it at once (τ = 0). A release halted before reaching a region, or
 * before its base image, never gets there (R11). Each function's post-dated moves due before
 * the publication are applied first, under the latest secure version before it (settle.ts).
 */
import type { ReplicationContext } from '../context.js';
import { PACKAGE_IMAGE, PACKAGE_ZIP, POST_DATED } from '../fleet/fleetState.js';
import { refreshSlots } from './functionVersionOps.js';
import { offerMoves, recheckPostDated } from './pendingMove.js';
import { settleMoves } from './settle.js';

/** `newest`: the version is now the latest secure one for `f` (else a newer one got there first). */
function reach(ctx: ReplicationContext, f: number, version: number, rank: number, releaseIndex: number, atMs: number, newest: boolean): void {
  const { fleet, staleness } = ctx;
  if (fleet.highestRank(f) >= rank) {
    ctx.patches.append(f, version, atMs, atMs, fleet.lastHow(f), fleet.mode(f));
    ctx.survival.recordPatched(0);
  }
  if (!newest) return;
  recheckPostDated(ctx, f);
  refreshSlots(ctx, f, atMs, version);
  if (fleet.version(f) !== version) staleness.begin(f, atMs);
  offerMoves(ctx, f, atMs, releaseIndex, version);
}

export function publishInRegion(ctx: ReplicationContext, version: number, region: number, atMs: number): void {
  if (ctx.withdrawn[version] === 1) return;
  const { versions } = ctx;
  ctx.reachedMs[version * ctx.regionCount + region] = atMs;
  const runtime = versions.runtimeIndex[version]!;
  const rank = versions.rank[version]!;
  const slot = region * ctx.runtimeCount + runtime;
  const before = ctx.latest[slot]!;
  const newest = rank > versions.rank[before]!;
  const after = newest ? version : before;
  ctx.latest[slot] = after;
  const releaseIndex = versions.releaseIndex[version]!;
  const members = ctx.buckets.members(region, runtime, PACKAGE_ZIP);
  const fleet = ctx.fleet;
  const seq = ctx.queue.runningSeq;
  for (let i = 0; i < members.length; i++) {
    const f = members[i]!;
    if (fleet.pendingTimerSeq(f) <= POST_DATED) {
      // Its moves due before now, under the latest secure version they were decided under.
      ctx.latest[slot] = before;
      settleMoves(ctx, f, atMs, seq);
      ctx.latest[slot] = after;
    }
    reach(ctx, f, version, rank, releaseIndex, atMs, newest);
  }
}

/** EV_BASE_IMAGE: the release's base image is out, in every region at once (R3, R10). */
export function publishBaseImage(ctx: ReplicationContext, version: number, atMs: number): void {
  if (ctx.withdrawn[version] === 1) return;
  const { versions } = ctx;
  ctx.imageReachedMs[version] = atMs;
  const runtime = versions.runtimeIndex[version]!;
  const rank = versions.rank[version]!;
  const before = ctx.latestImage[runtime]!;
  const newest = rank > versions.rank[before]!;
  const after = newest ? version : before;
  ctx.latestImage[runtime] = after;
  const releaseIndex = versions.releaseIndex[version]!;
  const fleet = ctx.fleet;
  const seq = ctx.queue.runningSeq;
  for (let region = 0; region < ctx.regionCount; region++) {
    const members = ctx.buckets.members(region, runtime, PACKAGE_IMAGE);
    for (let i = 0; i < members.length; i++) {
      const f = members[i]!;
      if (fleet.pendingTimerSeq(f) <= POST_DATED) {
        ctx.latestImage[runtime] = before;
        settleMoves(ctx, f, atMs, seq);
        ctx.latestImage[runtime] = after;
      }
      reach(ctx, f, version, rank, releaseIndex, atMs, newest);
    }
  }
}
