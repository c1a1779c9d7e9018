/**
 * Rolling back a function that fails on a new runtime version, with what that function has:
 * - an alias over published versions in FunctionUpdate mode: redirect the alias to the
 *   previous published version, which rolls code, configuration and runtime back at once
 *   (R14); no API call that a policy could deny;
 * - a container image: redeploy the previous image (R3);
 * - otherwise: PutRuntimeManagementConfig to Manual with the previous version's ARN for the
 *   function's region and architecture (R12, R17), after a policy exception where the
 *   organisation denies that call (R19).
 * A pinned function returns to Auto after `unpinAfter`, unless its owner forgets (R18); after
 * an alias or image rollback the owner holds deploys for the same time, waiting for a fix.
 */
import { putRuntimeManagementConfig } from '../api/runtimeManagement.js';
import { runtimeVersionArn } from '../catalog/arn.js';
import type { ReplicationContext } from '../context.js';
import { EV_PIN, EV_RESUME, EV_UNPIN } from '../events.js';
import { FIELD, ROLLBACK_ALIAS, ROLLBACK_IMAGE, ROLLBACK_PIN, type ExposureEpisode } from '../exposure/exposureState.js';
import { MODE_AUTO, MODE_FUNCTION_UPDATE, MODE_MANUAL, PACKAGE_IMAGE } from '../fleet/fleetState.js';
import { ACTION_ALIAS_ROLLBACK, ACTION_EXCEPTION_REQUESTED, ACTION_IMAGE_ROLLBACK, ACTION_PIN, ACTION_UNPIN, NO_VERSION } from '../measure/changeLog.js';
import { functionName } from '../logs/names.js';
import { clearPendingMove, offerMovesFromNow } from '../rollout/pendingMove.js';
import { setMode, switchVersion } from '../rollout/switchVersion.js';

/** Synthetic account id of the simulated fleet's function ARNs. */
export const ACCOUNT_ID = '123456789012';

/**
 * The version a rollback returns to: the one the function ran before, else the runtime's newest
 * earlier version that has reached the function's region (R10: a function created on the bad
 * version may be in a region an earlier release has not reached yet; the current version always has).
 */
function rollbackTarget(ctx: ReplicationContext, f: number, bad: number): number {
  const { fleet, versions } = ctx;
  const previous = fleet.previousVersion[f]!;
  if (previous !== NO_VERSION && versions.rank[previous]! < versions.rank[bad]!) return previous;
  const ladder = versions.byRuntime[versions.runtimeIndex[bad]!]!;
  const region = fleet.region[f]!;
  for (let k = versions.rank[bad]! - 1; k > 0; k--) {
    const v = ladder[k]!;
    if (Number.isFinite(ctx.reachedMs[v * ctx.regionCount + region]!)) return v;
  }
  return ladder[0]!;
}

function bookRollback(ctx: ReplicationContext, ep: ExposureEpisode, field: number, atMs: number): void {
  if (ep.episodes === 1) ctx.exposure.add(ep.group, field, 1);
  ctx.exposure.rollbackDelays.push([atMs - ep.episodeStartMs]);
}

export function rollBack(ctx: ReplicationContext, f: number, ep: ExposureEpisode, atMs: number): void {
  const { fleet, scenario } = ctx;
  const target = rollbackTarget(ctx, f, ep.version);
  const hold = (action: number, field: number, kind: number): void => {
    clearPendingMove(ctx, f);
    fleet.held[f] = 1;
    ep.rolledBackMs = atMs;
    ep.rollbackKind = kind;
    switchVersion(ctx, f, target, atMs, action, 0);
    bookRollback(ctx, ep, field, atMs);
    const resumeAt = atMs + scenario.owners.rollback.unpinAfterMs;
    if (resumeAt <= ctx.horizonMs) ctx.queue.schedule(resumeAt, EV_RESUME, f);
  };
  if (fleet.packageType[f] === PACKAGE_IMAGE) return hold(ACTION_IMAGE_ROLLBACK, FIELD.rollbacksByImage, ROLLBACK_IMAGE);
  if (fleet.hasAlias[f] === 1 && fleet.mode[f] === MODE_FUNCTION_UPDATE) {
    return hold(ACTION_ALIAS_ROLLBACK, FIELD.rollbacksByAlias, ROLLBACK_ALIAS);
  }
  if (scenario.policy.denyRuntimeManagementConfig) {
    ctx.changes?.record(atMs, f, ACTION_EXCEPTION_REQUESTED, ep.version, target, 0);
    const at = atMs + scenario.policy.exceptionApprovalMs;
    if (at <= ctx.horizonMs) ctx.queue.schedule(at, EV_PIN, f);
    return;
  }
  pin(ctx, f, atMs);
}

