/**
 * Episodes of running an incompatible version (metrics.md, exposure): started when a
 * susceptible function's live version becomes the incompatible one, followed through the
 * environment mix (R15) until its share has decayed, with the first failed invocation placed
 * exactly on the failure intensity rate × errorRate × share(t).
 */
import { exponential } from '../../kernel/distributions.js';
import type { ReplicationContext } from '../context.js';
import { EV_FIRST_FAILURE } from '../events.js';
import { NO_VERSION } from '../measure/changeLog.js';
import { DAY_MS } from '../units.js';
import { shareAfter, shareIntegralMs, timeToIntegralMs } from './environmentMix.js';
import { FIELD, ROLLBACK_NONE, type ExposureEpisode } from './exposureState.js';
import { isSusceptible } from './susceptibility.js';

function failureRatePerMs(ctx: ReplicationContext, f: number, ep: ExposureEpisode): number {
  const errorRate = ctx.scenario.releases[ep.release]!.incompatibility!.errorRate;
  return (ctx.fleet.invocationsPerDay(f) / DAY_MS) * errorRate;
}

/** Books invocations and failures from the anchor to `toMs` and moves the anchor there. */
export function accrue(ctx: ReplicationContext, f: number, ep: ExposureEpisode, toMs: number): void {
  const dt = toMs - ep.anchorMs;
  if (dt <= 0) return;
  const lifetimeMs = ctx.scenario.fleet.environmentLifetimeMs;
  const integralMs = shareIntegralMs(ep.share, ep.live, dt, lifetimeMs);
  const invocationsPerMs = ctx.fleet.invocationsPerDay(f) / DAY_MS;
  const failuresPerMs = failureRatePerMs(ctx, f, ep);
  ctx.exposure.add(ep.group, FIELD.exposedInvocations, invocationsPerMs * integralMs);
  ctx.exposure.add(ep.group, FIELD.failedInvocations, failuresPerMs * integralMs);
  if (Number.isNaN(ep.firstFailureMs)) ep.hazardLeft = Math.max(0, ep.hazardLeft - failuresPerMs * integralMs);
  ep.share = shareAfter(ep.share, ep.live, dt, lifetimeMs);
  ep.anchorMs = toMs;
}

/** (Re)places the episode's first failure on the current share curve. */
function scheduleFirstFailure(ctx: ReplicationContext, f: number, ep: ExposureEpisode): void {
  if (ep.failureHandle >= 0) ctx.queue.cancel(ep.failureHandle);
  ep.failureHandle = -1;
  if (!Number.isNaN(ep.firstFailureMs)) return;
  const failuresPerMs = failureRatePerMs(ctx, f, ep);
  if (failuresPerMs <= 0) return;
  const afterMs = timeToIntegralMs(ep.share, ep.live, ep.hazardLeft / failuresPerMs, ctx.scenario.fleet.environmentLifetimeMs);
  if (!Number.isFinite(afterMs)) return;
  const atMs = ep.anchorMs + Math.ceil(afterMs);
  if (atMs <= ctx.horizonMs) ep.failureHandle = ctx.queue.schedule(atMs, EV_FIRST_FAILURE, f);
}

/** Books one finished stretch of running the version (episodes.csv). */
function recordEpisode(ctx: ReplicationContext, f: number, ep: ExposureEpisode, endMs: number): void {
  ctx.exposure.episodeRows.push([
    f, ep.release, ep.episodes, ep.episodeStartMs, ep.firstFailureMs, ep.detectedMs, ep.rolledBackMs, ep.rollbackKind, endMs,
  ]);
}

function startEpisode(ctx: ReplicationContext, f: number, ep: ExposureEpisode, atMs: number): void {
  ep.rolledBackMs = Number.NaN;
  ep.rollbackKind = ROLLBACK_NONE;
  ep.live = true;
  ep.liveSinceMs = atMs;
  ep.episodeStartMs = atMs;
  ep.episodes++;
  ep.firstFailureMs = Number.NaN;
  ep.detectedMs = Number.NaN;
  ep.hazardLeft = exponential(keyedStream(ctx, f, ep), 1);
  scheduleFirstFailure(ctx, f, ep);
}

