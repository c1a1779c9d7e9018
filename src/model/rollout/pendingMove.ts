/**
 * Each function holds at most one pending move: the earliest of its owner's next change
 * (a deploy or a configuration update, R8 phase 1; a rebuild for images, R3) and Lambda's
 * next runtime update of its `Auto` function versions (phase 2, R8, R9, R14). Whatever fires
 * first is applied (move.ts); the function is then offered its remaining moves.
 *
 * Deploys, configuration updates and rebuilds are Poisson processes, sampled lazily: the next
 * one is drawn only when a release makes the function stale, as `now + Exp(rate)`
 * (memoryless). Every draw that decides a function's fate for a release is keyed by
 * (function, release) (issue 10, point 8), so two scenarios that differ in a halt, in
 * migrations or in modes still compare the same functions (common random numbers). Draws
 * made later (after an unpin, a hold, a halt) are keyed by (function, second of the draw).
 */
import type { ReplicationContext } from '../context.js';
import { HOW_CONFIG, HOW_LAMBDA_ROLLBACK, HOW_PHASE1, HOW_PHASE2, HOW_REBUILD, MODE_MANUAL, NO_TIMER, PACKAGE_IMAGE, POST_DATED, SLOT_LATEST } from '../fleet/fleetState.js';
import { effectiveMode, slotIndex, STALE_AUTO, STALE_LATEST, STALE_SERVING, staleAutoVersion, staleSlots } from '../fleet/functionVersions.js';
import { latestFor } from './switchVersion.js';

/** Key of a draw made at `atMs` rather than for a release (release keys are ≥ 0). */
const timeKey = (atMs: number): number => -1 - Math.floor(atMs / 1000);

const expMs = (u: number, ratePerMs: number): number => Math.ceil(-Math.log1p(-u) / ratePerMs);

/** True when the owner's next change would move something: `$LATEST` movable and it or the serving version stale (`stale`: staleSlots bits). */
function ownerCanMove(ctx: ReplicationContext, f: number, stale: number): boolean {
  const fleet = ctx.fleet;
  if ((stale & (STALE_LATEST | STALE_SERVING)) === 0 || fleet.held(f) === 1) return false;
  return effectiveMode(fleet, slotIndex(f, SLOT_LATEST)) !== MODE_MANUAL; // R9
}

/** The owner's next change after `fromMs`, keyed by `key`: [atMs, how]; Infinity if none. */
function nextOwnerChange(ctx: ReplicationContext, f: number, fromMs: number, key: number, out: Float64Array): void {
  const fleet = ctx.fleet;
  out[0] = Number.POSITIVE_INFINITY;
  const rate = fleet.changeRatePerMs(f);
  if (rate > 0) {
    out[0] = fromMs + expMs(ctx.keyed.deploy.at(f, key), rate);
    out[1] = fleet.packageType(f) === PACKAGE_IMAGE ? HOW_REBUILD : HOW_PHASE1;
  }
  const configMeanMs = ctx.scenario.fleet.configUpdates.meanIntervalMs;
  if (configMeanMs !== null && fleet.packageType(f) !== PACKAGE_IMAGE) {
    const atMs = fromMs + expMs(ctx.keyed.config.at(f, key), 1 / configMeanMs);
    if (atMs < out[0]!) {
      out[0] = atMs;
      out[1] = HOW_CONFIG;
    }
  }
}

const scratch = new Float64Array(2);

/**
 * Offers `f` the moves a publication of `release` brings at `publishedMs`, which made `latest`
 * its latest secure version. Draws are keyed, so nothing is drawn for a function that is not offered.
 */
export function offerMoves(ctx: ReplicationContext, f: number, publishedMs: number, releaseIndex: number, latest: number): void {
  const fleet = ctx.fleet;
  const stale = staleSlots(fleet, f, latest);
  if (stale === 0) return;
  let atMs = fleet.pendingAtMs(f);
  let how = fleet.pendingHow(f);
  // A pending move means the next change is known not to come before it.
  if (fleet.pendingTimerSeq(f) === NO_TIMER && ownerCanMove(ctx, f, stale)) {
    nextOwnerChange(ctx, f, publishedMs, releaseIndex, scratch);
    if (scratch[0]! < atMs) {
      atMs = scratch[0]!;
      how = scratch[1]!;
    }
  }
  // R8 phase 2 / R9 / R14: Lambda moves Auto function versions, published ones included.
  if ((stale & STALE_AUTO) !== 0) {
    const phase2 = ctx.scenario.releases[releaseIndex]!.phase2;
    const phase2Ms = publishedMs + phase2.startAfterMs + Math.floor(ctx.keyed.phase2.at(f, releaseIndex) * phase2.durationMs);
    if (phase2Ms < atMs) {
      atMs = phase2Ms;
      how = HOW_PHASE2;
    }
  }
  if (Number.isFinite(atMs)) setPendingMove(ctx, f, atMs, how);
}

