/**
 * Owners notice failing functions (R18: rolling back after an incompatibility is the owner's
 * job). The delay runs from the episode's first failed invocation: lognormal with the given
 * median, or the (much shorter) alarm delay for the share of owners with alarms.
 */
import type { ReplicationContext } from '../context.js';
import { EV_DETECT, EV_HALT } from '../events.js';
import { accrue } from '../exposure/episodes.js';
import { FIELD } from '../exposure/exposureState.js';
import { ACTION_DETECT, ACTION_FIRST_FAILURE } from '../measure/changeLog.js';
import { lognormalDelayMs } from './lognormalDelay.js';
import { rollBack } from './rollback.js';

export function onFirstFailure(ctx: ReplicationContext, f: number, atMs: number): void {
  const ep = ctx.exposure.episodes.get(f);
  if (ep === undefined) return;
  ep.failureHandle = -1;
  accrue(ctx, f, ep, atMs);
  ep.firstFailureMs = atMs;
  ctx.changes?.record(atMs, f, ACTION_FIRST_FAILURE, ep.version, ep.version, 0);
  const owners = ctx.scenario.owners;
  const hasAlarm = ctx.keyed.alarm.at(f, 0) < owners.alarms.share;
  const u = ctx.keyed.detection.at(f, ep.release * 65_536 + ep.episodes);
  const delayMs = hasAlarm
    ? lognormalDelayMs(owners.alarms.medianMs, owners.alarms.sigma, u)
    : lognormalDelayMs(owners.detectionDelay.medianMs, owners.detectionDelay.sigma, u);
  const detectAt = atMs + Math.ceil(delayMs);
  if (detectAt <= ctx.horizonMs) ctx.queue.schedule(detectAt, EV_DETECT, f);
}

export function onDetect(ctx: ReplicationContext, f: number, atMs: number): void {
  const ep = ctx.exposure.episodes.get(f);
  if (ep === undefined) return;
  ep.detectedMs = atMs;
  ctx.changes?.record(atMs, f, ACTION_DETECT, ep.version, ep.version, 0);
  ctx.exposure.detectDelays.push([atMs - ep.episodeStartMs]);
  if (ep.episodes === 1) {
    ctx.exposure.add(ep.group, FIELD.detectedFunctions, 1);
    const detected = ++ctx.exposure.detectedByRelease[ep.release]!;
    const halt = ctx.scenario.releases[ep.release]!.halt;
    if (halt !== null && detected === halt.afterFailingFunctions) {
      const at = atMs + halt.delayMs;
      if (at <= ctx.horizonMs) ctx.queue.schedule(at, EV_HALT, ep.version);
    }
  }
  if (ctx.fleet.version(f) === ep.version) rollBack(ctx, f, ep, atMs);
}
