/**
 * The run ends: open stale intervals are booked up to the horizon, and every release that
 * reached a function's region but that the function still does not run is right-censored
 * (metrics.md, time to patch).
 */
import type { ReplicationContext } from '../context.js';
import { closeEpisodesAtHorizon } from '../exposure/episodes.js';
import { bookExpiry } from './switchVersion.js';

/** `how` code of a censored row. */
export const HOW_CENSORED = 255;

export function closeAtHorizon(ctx: ReplicationContext): void {
  const { fleet, versions, staleness, patches, survival, horizonMs } = ctx;
  closeEpisodesAtHorizon(ctx);
  for (let f = 0; f < fleet.size; f++) {
    staleness.book(f, horizonMs, false);
    bookExpiry(ctx, f, fleet.version[f]!, horizonMs);
    const region = fleet.region[f]!;
    const runtime = fleet.runtime[f]!;
    const latestRank = versions.rank[ctx.latest[region * ctx.runtimeCount + runtime]!]!;
    const ladder = versions.byRuntime[runtime]!;
    for (let k = fleet.highestRank[f]! + 1; k <= latestRank; k++) {
      const v = ladder[k]!;
      const publishedMs = ctx.reachedMs[v * ctx.regionCount + region]!;
      if (!(publishedMs <= horizonMs)) continue;
      patches.append(f, v, publishedMs, Number.NaN, HOW_CENSORED);
      if (fleet.createdMs[f]! <= publishedMs) survival.recordCensored(horizonMs - publishedMs);
    }
  }
}
