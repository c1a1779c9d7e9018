/**
 * Technical lag (metrics.md, González-Barahona et al. 2017) of the version serving each
 * function: versions behind the latest secure one (rank difference; a function on a withdrawn
 * version newer than the latest secure one is 1 version behind), and the days since that
 * latest secure version reached it (0 when not stale).
 *
 * Time averages over functions and the horizon are taken at the fleet samples (every
 * `sampleEvery`), from the live group counts: a sample costs the number of groups, not of
 * functions. The p95 at the horizon is exact, over every function.
 */
import type { ReplicationContext } from '../context.js';
import { decodeCell } from './groupCounts.js';
import { PACKAGE_IMAGE } from '../fleet/fleetState.js';
import { DAY_MS } from '../units.js';
import { latestFor } from '../rollout/switchVersion.js';
import { reachedFor } from '../rollout/patches.js';

export class TechnicalLag {
  /** Σ over samples of Σ functions × lag, and Σ functions. */
  versionsSum = 0;
  daysSum = 0;
  functionSamples = 0;

  sample(ctx: ReplicationContext, atMs: number): void {
    const { versions, groups } = ctx;
    const counts = groups.counts;
    for (let cell = 0; cell < counts.length; cell++) {
      const n = counts[cell]!;
      if (n === 0) continue;
      const g = decodeCell(groups.shape, cell);
      const runtime = versions.runtimeIndex[g.version]!;
      const latest = g.packageType === PACKAGE_IMAGE ? ctx.latestImage[runtime]! : ctx.latest[g.region * ctx.runtimeCount + runtime]!;
      this.functionSamples += n;
      if (latest === g.version) continue;
      this.versionsSum += n * Math.max(1, versions.rank[latest]! - versions.rank[g.version]!);
      const reached = g.packageType === PACKAGE_IMAGE ? ctx.imageReachedMs[latest]! : ctx.reachedMs[latest * ctx.regionCount + g.region]!;
      this.daysSum += (n * (atMs - reached)) / DAY_MS;
    }
  }

  /** Time-averaged lag over the samples, and p95 over functions at the horizon. */
  finish(ctx: ReplicationContext): { versionsMean: number; daysMean: number; versionsP95: number; daysP95: number } {
    const { fleet, versions } = ctx;
    const n = fleet.size;
    const behind = new Float64Array(n);
    const days = new Float64Array(n);
    for (let f = 0; f < n; f++) {
      const latest = latestFor(ctx, f);
      const live = fleet.version(f);
      if (latest === live) continue;
      behind[f] = Math.max(1, versions.rank[latest]! - versions.rank[live]!);
      days[f] = (ctx.horizonMs - reachedFor(ctx, f, latest)) / DAY_MS;
    }
    const p95 = (a: Float64Array): number => (a.length === 0 ? 0 : a.sort()[Math.min(a.length - 1, Math.ceil(0.95 * a.length) - 1)]!);
    const per = this.functionSamples;
    return {
      versionsMean: per === 0 ? 0 : this.versionsSum / per,
      daysMean: per === 0 ? 0 : this.daysSum / per,
      versionsP95: p95(behind),
      daysP95: p95(days),
    };
  }
}
