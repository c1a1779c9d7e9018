/**
 * Settling post-dated moves (postDatedMoves.ts): a function's, before a handler touches it;
 * a window's, at the fleet sample that ends it; all that are left, at the horizon.
 */
import type { ReplicationContext } from '../context.js';
import { POST_DATED } from '../fleet/fleetState.js';
import { onPendingMove } from './move.js';

/**
 * Applies `f`'s post-dated moves due before the place (`boundMs`, `boundSeq`) in the queue's
 * order (time, then sequence number), each at its own time; a move it offers in turn is
 * applied too if it is due before the bound.
 */
export function settleMoves(ctx: ReplicationContext, f: number, boundMs: number, boundSeq: number): void {
  const fleet = ctx.fleet;
  for (;;) {
    const code = fleet.pendingTimerSeq(f);
    if (code > POST_DATED) return;
    const atMs = fleet.pendingAtMs(f);
    if (atMs > boundMs || (atMs === boundMs && POST_DATED - code >= boundSeq)) return;
    ctx.postDated!.applied++;
    onPendingMove(ctx, f, atMs);
  }
}

/**
 * Settles every function filed under window `window` up to (`boundMs`, `boundSeq`), in id
 * order. A move due at the bound but after it in order (decided after the sample) moves on to
 * the next window.
 */
export function settleWindow(ctx: ReplicationContext, window: number, boundMs: number, boundSeq: number): void {
  const postDated = ctx.postDated!;
  const fleet = ctx.fleet;
  postDated.settledThrough = window;
  postDated.due.take(window, (f) => {
    settleMoves(ctx, f, boundMs, boundSeq);
    if (fleet.pendingTimerSeq(f) <= POST_DATED && fleet.pendingAtMs(f) <= boundMs) postDated.file(f, boundMs);
  });
}

/** At the horizon: every post-dated move due by then is applied (as the queue runs every timer at the horizon). */
export function settleAll(ctx: ReplicationContext): void {
  const postDated = ctx.postDated;
  if (postDated === null) return;
  for (let w = postDated.settledThrough + 1; w < postDated.due.windows; w++) {
    settleWindow(ctx, w, ctx.horizonMs, Number.POSITIVE_INFINITY);
  }
}

