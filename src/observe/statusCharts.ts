/**
 * The charts of status.html (pure vega-lite specs, data inline):
 *   - fleet share by version over time: inits per version per period, stacked to 100% per
 *     runtime (the picture the Contributor Insights rule of R16 draws: the old version's line
 *     falls as the new one's rises);
 *   - rollout per region: first sighting of each version in each region, and the times by which
 *     50% and 95% of the functions seen before it had moved (rollout.csv);
 *   - time to patch: Turnbull's estimate (interval-censored moves) of the share moved, by days
 *     since the version was first seen in the region, one line per region.
 */
import { turnbull, turnbullCdf } from '../analysis/turnbull.js';
import { topLevel, type VlSpec } from '../report/chart.js';
import { HOUR_MS, type Observation } from './observation.js';
import { DAY_MS, type Tables } from './tables.js';
import { historyIndex, patchSubjects } from './timeToPatch.js';

/** Newest versions drawn in the time-to-patch chart (one facet each). */
export const MAX_PATCH_FACETS = 6;

export interface StatusChart {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: VlSpec;
}

/** Period of the share chart: hours for short logs, days for long ones (at most ~400 points per line). */
export function sharePeriodMs(spanMs: number): number {
  for (const hours of [1, 3, 6, 12, 24, 48, 168]) if (spanMs / (hours * HOUR_MS) <= 400) return hours * HOUR_MS;
  return 168 * HOUR_MS;
}

export function fleetShareChart(o: Observation, t: Tables): StatusChart {
  const period = sharePeriodMs(t.endMs - t.startMs);
  const counts = new Map<string, { time: string; runtime: string; version: string; inits: number }>();
  for (const [arn, hours] of o.hourly) {
    const { runtime, label } = o.versions.get(arn)!;
    for (const [hour, n] of hours) {
      const start = Math.floor((hour * HOUR_MS) / period) * period;
      const k = `${start}\u0000${runtime}\u0000${label}`;
      const row = counts.get(k) ?? { time: new Date(start).toISOString(), runtime, version: label, inits: 0 };
      row.inits += n;
      counts.set(k, row);
    }
  }
  const values = [...counts.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.version < b.version ? -1 : 1));
  const order = [...t.rank.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k.split('\u0000')[1]!);
  return {
    name: 'fleet-share',
    title: 'Fleet share by runtime version over time',
    caption: `Share of INIT_START lines per version in each ${period / HOUR_MS} h period, per runtime: the old version falls as the new one rises.`,
    spec: topLevel({
      mark: { type: 'area', interpolate: 'step-after' },
      encoding: {
        x: { field: 'time', type: 'temporal', title: 'time (UTC)' },
        y: { aggregate: 'sum', field: 'inits', type: 'quantitative', stack: 'normalize', title: 'share of inits', axis: { format: '%' } },
        color: { field: 'version', type: 'nominal', sort: order, title: 'runtime version' },
        row: { field: 'runtime', type: 'nominal', title: null },
        tooltip: [{ field: 'time', type: 'temporal' }, { field: 'version' }, { aggregate: 'sum', field: 'inits', title: 'inits' }],
      },
    }, values),
  };
}

export function rolloutChart(t: Tables): StatusChart | null {
  const values = t.rollout.map((r) => ({
    version: r.label, region: r.region, first_seen: new Date(r.firstMs).toISOString(),
    moved_50: Number.isFinite(r.moved50Ms) ? new Date(r.moved50Ms).toISOString() : null,
    moved_95: Number.isFinite(r.moved95Ms) ? new Date(r.moved95Ms).toISOString() : null,
    until: new Date(Number.isFinite(r.moved95Ms) ? r.moved95Ms : t.endMs).toISOString(),
    functions_before: r.functionsBefore,
  }));
  if (values.length === 0) return null;
  const tooltip = [{ field: 'version' }, { field: 'region' }, { field: 'first_seen', type: 'temporal' }, { field: 'moved_50', type: 'temporal' }, { field: 'moved_95', type: 'temporal' }, { field: 'functions_before' }];
  return {
    name: 'rollout-regions',
    title: 'Rollout per region',
    caption: 'Each version in each region: first seen (left end), 50% of the functions seen before it moved (dot), 95% moved (right end; the end of the logs when 95% never moved).',
    spec: topLevel({
      encoding: { y: { field: 'region', type: 'nominal', sort: { field: 'first_seen', op: 'min' }, title: null }, color: { field: 'version', type: 'nominal', title: 'runtime version' } },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'first_seen', type: 'temporal', title: 'time (UTC)' }, x2: { field: 'until' }, tooltip } },
        { mark: { type: 'tick', thickness: 2 }, encoding: { x: { field: 'first_seen', type: 'temporal' }, tooltip } },
        { transform: [{ filter: 'datum.moved_50 != null' }], mark: { type: 'point', filled: true, size: 60 }, encoding: { x: { field: 'moved_50', type: 'temporal' }, tooltip } },
      ],
    }, values),
  };
}

export function timeToPatchChart(t: Tables): StatusChart | null {
  const history = historyIndex(t.transitions);
  const labels = [...new Set(t.rollout.map((r) => `${r.runtime}\u0000${r.label}`))].slice(-MAX_PATCH_FACETS);
  const values: Record<string, unknown>[] = [];
  for (const r of t.rollout) {
    if (!labels.includes(`${r.runtime}\u0000${r.label}`)) continue;
    const subjects = patchSubjects(t.functions, history, t.rank, { runtime: r.runtime, label: r.label, region: r.region, publishedMs: r.firstMs });
    if (subjects.length === 0) continue;
    const fit = turnbull(subjects.map((s) => s.interval));
    const horizonDays = Math.max(1 / 24, (t.endMs - r.firstMs) / DAY_MS);
    for (let k = 0; k <= 120; k++) {
      const days = (horizonDays * k) / 120;
      values.push({ version: r.label, region: r.region, days: Math.round(days * 1000) / 1000, moved: turnbullCdf(fit, days * DAY_MS) });
    }
  }
  if (values.length === 0) return null;
  return {
    name: 'time-to-patch',
    title: 'Time to patch (observed)',
    caption: "Share of the functions seen before a version that had moved to it, by days since it was first seen in the region (Turnbull's estimate: a move is only known to lie between two inits).",
    spec: topLevel({
      mark: { type: 'line', interpolate: 'linear' },
      encoding: {
        x: { field: 'days', type: 'quantitative', title: 'days since first seen in the region' },
        y: { field: 'moved', type: 'quantitative', title: 'share moved', axis: { format: '%' }, scale: { domain: [0, 1] } },
        color: { field: 'region', type: 'nominal' },
        column: { field: 'version', type: 'nominal', title: null },
        tooltip: [{ field: 'version' }, { field: 'region' }, { field: 'days' }, { field: 'moved', format: '.1%' }],
      },
    }, values),
  };
}
