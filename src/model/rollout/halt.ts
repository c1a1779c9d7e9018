/**
 * Lambda halts a bad release (R11, and the Builders' Library's automatic rollback): regions
 * not yet published never get it, nor does its base image if not out yet, phase 2 stops, and
 * it is withdrawn, so it is no longer the latest secure version anywhere (metrics.md). From
 * then on a function version still on it is stale, and Lambda moves the `Auto` ones off it to
 * the latest secure version, spread over `releases[].halt.rollback` after the halt (keyed
 * draw per function and release); `FunctionUpdate` and `Manual` versions stay on it until
 * their owners act (R9, R18). Functions that were stale only because of it no longer are.
 */
import type { ReplicationContext } from '../context.js';
import { PACKAGE_IMAGE, PACKAGE_ZIP, POST_DATED } from '../fleet/fleetState.js';
import { refreshSlots } from './functionVersionOps.js';
import { clearPendingMove, offerMovesFromNow } from './pendingMove.js';
import { isStaleOn } from './switchVersion.js';

const EMPTY = new Int32Array(0);

/** Newest version of the ladder that has reached (`reached(v)` ≤ atMs) and is not withdrawn. */
function latestSecure(ctx: ReplicationContext, ladder: readonly number[], reached: (v: number) => number, atMs: number): number {
  let latest = ladder[0]!;
  for (const v of ladder) if (ctx.withdrawn[v] === 0 && reached(v) <= atMs) latest = v;
  return latest;
}

function onFunction(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, staleness } = ctx;
  // The halt walks the functions whose latest secure version is the halted one. A halted
  // release is an incompatible one (halts follow detected failures), so none of them holds a
  // post-dated move (postDatedMoves.ts): their moves target it, and the publication that
  // brought it turned theirs into timers (recheckPostDated). Nothing is left to settle first.
  if (fleet.pendingTimerSeq(f) <= POST_DATED) throw new Error(`internal: function ${f} holds a post-dated move at a halt of its latest version`);
  refreshSlots(ctx, f, atMs);
  const stale = isStaleOn(ctx, f, fleet.version(f));
  if (staleness.isStale(f)) staleness.book(f, atMs, stale);
  else if (stale) staleness.begin(f, atMs);
  clearPendingMove(ctx, f);
  offerMovesFromNow(ctx, f, atMs); // Auto versions left on the withdrawn release: Lambda's rollback window
}

export function haltRelease(ctx: ReplicationContext, version: number, atMs: number): void {
  if (ctx.withdrawn[version] === 1) return;
  ctx.withdrawn[version] = 1;
  ctx.haltedAtMs[version] = atMs;
  const { versions } = ctx;
  const runtime = versions.runtimeIndex[version]!;
  const ladder = versions.byRuntime[runtime]!;
  const imageLatestChanged = ctx.latestImage[runtime] === version;
  if (imageLatestChanged) ctx.latestImage[runtime] = latestSecure(ctx, ladder, (v) => ctx.imageReachedMs[v]!, atMs);
  for (let region = 0; region < ctx.regionCount; region++) {
    const slot = region * ctx.runtimeCount + runtime;
    const zipChanged = ctx.latest[slot] === version;
    if (zipChanged) ctx.latest[slot] = latestSecure(ctx, ladder, (v) => ctx.reachedMs[v * ctx.regionCount + region]!, atMs);
    if (!zipChanged && !imageLatestChanged) continue;
    // Zip and image functions in id order, as they were added (merged from their two buckets).
    const zip = zipChanged ? ctx.buckets.members(region, runtime, PACKAGE_ZIP) : EMPTY;
    const image = imageLatestChanged ? ctx.buckets.members(region, runtime, PACKAGE_IMAGE) : EMPTY;
    for (let i = 0, j = 0; i < zip.length || j < image.length;) {
      onFunction(ctx, j >= image.length || (i < zip.length && zip[i]! < image[j]!) ? zip[i++]! : image[j++]!, atMs);
    }
  }
}