/** EV_PIN, or directly: PutRuntimeManagementConfig(Manual, previous version's ARN) (R12, R17). */
export function pin(ctx: ReplicationContext, f: number, atMs: number): void {
  const ep = ctx.exposure.episodes.get(f);
  const { fleet, scenario } = ctx;
  if (ep === undefined || fleet.version[f] !== ep.version) return; // no longer on the bad version
  const target = rollbackTarget(ctx, f, ep.version);
  const region = scenario.fleet.regions[fleet.region[f]!]!.name;
  const architecture = scenario.fleet.architectures[fleet.architecture[f]!]!.name;
  const result = putRuntimeManagementConfig(
    {
      FunctionName: functionName(f),
      // R17: the function version serving traffic — $LATEST, or the published version behind the alias.
      Qualifier: fleet.hasAlias[f] === 1 ? '1' : '$LATEST',
      UpdateRuntimeOn: 'Manual',
      RuntimeVersionArn: runtimeVersionArn(region, ctx.versions.label[target]!, architecture, scenario.catalog.arnHashPerRegion),
    },
    { region, accountId: ACCOUNT_ID, denied: scenario.policy.denyRuntimeManagementConfig, exceptionGranted: true },
  );
  if (!result.ok) throw new Error(`PutRuntimeManagementConfig refused for ${functionName(f)}: ${result.error.message}`);
  clearPendingMove(ctx, f);
  setMode(ctx, f, MODE_MANUAL, atMs);
  ep.rolledBackMs = atMs;
  ep.rollbackKind = ROLLBACK_PIN;
  switchVersion(ctx, f, target, atMs, ACTION_PIN, 0);
  bookRollback(ctx, ep, FIELD.rollbacksByPin, atMs);
  ctx.exposure.pinned.add(f);
  const forgets = ctx.keyed.neverUnpin.at(f, 0) < scenario.owners.rollback.neverUnpinShare;
  const unpinAt = atMs + scenario.owners.rollback.unpinAfterMs;
  if (!forgets && unpinAt <= ctx.horizonMs) ctx.queue.schedule(unpinAt, EV_UNPIN, f);
}

/** Back to Auto (R18: Manual owners must return as soon as they can). */
export function unpin(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet } = ctx;
  if (fleet.mode[f] !== MODE_MANUAL) return;
  returnToAuto(ctx, f, atMs);
}

/** PutRuntimeManagementConfig(Auto); the function is then movable again. */
export function returnToAuto(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, scenario } = ctx;
  const region = scenario.fleet.regions[fleet.region[f]!]!.name;
  const result = putRuntimeManagementConfig(
    { FunctionName: functionName(f), UpdateRuntimeOn: 'Auto' },
    { region, accountId: ACCOUNT_ID, denied: scenario.policy.denyRuntimeManagementConfig, exceptionGranted: true },
  );
  if (!result.ok) throw new Error(`PutRuntimeManagementConfig refused for ${functionName(f)}: ${result.error.message}`);
  setMode(ctx, f, MODE_AUTO, atMs);
  ctx.exposure.pinned.delete(f);
  ctx.changes?.record(atMs, f, ACTION_UNPIN, fleet.version[f]!, fleet.version[f]!, 0);
  offerMovesFromNow(ctx, f, atMs);
}

/** The hold after an alias or image rollback ends: deploys and rebuilds resume. */
export function resume(ctx: ReplicationContext, f: number, atMs: number): void {
  ctx.fleet.held[f] = 0;
  offerMovesFromNow(ctx, f, atMs);
}
