/**
 * Rolling back a function that fails on a new runtime version, with what that function has:
 * - a container image: redeploy the previous image (R3);
 * - an alias over published versions: redirect the alias to the previous kept published
 *   version (R14). For a `FunctionUpdate` function that version is a static snapshot, so code,
 *   configuration and runtime roll back at once; for an `Auto` function phase 2 may already
 *   have moved that version to the bad runtime version too (R14), and then the redirect rolls
 *   back nothing (`aliasRedirectsWithoutRollback`) and the owner pins instead;
 * - otherwise: PutRuntimeManagementConfig to Manual with the previous version's ARN for the
 *   function's region and architecture (R12, R17) on the function version serving traffic
 *   (`$LATEST`, or the alias's published version by its number), after a policy exception
 *   where the organisation denies that call (R19).
 * The owner holds deploys while rolled back. A pin is lifted after `unpinAfter`, unless the
 * owner forgets (R18): the version returns to its configured mode, never a blanket Auto (R7).
 * After an alias or image rollback the hold lasts the same time, waiting for a fix.
 */
import { putRuntimeManagementConfig, UPDATE_RUNTIME_ON } from '../api/runtimeManagement.js';
import { runtimeVersionArn } from '../catalog/arn.js';
import type { ReplicationContext } from '../context.js';
import { EV_MIGRATE, EV_PIN, EV_RESUME, EV_UNPIN } from '../events.js';
import { FIELD, ROLLBACK_ALIAS, ROLLBACK_IMAGE, ROLLBACK_NONE, ROLLBACK_PIN, type ExposureEpisode } from '../exposure/exposureState.js';
import { MODE_MANUAL, PACKAGE_IMAGE, SLOT_LATEST } from '../fleet/fleetState.js';
import { slotIndex } from '../fleet/functionVersions.js';
import {
  ACTION_ALIAS_REDIRECT_NO_ROLLBACK, ACTION_ALIAS_ROLLBACK, ACTION_EXCEPTION_REQUESTED, ACTION_IMAGE_ROLLBACK, ACTION_PIN, ACTION_UNPIN, NO_VERSION,
} from '../measure/changeLog.js';
import { logChange } from '../measure/logChange.js';
import { functionName } from '../logs/names.js';
import { redirectAlias, setSlotPinned, setSlotVersion } from '../rollout/functionVersionOps.js';
import { clearPendingMove, offerMovesFromNow } from '../rollout/pendingMove.js';

/** Synthetic account id of the simulated fleet's function ARNs. */
export const ACCOUNT_ID = '123456789012';

/**
 * The version a rollback returns to: the one the function ran before, else the runtime's newest
 * earlier version that has reached the function's region (R10: a function created on the bad
 * version may be in a region an earlier release has not reached yet; the current version always has).
 */
function rollbackTarget(ctx: ReplicationContext, f: number, bad: number): number {
  const { fleet, versions } = ctx;
  const previous = fleet.previousVersion(f);
  if (previous !== NO_VERSION && versions.rank[previous]! < versions.rank[bad]! && ctx.withdrawn[previous] === 0) return previous;
  const ladder = versions.byRuntime[versions.runtimeIndex[bad]!]!;
  const region = fleet.region(f);
  for (let k = versions.rank[bad]! - 1; k > 0; k--) {
    const v = ladder[k]!;
    if (ctx.withdrawn[v] === 0 && Number.isFinite(ctx.reachedMs[v * ctx.regionCount + region]!)) return v;
  }
  return ladder[0]!;
}

function bookRollback(ctx: ReplicationContext, ep: ExposureEpisode, field: number, atMs: number): void {
  if (ep.episodes === 1) ctx.exposure.add(ep.group, field, 1);
  ctx.exposure.rollbackDelays.push([atMs - ep.episodeStartMs]);
}

/** Marks the episode rolled back before the switch, so that the episode row written at the switch says how. */
function markRolledBack(ep: ExposureEpisode, atMs: number, kind: number): void {
  ep.rolledBackMs = atMs;
  ep.rollbackKind = kind;
}

/** The owner holds deploys until `resumeAt`. */
function hold(ctx: ReplicationContext, f: number, ep: ExposureEpisode, atMs: number, field: number): void {
  ctx.fleet.setHeld(f, 1);
  bookRollback(ctx, ep, field, atMs);
  const resumeAt = atMs + ctx.scenario.owners.rollback.unpinAfterMs;
  if (resumeAt <= ctx.horizonMs) ctx.queue.schedule(resumeAt, EV_RESUME, f);
}

