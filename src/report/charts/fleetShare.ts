/** Fleet share by runtime version over time, one stacked-area panel per runtime. */
import type { ReportData } from '../types.js';
import { fewLabels, omitted, perSet, pointsPerSet, setsIn, topLevel, versionColors, type ChartEntry, type VlSpec } from '../chart.js';
import { fleetShareRows } from '../data/fleetShare.js';
import { thinnedNote } from '../data/times.js';

/**
 * Most rows the chart's data may hold (one per set × time × runtime version): above it, fewer
 * sample times are drawn, so that the page stays small however many versions a run has.
 */
export const FLEET_SHARE_ROWS_MAX = 6_000;

/** Above this many versions of one runtime, the boundaries' CI strips would pile up into noise. */
export const MAX_VERSIONS_WITH_BANDS = 8;

export interface FleetShareOptions {
  readonly runtimes: readonly { readonly runtime: string; readonly versions: readonly string[] }[];
  readonly sets: readonly string[];
  readonly bands: boolean;
}

export function fleetShareSpec(values: readonly Record<string, unknown>[], o: FleetShareOptions): VlSpec {
  const block = (runtime: string, versions: readonly string[]): VlSpec => ({
    title: { text: runtime, fontSize: 12 },
    ...perSet(o.sets, (filter) => ({
      width: 680,
      height: 140,
      transform: [...filter, { filter: { field: 'runtime', equal: runtime } }],
      layer: [
        {
          mark: { type: 'area', line: false },
          encoding: {
            x: { field: 'time_days', type: 'quantitative', title: 'days since start', scale: { nice: false } },
            y: { field: 'lower', type: 'quantitative', title: 'share of functions', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } },
            y2: { field: 'upper' },
            color: {
              field: 'runtime_version', type: 'nominal', title: 'runtime version (old → new)',
              scale: { domain: [...versions], range: versionColors(versions.length, 'bands') },
              legend: { values: fewLabels(versions) },
            },
            tooltip: [
              { field: 'runtime_version', title: 'version' },
              { field: 'time_days', title: 'day', format: '.1f' },
              { field: 'share', title: 'share', format: '.1%' },
            ],
          },
        },
        ...(o.bands && versions.length <= MAX_VERSIONS_WITH_BANDS
          ? [{
            transform: [{ filter: { field: 'upper', lt: 0.999999 } }],
            mark: { type: 'area', color: '#111', opacity: 0.3 },
            encoding: {
              x: { field: 'time_days', type: 'quantitative' },
              y: { field: 'lo', type: 'quantitative' },
              y2: { field: 'hi' },
              detail: { field: 'runtime_version' },
            },
          }]
          : []),
      ],
    }), undefined, setsIn(values, (v) => v.runtime === runtime)),
  });
  return topLevel({
    vconcat: o.runtimes.map((r) => block(r.runtime, r.versions)),
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  }, values, o.sets);
}

export function fleetShareChart(data: ReportData): ChartEntry {
  const title = 'Fleet share by runtime version';
  if (data.timeseries === null || data.timeseries.numRows() === 0) return omitted('fleet-share', 'fleet', title, 'No timeseries.csv in the results: nothing to chart.');
  const versionsPerSet = Math.max(1, Math.ceil(data.versions.numRows() / Math.max(1, data.sets.length)));
  const maxTimes = Math.max(24, Math.min(pointsPerSet(data.sets.length), Math.floor(FLEET_SHARE_ROWS_MAX / (versionsPerSet * data.sets.length))));
  const values = fleetShareRows(data.timeseries, data.versions, maxTimes);
  const runtimes = [...new Set(values.map((v) => String(v.runtime)))].map((runtime) => {
    const ranks = new Map<string, number>();
    for (const v of values) if (v.runtime === runtime) ranks.set(String(v.runtime_version), Number(v.rank));
    return { runtime, versions: [...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label) };
  });
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'fleet-share',
    section: 'fleet',
    title,
    caption: 'Each band is the share of one runtime\'s functions on one runtime version (darker = newer, counted by the live version): the old version\'s band shrinks as the new one\'s grows'
      + (maxReps > 1 ? `; means over ${maxReps} replications, with the 95% CI of each boundary as a dark strip (for runtimes with at most ${MAX_VERSIONS_WITH_BANDS} versions).` : '.')
      + thinnedNote(data.timeseries, maxTimes),
    spec: fleetShareSpec(values, { runtimes, sets: data.sets.map((s) => s.key), bands: maxReps > 1 }),
  };
}
