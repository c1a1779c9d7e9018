/**
 * Each stale function holds at most one pending move: the earliest of its next deploy
 * (Zip, R8 phase 1), its next rebuild (Image, R3) and its phase-2 time (Auto Zip only, R8,
 * R9). Whatever fires first moves it to the latest secure version, after which the other
 * candidates no longer matter.
 *
 * Deploys and rebuilds are Poisson processes, so they are sampled lazily: a function's next
 * change is drawn only when a release makes it stale, as `now + Exp(rate)` (memoryless).
 * Deploys that would change nothing cost nothing. If a move is already pending, the next
 * change is known not to come before it, so only an earlier phase-2 time can replace it.
 */
import { exponential } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import { EV_MOVE } from '../events.js';
import { HOW_PHASE1, HOW_PHASE2, HOW_REBUILD, MODE_AUTO, MODE_MANUAL, NO_HANDLE, PACKAGE_IMAGE } from '../fleet/fleetState.js';

/**
 * Offers `f` the moves a publication of `release` brings at `publishedMs`. Always draws
 * exactly one change time and one phase-2 time per call, used or not, so the streams stay
 * aligned across scenarios that differ only in modes (common random numbers).
 */
export function offerMoves(ctx: ReplicationContext, f: number, publishedMs: number, releaseIndex: number): void {
  const fleet = ctx.fleet;
  const rate = fleet.changeRatePerMs[f]!;
  const changeMs = rate > 0 ? publishedMs + Math.ceil(exponential(ctx.changeStream, 1 / rate)) : Number.POSITIVE_INFINITY;
  const phase2 = ctx.scenario.releases[releaseIndex]!.phase2;
  const phase2Ms = publishedMs + phase2.startAfterMs + Math.floor(ctx.phase2Stream.next() * phase2.durationMs);

  const mode = fleet.mode[f]!;
  if (mode === MODE_MANUAL) return; // R7, R9: a Manual version is never moved by Lambda or by deploys.

  let atMs = fleet.pendingAtMs[f]!;
  let how = fleet.pendingHow[f]!;
  // An owner holding deploys after a rollback makes none until the hold ends.
  if (fleet.pendingHandle[f] === NO_HANDLE && fleet.held[f] === 0 && changeMs < atMs) {
    atMs = changeMs;
    how = fleet.packageType[f] === PACKAGE_IMAGE ? HOW_REBUILD : HOW_PHASE1;
  }
  // R8 phase 2 / R9 / R14: only Auto Zip versions, published ones included, are moved by Lambda.
  if (mode === MODE_AUTO && phase2Ms < atMs) {
    atMs = phase2Ms;
    how = HOW_PHASE2;
  }
  setPendingMove(ctx, f, atMs, how);
}

function setPendingMove(ctx: ReplicationContext, f: number, atMs: number, how: number): void {
  const fleet = ctx.fleet;
  if (atMs === fleet.pendingAtMs[f]) return;
  if (fleet.pendingHandle[f] !== NO_HANDLE) ctx.queue.cancel(fleet.pendingHandle[f]!);
  // A move after the horizon never runs; it is queued just past the horizon so that a draw far
  // beyond it (a tiny deploy rate, a huge phase-2 delay: not a safe integer) is still a pending
  // move that blocks redraws, while `pendingAtMs` keeps the true time for comparisons.
  fleet.pendingHandle[f] = ctx.queue.schedule(Math.min(atMs, ctx.horizonMs + 1), EV_MOVE, f);
  fleet.pendingAtMs[f] = atMs;
  fleet.pendingHow[f] = how;
}

/**
 * A stale function whose owner just made it movable again (unpinned to Auto, or ended a hold
 * on deploys): its next deploy or rebuild is drawn from now (memoryless), and an Auto
 * function is also picked up by Lambda's rollout within one phase-2 duration of the latest
 * release (R8: phase 2 updates every Auto function not yet updated).
 */
export function offerMovesFromNow(ctx: ReplicationContext, f: number, atMs: number): void {
  const fleet = ctx.fleet;
  const mode = fleet.mode[f]!;
  if (mode === MODE_MANUAL || fleet.held[f] === 1 || !ctx.staleness.isStale(f)) return;
  const rate = fleet.changeRatePerMs[f]!;
  let when = fleet.pendingAtMs[f]!;
  let how = fleet.pendingHow[f]!;
  if (fleet.pendingHandle[f] === NO_HANDLE && rate > 0) {
    const u = ctx.keyed.catchUp.at(f, Math.floor(atMs / 1000));
    const changeMs = atMs + Math.ceil(-Math.log1p(-u) / rate);
    if (changeMs < when) {
      when = changeMs;
      how = fleet.packageType[f] === PACKAGE_IMAGE ? HOW_REBUILD : HOW_PHASE1;
    }
  }
  if (mode === MODE_AUTO) {
    const latest = ctx.latest[fleet.region[f]! * ctx.runtimeCount + fleet.runtime[f]!]!;
    const release = ctx.versions.releaseIndex[latest]!;
    const durationMs = release >= 0 ? ctx.scenario.releases[release]!.phase2.durationMs : 0;
    const phase2Ms = atMs + Math.floor(ctx.keyed.catchUp.at(f, -1 - Math.floor(atMs / 1000)) * durationMs);
    if (phase2Ms < when) {
      when = phase2Ms;
      how = HOW_PHASE2;
    }
  }
  if (Number.isFinite(when)) setPendingMove(ctx, f, when, how);
}

/** Forgets `f`'s pending move (it fired, or the function's mode changed). */
export function clearPendingMove(ctx: ReplicationContext, f: number): void {
  const fleet = ctx.fleet;
  if (fleet.pendingHandle[f] !== NO_HANDLE) ctx.queue.cancel(fleet.pendingHandle[f]!);
  fleet.pendingHandle[f] = NO_HANDLE;
  fleet.pendingAtMs[f] = Number.POSITIVE_INFINITY;
}
