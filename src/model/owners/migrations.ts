/**
 * Owners migrating functions: an architecture change (x86_64 ↔ arm64) through
 * UpdateFunctionConfiguration, at `owners.migrations.perFunctionPerDay` per function.
 * R13: while `$LATEST` is Manual the change is refused with Lambda's error; the owner then
 * switches to Auto and retries after `retryAfter`. A change that goes through is an update,
 * so it also applies the latest secure version (R8 phase 1).
 */
import { exponential } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import { EV_MIGRATE } from '../events.js';
import { updateFunctionConfiguration } from '../api/runtimeManagement.js';
import { HOW_PHASE1, MODE_AUTO, MODE_MANUAL, PACKAGE_IMAGE } from '../fleet/fleetState.js';
import { functionName } from '../logs/names.js';
import { ACTION_MIGRATE, ACTION_MIGRATE_REFUSED } from '../measure/changeLog.js';
import { moveToLatest } from '../rollout/move.js';
import { DAY_MS } from '../units.js';
import { returnToAuto } from './rollback.js';

export function scheduleNextMigration(ctx: ReplicationContext, f: number, afterMs: number): void {
  const perDay = ctx.scenario.owners.migrations.perFunctionPerDay;
  if (perDay <= 0) return;
  const meanMs = DAY_MS / perDay;
  if (!Number.isFinite(meanMs)) return; // a rate so small (subnormal) that the mean gap overflows: never
  const atMs = afterMs + Math.ceil(exponential(ctx.migrationStream, meanMs));
  if (atMs <= ctx.horizonMs) ctx.queue.schedule(atMs, EV_MIGRATE, f);
}

export function migrate(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet, scenario } = ctx;
  const architectures = scenario.fleet.architectures;
  const next = architectures.length > 1 ? architectures[fleet.architecture[f] === 0 ? 1 : 0]!.name : architectures[0]!.name;
  const call = updateFunctionConfiguration(
    { FunctionName: functionName(f), Architectures: [next] },
    fleet.mode[f] === MODE_MANUAL ? 'Manual' : fleet.mode[f] === MODE_AUTO ? 'Auto' : 'FunctionUpdate',
  );
  if (!call.ok) {
    // R13: refused with Lambda's error; the owner switches to Auto first, then retries.
    ctx.exposure.blockedChanges++;
    ctx.changes?.record(atMs, f, ACTION_MIGRATE_REFUSED, fleet.version[f]!, fleet.version[f]!, 0);
    returnToAuto(ctx, f, atMs);
    const retryAt = atMs + scenario.owners.migrations.retryAfterMs;
    if (retryAt <= ctx.horizonMs) ctx.queue.schedule(retryAt, EV_MIGRATE, f);
    return;
  }
  if (scenario.fleet.architectures.length > 1) {
    ctx.groups.remove(f);
    fleet.architecture[f] = fleet.architecture[f] === 0 ? 1 : 0;
    ctx.groups.add(f);
  }
  ctx.changes?.record(atMs, f, ACTION_MIGRATE, fleet.version[f]!, fleet.version[f]!, 0);
  if (fleet.packageType[f] !== PACKAGE_IMAGE && fleet.held[f] === 0) {
    fleet.pendingHow[f] = HOW_PHASE1;
    moveToLatest(ctx, f, atMs);
  }
  scheduleNextMigration(ctx, f, atMs);
}