/** One keyed uniform per (function, release, episode), as a one-draw stream. */
function keyedStream(ctx: ReplicationContext, f: number, ep: ExposureEpisode): { next(): number } {
  const u = ctx.keyed.hazard.at(f, ep.release * 65_536 + ep.episodes);
  return { next: () => u };
}

/** Closes an episode for good: its remaining decaying share is booked up to the horizon. */
function closeEpisode(ctx: ReplicationContext, f: number, ep: ExposureEpisode): void {
  if (ep.live) {
    ctx.exposure.add(ep.group, FIELD.exposureMs, ep.anchorMs - ep.liveSinceMs);
    recordEpisode(ctx, f, ep, ep.anchorMs);
  }
  ep.live = false;
  accrue(ctx, f, ep, ctx.horizonMs);
  if (ep.failureHandle >= 0) ctx.queue.cancel(ep.failureHandle);
  ctx.exposure.episodes.delete(f);
}

/**
 * Called for every change of a function's live version (`from` is NO_VERSION at creation).
 * `gradual`: Lambda applied a runtime update to an unchanged function version, so warm
 * environments keep serving the old version (R15, metrics.md result 4); otherwise (a deploy,
 * a configuration update, a pin, an alias redirect, a creation) new invocations go to new
 * environments at once.
 */
export function onLiveVersionChange(ctx: ReplicationContext, f: number, from: number, to: number, atMs: number, gradual: boolean): void {
  const tracker = ctx.exposure;
  // Fast path (the common case): no episode open anywhere and a version that breaks nobody.
  if (tracker.episodes.size === 0 && (to === NO_VERSION || ctx.incompatibleVersion[to] === 0)) return;
  let ep = tracker.episodes.get(f);
  if (ep !== undefined) {
    accrue(ctx, f, ep, atMs);
    if (!gradual) ep.share = to === ep.version ? 1 : 0;
    if (ep.live && to !== ep.version) {
      tracker.add(ep.group, FIELD.exposureMs, atMs - ep.liveSinceMs);
      recordEpisode(ctx, f, ep, atMs);
      ep.live = false;
      scheduleFirstFailure(ctx, f, ep);
    } else if (!ep.live && to === ep.version) {
      startEpisode(ctx, f, ep, atMs);
    }
    if (ep.version === to) return;
  }
  const release = to === NO_VERSION ? -1 : ctx.versions.releaseIndex[to]!;
  if (release < 0 || !isSusceptible(ctx, f, release)) return;
  if (ep !== undefined) closeEpisode(ctx, f, ep);
  const { fleet } = ctx;
  ep = {
    version: to,
    release,
    group: tracker.group(release, fleet.region(f), fleet.architecture(f), fleet.mode(f)),
    share: from === NO_VERSION || !gradual ? 1 : 0, // at once, or rising with new environments (R15)
    anchorMs: atMs,
    live: true,
    liveSinceMs: atMs,
    episodeStartMs: atMs,
    hazardLeft: 0,
    failureHandle: -1,
    firstFailureMs: Number.NaN,
    detectedMs: Number.NaN,
    episodes: 0,
    rolledBackMs: Number.NaN,
    rollbackKind: ROLLBACK_NONE,
  };
  tracker.episodes.set(f, ep);
  tracker.add(ep.group, FIELD.exposedFunctions, 1);
  startEpisode(ctx, f, ep, atMs);
}

/** At the horizon: every episode's time and invocations are booked. */
export function closeEpisodesAtHorizon(ctx: ReplicationContext): void {
  for (const [f, ep] of [...ctx.exposure.episodes]) {
    accrue(ctx, f, ep, ctx.horizonMs);
    if (ep.live) {
      ctx.exposure.add(ep.group, FIELD.exposureMs, ctx.horizonMs - ep.liveSinceMs);
      recordEpisode(ctx, f, ep, ctx.horizonMs);
    }
    ep.live = false;
  }
}