export function setPendingMove(ctx: ReplicationContext, f: number, atMs: number, how: number): void {
  const fleet = ctx.fleet;
  if (atMs === fleet.pendingAtMs(f) && how === fleet.pendingHow(f)) return;
  if (canPostDate(ctx, f)) {
    // Kept in the record, applied when the function is next touched or sampled (postDatedMoves.ts).
    if (fleet.pendingTimerSeq(f) > NO_TIMER) ctx.queue.cancelTimer(f);
    fleet.setPendingTimerSeq(f, POST_DATED - ctx.queue.takeSeq());
    ctx.postDated!.file(f, atMs);
  } else {
    // The function's entity timer (EV_MOVE), which replaces any earlier one. A move after the
    // horizon never runs; it is set just past the horizon so that a draw far beyond it (a tiny
    // deploy rate, a huge phase-2 delay: not a safe integer) is still a pending move that
    // blocks redraws, while `pendingAtMs` keeps the true time for comparisons.
    fleet.setPendingTimerSeq(f, ctx.queue.setTimer(Math.min(atMs, ctx.horizonMs + 1), f));
  }
  fleet.setPendingAtMs(f, atMs);
  fleet.setPendingHow(f, how);
}

/**
 * The latest secure version for `f` changed (a publication reached it): a post-dated move
 * whose target is now incompatible becomes an entity timer, at the same time, for the same
 * cause (its target is chosen when it runs: the version just published).
 */
export function recheckPostDated(ctx: ReplicationContext, f: number): void {
  const fleet = ctx.fleet;
  if (fleet.pendingTimerSeq(f) > POST_DATED || canPostDate(ctx, f)) return;
  fleet.setPendingTimerSeq(f, ctx.queue.setTimer(Math.min(fleet.pendingAtMs(f), ctx.horizonMs + 1), f));
}

/**
 * True when `f`'s next move can be post-dated (postDatedMoves.ts): its target (the latest
 * secure version) is compatible and the function has no exposure episode.
 */
function canPostDate(ctx: ReplicationContext, f: number): boolean {
  if (ctx.postDated === null) return false;
  const episodes = ctx.exposure.episodes;
  return (episodes.size === 0 || !episodes.has(f)) && ctx.incompatibleVersion[latestFor(ctx, f)] === 0;
}

/**
 * Offers a function its moves from now: after an unpin, the end of a hold, a halt, or a move
 * that left some of its versions stale. Its owner's next change is drawn from now
 * (memoryless). Its stale `Auto` versions are picked up by the phase-2 window of the latest
 * release in its region (issue 10, point 9): at their drawn time in the window if it has not
 * started, else within one window length from now. When the latest secure version is a
 * runtime's starting version again (after a halt), the window is the halted release's
 * Lambda rollback (R11) instead.
 */
export function offerMovesFromNow(ctx: ReplicationContext, f: number, atMs: number): void {
  const fleet = ctx.fleet;
  const latest = latestFor(ctx, f);
  const stale = staleSlots(fleet, f, latest);
  if (stale === 0) return; // nothing to move: whatever is pending stays as it is
  let when = fleet.pendingAtMs(f);
  let how = fleet.pendingHow(f);
  if (fleet.pendingTimerSeq(f) === NO_TIMER && ownerCanMove(ctx, f, stale)) {
    nextOwnerChange(ctx, f, atMs, timeKey(atMs), scratch);
    if (scratch[0]! < when) {
      when = scratch[0]!;
      how = scratch[1]!;
    }
  }
  const staleAuto = fleet.packageType(f) === PACKAGE_IMAGE || (stale & STALE_AUTO) === 0 ? -1 : staleAutoVersion(fleet, f, latest);
  if (staleAuto >= 0) {
    const release = ctx.versions.releaseIndex[latest]!;
    // The window: the latest release's phase 2 or, when the latest secure version is a
    // runtime's starting version again (a halt), the halted release's Lambda rollback (R11).
    const withdrawnRelease = release >= 0 ? -1 : ctx.versions.releaseIndex[staleAuto]!;
    const halt = withdrawnRelease >= 0 ? ctx.scenario.releases[withdrawnRelease]!.halt : null;
    if (release >= 0 || halt !== null) {
      const window = release >= 0 ? ctx.scenario.releases[release]!.phase2 : halt!.rollback;
      const key = release >= 0 ? release : withdrawnRelease;
      const draw = release >= 0 ? ctx.keyed.phase2 : ctx.keyed.lambdaRollback;
      const startMs = (release >= 0 ? ctx.reachedMs[latest * ctx.regionCount + fleet.region(f)]! : ctx.haltedAtMs[staleAuto]!) + window.startAfterMs;
      const lambdaMs = startMs > atMs
        ? startMs + Math.floor(draw.at(f, key) * window.durationMs)
        : atMs + Math.floor(draw.at(f, timeKey(atMs)) * window.durationMs);
      if (lambdaMs < when) {
        when = lambdaMs;
        how = release >= 0 ? HOW_PHASE2 : HOW_LAMBDA_ROLLBACK;
      }
    }
  }
  if (Number.isFinite(when)) setPendingMove(ctx, f, when, how);
}

/** Forgets `f`'s pending move (it fired, or the function's state changed). */
export function clearPendingMove(ctx: ReplicationContext, f: number): void {
  const fleet = ctx.fleet;
  if (fleet.pendingTimerSeq(f) > NO_TIMER) ctx.queue.cancelTimer(f); // a post-dated move has nothing to cancel
  fleet.setPendingTimerSeq(f, NO_TIMER);
  fleet.setPendingAtMs(f, Number.POSITIVE_INFINITY);
}
