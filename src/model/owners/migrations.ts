/**
 * Owners migrating functions: an architecture change (x86_64 ↔ arm64) through
 * UpdateFunctionConfiguration, at `owners.migrations.perFunctionPerDay` per function. It is a
 * configuration update, so it also applies the latest secure version to `$LATEST` (R8 phase 1).
 * R13: while `$LATEST` is Manual the change is refused with Lambda's error, and the owner does
 * what an owner would:
 * - `$LATEST` pinned for a rollback: the change waits until the pin is lifted (counted in
 *   `blockedChanges`), then is retried after `retryAfter`;
 * - `$LATEST` configured Manual: the owner switches it to FunctionUpdate, makes the change
 *   (phase 1 applies), and sets Manual again on the version it now runs.
 * Modes stay the owner's: nothing here makes a version Auto (R7).
 */
import { exponential } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import { EV_MIGRATE } from '../events.js';
import { updateFunctionConfiguration, UPDATE_RUNTIME_ON } from '../api/runtimeManagement.js';
import { HOW_CONFIG, MODE_FUNCTION_UPDATE, MODE_MANUAL, PACKAGE_IMAGE, SLOT_LATEST } from '../fleet/fleetState.js';
import { effectiveMode, slotIndex } from '../fleet/functionVersions.js';
import { functionName } from '../logs/names.js';
import { ACTION_MIGRATE, ACTION_MIGRATE_REFUSED } from '../measure/changeLog.js';
import { logChange } from '../measure/logChange.js';
import { setSlotMode } from '../rollout/functionVersionOps.js';
import { ownerUpdate } from '../rollout/move.js';
import { offerMovesFromNow } from '../rollout/pendingMove.js';
import { DAY_MS } from '../units.js';
import { putConfig } from './rollback.js';

export function scheduleNextMigration(ctx: ReplicationContext, f: number, afterMs: number): void {
  const perDay = ctx.scenario.owners.migrations.perFunctionPerDay;
  if (perDay <= 0) return;
  const meanMs = DAY_MS / perDay;
  if (!Number.isFinite(meanMs)) return; // a rate so small (subnormal) that the mean gap overflows: never
  const atMs = afterMs + Math.ceil(exponential(ctx.migrationStream, meanMs));
  if (atMs <= ctx.horizonMs) ctx.queue.schedule(atMs, EV_MIGRATE, f);
}

/** The change goes through: the architecture flips and `$LATEST` gets the latest secure version. */
function applyChange(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, scenario } = ctx;
  if (scenario.fleet.architectures.length > 1) {
    ctx.groups.remove(f);
    fleet.setArchitecture(f, fleet.architecture(f) === 0 ? 1 : 0);
    ctx.groups.add(f);
  }
  logChange(ctx, atMs, f, ACTION_MIGRATE, fleet.version(f), fleet.version(f), 0);
  if (fleet.packageType(f) !== PACKAGE_IMAGE && fleet.held(f) === 0) {
    ownerUpdate(ctx, f, atMs, HOW_CONFIG, false);
    offerMovesFromNow(ctx, f, atMs);
  }
}

export function migrate(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, scenario } = ctx;
  const architectures = scenario.fleet.architectures;
  const next = architectures.length > 1 ? architectures[fleet.architecture(f) === 0 ? 1 : 0]!.name : architectures[0]!.name;
  const latest = slotIndex(f, SLOT_LATEST);
  const mode = effectiveMode(fleet, latest);
  const call = updateFunctionConfiguration(
    { FunctionName: functionName(f), Architectures: [next] },
    fleet.packageType(f) === PACKAGE_IMAGE ? 'Auto' : UPDATE_RUNTIME_ON[mode]!,
  );
  if (call.ok) {
    applyChange(ctx, f, atMs);
    scheduleNextMigration(ctx, f, atMs);
    return;
  }
  logChange(ctx, atMs, f, ACTION_MIGRATE_REFUSED, fleet.version(f), fleet.version(f), 0);
  if (fleet.slotPinned(latest) === 1) {
    // Rolled back: the owner keeps the pin and makes the change once it is lifted (rollback.ts unpin).
    ctx.exposure.blockedChanges++;
    fleet.setWaitingChange(f, 1);
    return;
  }
  // Configured Manual: FunctionUpdate, change (phase 1), Manual again on the version it now runs.
  putConfig(ctx, f, SLOT_LATEST, MODE_FUNCTION_UPDATE, fleet.slotVersion(latest));
  setSlotMode(ctx, f, SLOT_LATEST, MODE_FUNCTION_UPDATE, atMs);
  applyChange(ctx, f, atMs);
  putConfig(ctx, f, SLOT_LATEST, MODE_MANUAL, fleet.slotVersion(latest));
  setSlotMode(ctx, f, SLOT_LATEST, MODE_MANUAL, atMs);
  scheduleNextMigration(ctx, f, atMs);
}
