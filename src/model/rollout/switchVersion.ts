/**
 * The one place a function's live (serving) runtime version and mode change: group counts,
 * staleness, exposure episodes (R15), expiry failures (R11), patches and the change trace all
 * follow from here. Callers change function versions (fleet slots) through
 * functionVersionOps.ts, which calls these when the serving version is touched.
 */
import type { ReplicationContext } from '../context.js';
import { onLiveVersionChange } from '../exposure/episodes.js';
import { PACKAGE_IMAGE } from '../fleet/fleetState.js';
import { logChange } from '../measure/logChange.js';
import { DAY_MS } from '../units.js';
import { bookPatches } from './patches.js';

/** The latest secure version for `f`: its region's for Zip, the newest base image for images (R3). */
export function latestFor(ctx: ReplicationContext, f: number): number {
  const { fleet } = ctx;
  const runtime = fleet.runtime(f);
  if (fleet.packageType(f) === PACKAGE_IMAGE) return ctx.latestImage[runtime]!;
  return ctx.latest[fleet.region(f) * ctx.runtimeCount + runtime]!;
}

/** True when `version` is not the latest secure version for `f` (older, or withdrawn, R11). */
export function isStaleOn(ctx: ReplicationContext, f: number, version: number): boolean {
  return version !== latestFor(ctx, f);
}

/** R11: invocations on an expired version fail; booked when the function leaves it or at the horizon. */
export function bookExpiry(ctx: ReplicationContext, f: number, version: number, untilMs: number): void {
  const expiresAt = ctx.expiresAtMs[version]!;
  if (!(expiresAt < untilMs)) return;
  const fromMs = Math.max(expiresAt, ctx.fleet.versionSinceMs(f));
  if (untilMs > fromMs) ctx.exposure.expiryFailures += ((untilMs - fromMs) / DAY_MS) * ctx.fleet.invocationsPerDay(f);
}

/**
 * Changes the serving runtime version. `gradual`: a runtime update Lambda applied to an
 * unchanged function version, so warm environments keep the old version (R15); otherwise
 * (deploy, configuration update, pin, alias redirect, rebuild) new invocations go to new
 * environments at once.
 */
export function switchVersion(ctx: ReplicationContext, f: number, to: number, atMs: number, action: number, cause: number, gradual: boolean): void {
  const { fleet, groups, staleness } = ctx;
  const from = fleet.version(f);
  if (from === to) return;
  onLiveVersionChange(ctx, f, from, to, atMs, gradual);
  bookExpiry(ctx, f, from, atMs);
  fleet.setVersion(f, to);
  fleet.setPreviousVersion(f, from);
  fleet.setVersionSinceMs(f, atMs);
  const rank = ctx.versions.rank[to]!;
  if (rank > fleet.highestRank(f)) {
    bookPatches(ctx, f, rank, atMs, cause);
    fleet.setHighestRank(f, rank);
    fleet.setLastHow(f, cause);
  }
  groups.changeVersion(f, from, to);
  logChange(ctx, atMs, f, action, from, to, cause);
  const stale = isStaleOn(ctx, f, to);
  if (staleness.isStale(f)) staleness.book(f, atMs, stale);
  else if (stale) staleness.begin(f, atMs);
}

/** Changes the serving version's effective mode, booking its stale time so far under the old mode (R18). */
export function setMode(ctx: ReplicationContext, f: number, mode: number, atMs: number): void {
  const { fleet, staleness } = ctx;
  if (fleet.mode(f) === mode) return;
  if (staleness.isStale(f)) staleness.book(f, atMs, true);
  ctx.groups.remove(f);
  fleet.setMode(f, mode);
  ctx.groups.add(f);
}
