/**
 * Functions created during the run (a Poisson process of `fleet.createdPerDay`). A new
 * function starts on the latest secure version of its runtime in its region (R8 phase 1:
 * creating a function applies the newest version; an image the newest base image, R3), in
 * every mode. A function with an alias has published versions: at time 0, as many as
 * `fleet.publishedVersions.retain` (all snapshots of `$LATEST`); when created later, one.
 */
import { exponential } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import { onLiveVersionChange } from '../exposure/episodes.js';
import { ACTION_CREATE, NO_VERSION } from '../measure/changeLog.js';
import { scheduleNextMigration } from '../owners/migrations.js';
import { EV_CREATE } from '../events.js';
import { DAY_MS } from '../units.js';
import { creationSampler } from './creationSampler.js';
import { drawFunction } from './drawFunction.js';
import { HOW_CREATE } from './fleetState.js';
import { initDrawnVersions } from './functionVersions.js';
import { latestFor } from '../rollout/switchVersion.js';
import { reachedFor } from '../rollout/patches.js';
import { logChange } from '../measure/logChange.js';

/** Schedules the next creation after `afterMs`, if the scenario creates functions at all. */
export function scheduleNextCreation(ctx: ReplicationContext, afterMs: number): void {
  const perDay = ctx.scenario.fleet.createdPerDay;
  if (perDay <= 0) return;
  const meanMs = DAY_MS / perDay;
  if (!Number.isFinite(meanMs)) return; // a rate so small (subnormal) that the mean gap overflows: never
  const atMs = afterMs + Math.ceil(exponential(ctx.createStream, meanMs));
  if (atMs <= ctx.horizonMs) ctx.queue.schedule(atMs, EV_CREATE, 0);
}

/** Adds one function to the fleet at `atMs`; returns its id. */
export function placeFunction(ctx: ReplicationContext, atMs: number, sampler = ctx.sampler): number {
  const f = drawFunction(ctx.fleet, sampler, ctx.draws, atMs);
  registerFunction(ctx, f, atMs);
  return f;
}

/** Gives a drawn function `f` its versions and enters it in the buckets and groups. */
export function registerFunction(ctx: ReplicationContext, f: number, atMs: number): void {
  const { fleet } = ctx;
  const region = fleet.region(f);
  const runtime = fleet.runtime(f);
  const version = latestFor(ctx, f);
  const published = fleet.hasAlias(f) === 0 ? 0 : atMs === 0 ? fleet.versionSlots - 1 : 1;
  initDrawnVersions(fleet, f, version, fleet.mode(f), published);
  fleet.setArchitecture0(f, fleet.architecture(f));
  fleet.setQualifier0(f, published);
  fleet.setHighestRank(f, ctx.versions.rank[version]!);
  fleet.setVersionSinceMs(f, atMs);
  ctx.buckets.add(region, runtime, fleet.packageType(f), f);
  ctx.groups.add(f);
}

export function createFunction(ctx: ReplicationContext, atMs: number): void {
  // With startDate: runtimes past their block-create date are not drawn (creationSampler.ts).
  const sampler = creationSampler(ctx, atMs);
  if (sampler === null) return scheduleNextCreation(ctx, atMs);
  const f = placeFunction(ctx, atMs, sampler);
  const { fleet, versions } = ctx;
  fleet.setLastHow(f, HOW_CREATE);
  const v = fleet.version(f);
  logChange(ctx, atMs, f, ACTION_CREATE, NO_VERSION, v, HOW_CREATE);
  onLiveVersionChange(ctx, f, NO_VERSION, v, atMs, false);
  scheduleNextMigration(ctx, f, atMs);
  // The release it was created on had already reached its region: patched by creation.
  if (versions.releaseIndex[v]! >= 0) ctx.patches.append(f, v, reachedFor(ctx, f, v), atMs, HOW_CREATE, fleet.mode(f));
  scheduleNextCreation(ctx, atMs);
}
