/**
 * The run ends: open stale intervals (of serving versions and of every kept function version)
 * are booked up to the horizon, and every release that reached a function but that the
 * function never ran is right-censored (metrics.md, time to patch), or written with
 * how = withdrawn when Lambda withdrew it (R11).
 */
import type { ReplicationContext } from '../context.js';
import { closeEpisodesAtHorizon } from '../exposure/episodes.js';
import { bookExpiry } from './switchVersion.js';
import { reachedFor } from './patches.js';
import { HOW_WITHDRAWN } from '../fleet/fleetState.js';
import { slotIndex } from '../fleet/functionVersions.js';

/** `how` code of a censored row. */
export const HOW_CENSORED = 255;

export function closeAtHorizon(ctx: ReplicationContext): void {
  const { fleet, versions, staleness, patches, survival, horizonMs } = ctx;
  closeEpisodesAtHorizon(ctx);
  for (let f = 0; f < fleet.size; f++) {
    staleness.book(f, horizonMs, false);
    const base = slotIndex(f, 0);
    for (let i = base; i <= base + fleet.publishedCount(f); i++) ctx.versionStaleness.refresh(i, horizonMs, false);
    bookExpiry(ctx, f, fleet.version(f), horizonMs);
    const ladder = versions.byRuntime[fleet.runtime(f)]!;
    const mode = fleet.mode(f);
    for (let k = fleet.highestRank(f) + 1; k < ladder.length; k++) {
      const v = ladder[k]!;
      const publishedMs = reachedFor(ctx, f, v);
      if (!(publishedMs <= horizonMs)) continue;
      if (ctx.withdrawn[v] === 1) {
        patches.append(f, v, publishedMs, Number.NaN, HOW_WITHDRAWN, mode);
        continue;
      }
      patches.append(f, v, publishedMs, Number.NaN, HOW_CENSORED, mode);
      if (fleet.createdMs(f) <= publishedMs) survival.recordCensored(horizonMs - publishedMs);
    }
  }
}
