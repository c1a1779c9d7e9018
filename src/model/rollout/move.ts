/**
 * A function's pending move fires and is applied by its cause:
 * - a deploy (UpdateFunctionCode) or a rebuild (R3): `$LATEST` gets the latest secure version
 *   unless it is Manual (R8 phase 1, R9); an alias function then publishes a snapshot of
 *   `$LATEST` and moves its alias to it (R14). New invocations switch at once (R15);
 * - a configuration update (UpdateFunctionConfiguration, R8 phase 1): the same on `$LATEST`,
 *   without publishing a version, so an alias function's serving version does not change;
 * - phase 2 (R8) or Lambda moving versions off a withdrawn release (R11): every `Auto`
 *   function version of the function that is stale gets the latest secure version, published
 *   ones included (R14). Warm environments keep the old version (R15).
 * Then the function is offered whatever moves it still has.
 */
import type { ReplicationContext } from '../context.js';
import { HOW_CONFIG, HOW_LAMBDA_ROLLBACK, HOW_PHASE2, MODE_AUTO, MODE_MANUAL, NO_TIMER, SLOT_LATEST } from '../fleet/fleetState.js';
import { effectiveMode, slotIndex } from '../fleet/functionVersions.js';
import { ACTION_CONFIG_UPDATE, ACTION_MOVE } from '../measure/changeLog.js';
import { logChange } from '../measure/logChange.js';
import { publishAndRedirect, setSlotVersion } from './functionVersionOps.js';
import { clearPendingMove, offerMovesFromNow } from './pendingMove.js';
import { runtimeDeprecated } from './lifecycle.js';
import { latestFor } from './switchVersion.js';

/** EV_MOVE: the function's pending move fires (its timer is spent, so nothing to cancel). */
export function onPendingMove(ctx: ReplicationContext, f: number, atMs: number): void {
  const fleet = ctx.fleet;
  fleet.setPendingTimerSeq(f, NO_TIMER);
  fleet.setPendingAtMs(f, Number.POSITIVE_INFINITY);
  if (runtimeDeprecated(ctx, f, atMs)) return; // no new versions on a deprecated runtime (lifecycle.ts)
  const how = fleet.pendingHow(f);
  if (how === HOW_PHASE2 || how === HOW_LAMBDA_ROLLBACK) lambdaUpdate(ctx, f, atMs, how);
  else ownerUpdate(ctx, f, atMs, how, how !== HOW_CONFIG);
  offerMovesFromNow(ctx, f, atMs);
}

/** R8 phase 1: an update of `$LATEST` by its owner; `publish` for a deploy of an alias function (R14). */
export function ownerUpdate(ctx: ReplicationContext, f: number, atMs: number, how: number, publish: boolean): void {
  const fleet = ctx.fleet;
  clearPendingMove(ctx, f);
  const latestSlot = slotIndex(f, SLOT_LATEST);
  if (effectiveMode(fleet, latestSlot) === MODE_MANUAL) return; // R9: a Manual version is never moved
  const target = latestFor(ctx, f);
  if (fleet.slotVersion(latestSlot) !== target) setSlotVersion(ctx, f, SLOT_LATEST, target, atMs, ACTION_MOVE, how, false);
  if (fleet.hasAlias(f) === 1 && publish) publishAndRedirect(ctx, f, atMs, ACTION_MOVE, how);
  else if (fleet.hasAlias(f) === 1) logChange(ctx, atMs, f, ACTION_CONFIG_UPDATE, fleet.version(f), fleet.version(f), how);
}

/** R8 phase 2, R11: Lambda moves every stale Auto function version of `f` to the latest secure version. */
export function lambdaUpdate(ctx: ReplicationContext, f: number, atMs: number, how: number): void {
  const fleet = ctx.fleet;
  clearPendingMove(ctx, f);
  const target = latestFor(ctx, f);
  const base = slotIndex(f, 0);
  const count = fleet.publishedCount(f);
  for (let slot = 0; slot <= count; slot++) {
    const i = base + slot;
    if (fleet.slotVersion(i) === target || effectiveMode(fleet, i) !== MODE_AUTO) continue;
    setSlotVersion(ctx, f, slot, target, atMs, ACTION_MOVE, how, true);
  }
}
