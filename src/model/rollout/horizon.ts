/**
 * The run ends: open stale intervals are booked up to the horizon, and every release that
 * reached a function's region but that the function still does not run is right-censored
 * (metrics.md, time to patch).
 */
import type { ReplicationContext } from '../context.js';
import { publishedAt } from '../context.js';

/** `how` code of a censored row. */
export const HOW_CENSORED = 255;

export function closeAtHorizon(ctx: ReplicationContext): void {
  const { fleet, versions, staleness, patches, survival, horizonMs } = ctx;
  for (let f = 0; f < fleet.size; f++) {
    staleness.book(f, horizonMs, false);
    const region = fleet.region[f]!;
    const runtime = fleet.runtime[f]!;
    const latestRank = versions.rank[ctx.latest[region * ctx.runtimeCount + runtime]!]!;
    const ladder = versions.byRuntime[runtime]!;
    for (let k = versions.rank[fleet.version[f]!]! + 1; k <= latestRank; k++) {
      const v = ladder[k]!;
      const publishedMs = publishedAt(ctx, v, region);
      if (!(publishedMs <= horizonMs)) continue;
      patches.append(f, v, publishedMs, Number.NaN, HOW_CENSORED);
      if (fleet.createdMs[f]! <= publishedMs) survival.recordCensored(horizonMs - publishedMs);
    }
  }
}
