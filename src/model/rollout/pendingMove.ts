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
  if (fleet.pendingHandle[f] === NO_HANDLE && changeMs < atMs) {
    atMs = changeMs;
    how = fleet.packageType[f] === PACKAGE_IMAGE ? HOW_REBUILD : HOW_PHASE1;
  }
  // R8 phase 2 / R9 / R14: only Auto Zip versions, published ones included, are moved by Lambda.
  if (mode === MODE_AUTO && phase2Ms < atMs) {
    atMs = phase2Ms;
    how = HOW_PHASE2;
  }
  if (atMs === fleet.pendingAtMs[f]) return;
  if (fleet.pendingHandle[f] !== NO_HANDLE) ctx.queue.cancel(fleet.pendingHandle[f]!);
  fleet.pendingHandle[f] = ctx.queue.schedule(atMs, EV_MOVE, f);
  fleet.pendingAtMs[f] = atMs;
  fleet.pendingHow[f] = how;
}

/** Forgets `f`'s pending move (it fired, or the function's mode changed). */
export function clearPendingMove(ctx: ReplicationContext, f: number): void {
  const fleet = ctx.fleet;
  if (fleet.pendingHandle[f] !== NO_HANDLE) ctx.queue.cancel(fleet.pendingHandle[f]!);
  fleet.pendingHandle[f] = NO_HANDLE;
  fleet.pendingAtMs[f] = Number.POSITIVE_INFINITY;
}