export function rollBack(ctx: ReplicationContext, f: number, ep: ExposureEpisode, atMs: number): void {
  const { fleet, scenario } = ctx;
  const target = rollbackTarget(ctx, f, ep.version);
  clearPendingMove(ctx, f);
  if (fleet.packageType(f) === PACKAGE_IMAGE) {
    // R3: the previous image is redeployed (to $LATEST, and published behind an alias).
    markRolledBack(ep, atMs, ROLLBACK_IMAGE);
    setSlotVersion(ctx, f, SLOT_LATEST, target, atMs, ACTION_IMAGE_ROLLBACK, 0, false);
    if (fleet.aliasSlot(f) !== SLOT_LATEST) setSlotVersion(ctx, f, fleet.aliasSlot(f), target, atMs, ACTION_IMAGE_ROLLBACK, 0, false);
    return hold(ctx, f, ep, atMs, FIELD.rollbacksByImage);
  }
  if (fleet.hasAlias(f) === 1 && fleet.aliasSlot(f) > 1) {
    // R14: back to the newest earlier published version that does not run the bad version.
    const base = slotIndex(f, 0);
    let good = fleet.aliasSlot(f) - 1;
    while (good > 1 && fleet.slotVersion(base + good) === ep.version) good--;
    markRolledBack(ep, atMs, ROLLBACK_ALIAS);
    redirectAlias(ctx, f, good, atMs, ACTION_ALIAS_ROLLBACK, 0);
    if (fleet.version(f) !== ep.version) return hold(ctx, f, ep, atMs, FIELD.rollbacksByAlias);
    markRolledBack(ep, Number.NaN, ROLLBACK_NONE);
    // Every earlier kept version runs the bad version too (an Auto version moved by phase 2,
    // R14, or deploys since): the redirect rolled back nothing.
    ctx.exposure.aliasRedirectsWithoutRollback++;
    logChange(ctx, atMs, f, ACTION_ALIAS_REDIRECT_NO_ROLLBACK, ep.version, ep.version, 0);
  }
  if (scenario.policy.denyRuntimeManagementConfig) {
    logChange(ctx, atMs, f, ACTION_EXCEPTION_REQUESTED, ep.version, target, 0);
    const at = atMs + scenario.policy.exceptionApprovalMs;
    if (at <= ctx.horizonMs) ctx.queue.schedule(at, EV_PIN, f);
    return;
  }
  pin(ctx, f, atMs);
}

/** The API's name of a mode code (MODE_AUTO…MODE_MANUAL). */
const modeName = (mode: number): (typeof UPDATE_RUNTIME_ON)[number] => UPDATE_RUNTIME_ON[mode]!;

function arnOf(ctx: ReplicationContext, f: number, version: number): string {
  const { fleet, scenario } = ctx;
  const region = scenario.fleet.regions[fleet.region(f)]!.name;
  const architecture = scenario.fleet.architectures[fleet.architecture(f)]!.name;
  return runtimeVersionArn(region, ctx.versions.label[version]!, architecture, scenario.catalog.arnHashPerRegion);
}

/** PutRuntimeManagementConfig on one function version of `f` (R17); a refusal is a bug of the model. */
export function putConfig(ctx: ReplicationContext, f: number, slot: number, mode: number, version: number): void {
  const { fleet, scenario } = ctx;
  const region = scenario.fleet.regions[fleet.region(f)]!.name;
  const number = fleet.slotNumber(slotIndex(f, slot));
  const result = putRuntimeManagementConfig(
    {
      FunctionName: functionName(f),
      Qualifier: slot === SLOT_LATEST ? '$LATEST' : String(number),
      UpdateRuntimeOn: modeName(mode),
      ...(mode === MODE_MANUAL ? { RuntimeVersionArn: arnOf(ctx, f, version) } : {}),
    },
    { region, accountId: ACCOUNT_ID, denied: scenario.policy.denyRuntimeManagementConfig, exceptionGranted: true },
  );
  if (!result.ok) throw new Error(`PutRuntimeManagementConfig refused for ${functionName(f)}: ${result.error.message}`);
}

/** EV_PIN, or directly: Manual with the previous version's ARN on the version serving traffic (R12, R17). */
export function pin(ctx: ReplicationContext, f: number, atMs: number): void {
  const ep = ctx.exposure.episodes.get(f);
  const { fleet, scenario } = ctx;
  if (ep === undefined || fleet.version(f) !== ep.version) return; // no longer on the bad version
  const target = rollbackTarget(ctx, f, ep.version);
  const slot = fleet.aliasSlot(f);
  putConfig(ctx, f, slot, MODE_MANUAL, target);
  clearPendingMove(ctx, f);
  fleet.setHeld(f, 1);
  setSlotPinned(ctx, f, slot, true, atMs);
  markRolledBack(ep, atMs, ROLLBACK_PIN);
  setSlotVersion(ctx, f, slot, target, atMs, ACTION_PIN, 0, false);
  bookRollback(ctx, ep, FIELD.rollbacksByPin, atMs);
  ctx.exposure.pinned.add(f);
  const forgets = ctx.keyed.neverUnpin.at(f, 0) < scenario.owners.rollback.neverUnpinShare;
  const unpinAt = atMs + scenario.owners.rollback.unpinAfterMs;
  if (!forgets && unpinAt <= ctx.horizonMs) ctx.queue.schedule(unpinAt, EV_UNPIN, f);
}

/**
 * EV_UNPIN: the pin is lifted and the version returns to its configured mode (R7, R18), with
 * its ARN if that mode is Manual. A change that waited for the pin (R13) is retried.
 */
export function unpin(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet } = ctx;
  const base = slotIndex(f, 0);
  let slot = -1;
  for (let s = 0; s <= fleet.publishedCount(f); s++) if (fleet.slotPinned(base + s) === 1) slot = s;
  if (slot < 0) return;
  putConfig(ctx, f, slot, fleet.slotMode(base + slot), fleet.slotVersion(base + slot));
  setSlotPinned(ctx, f, slot, false, atMs);
  fleet.setHeld(f, 0);
  ctx.exposure.pinned.delete(f);
  logChange(ctx, atMs, f, ACTION_UNPIN, fleet.version(f), fleet.version(f), 0);
  if (fleet.waitingChange(f) === 1) {
    fleet.setWaitingChange(f, 0);
    const retryAt = atMs + ctx.scenario.owners.migrations.retryAfterMs;
    if (retryAt <= ctx.horizonMs) ctx.queue.schedule(retryAt, EV_MIGRATE, f);
  }
  offerMovesFromNow(ctx, f, atMs);
}

/** The hold after an alias or image rollback ends: deploys and rebuilds resume. */
export function resume(ctx: ReplicationContext, f: number, atMs: number): void {
  ctx.fleet.setHeld(f, 0);
  offerMovesFromNow(ctx, f, atMs);
}
