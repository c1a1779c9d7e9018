/**
 * The one place a function's live runtime version changes: group counts, staleness,
 * exposure episodes (R15), expiry failures (R11) and the change trace all follow from here.
 */
import type { ReplicationContext } from '../context.js';
import { onLiveVersionChange } from '../exposure/episodes.js';
import { DAY_MS } from '../units.js';

/** True when `version` is older than the latest secure version in the function's region. */
export function isStaleOn(ctx: ReplicationContext, f: number, version: number): boolean {
  const { fleet, versions } = ctx;
  const latest = ctx.latest[fleet.region[f]! * ctx.runtimeCount + fleet.runtime[f]!]!;
  return versions.rank[version]! < versions.rank[latest]!;
}

/** R11: invocations on an expired version fail; booked when the function leaves it or at the horizon. */
export function bookExpiry(ctx: ReplicationContext, f: number, version: number, untilMs: number): void {
  const expiresAt = ctx.expiresAtMs[version]!;
  if (!(expiresAt < untilMs)) return;
  const fromMs = Math.max(expiresAt, ctx.fleet.versionSinceMs[f]!);
  if (untilMs > fromMs) ctx.exposure.expiryFailures += ((untilMs - fromMs) / DAY_MS) * ctx.fleet.invocationsPerDay[f]!;
}

export function switchVersion(ctx: ReplicationContext, f: number, to: number, atMs: number, action: number, cause: number): void {
  const { fleet, groups, staleness } = ctx;
  const from = fleet.version[f]!;
  if (from === to) return;
  onLiveVersionChange(ctx, f, from, to, atMs);
  bookExpiry(ctx, f, from, atMs);
  fleet.version[f] = to;
  fleet.previousVersion[f] = from;
  fleet.versionSinceMs[f] = atMs;
  const rank = ctx.versions.rank[to]!;
  if (rank > fleet.highestRank[f]!) fleet.highestRank[f] = rank;
  groups.changeVersion(f, from, to);
  ctx.changes?.record(atMs, f, action, from, to, cause);
  const stale = isStaleOn(ctx, f, to);
  if (staleness.isStale(f)) staleness.book(f, atMs, stale);
  else if (stale) staleness.begin(f, atMs);
}

/** Changes a function's update mode, booking its stale time so far under the old mode (R18). */
export function setMode(ctx: ReplicationContext, f: number, mode: number, atMs: number): void {
  const { fleet, staleness } = ctx;
  if (fleet.mode[f] === mode) return;
  if (staleness.isStale(f)) staleness.book(f, atMs, true);
  ctx.groups.remove(f);
  fleet.mode[f] = mode;
  ctx.groups.add(f);
}
