/** Share of functions on a stale runtime version over time, by update mode and by package type. */
import type { ReportData } from '../types.js';
import { thinnedNote } from '../data/times.js';
import { colorScale, LINE_LEGEND, omitted, perSet, pointsPerSet, setsIn, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { MODE_DIMENSION, PACKAGE_DIMENSION, staleShareRows } from '../data/staleShare.js';

const GROUP_ORDER = ['Auto', 'FunctionUpdate', 'Manual', 'Image', 'Zip', 'All functions'];

export function staleShareSpec(values: readonly Record<string, unknown>[], sets: readonly string[], bands: boolean): VlSpec {
  const present = new Set(values.map((v) => String(v.group)));
  const domain = [...GROUP_ORDER.filter((g) => present.has(g)), ...[...present].filter((g) => !GROUP_ORDER.includes(g)).sort()];
  const panel = (dimension: string, filter: VlSpec[]): VlSpec => ({
    title: { text: dimension, fontSize: 11, fontWeight: 500 },
    width: 330,
    height: 200,
    transform: [...filter, { filter: { field: 'dimension', equal: dimension } }],
    encoding: {
      x: { field: 'time_days', type: 'quantitative', title: 'days since start', scale: { nice: false } },
      color: { field: 'group', type: 'nominal', title: 'group', scale: colorScale(domain), legend: LINE_LEGEND },
    },
    layer: [
      ...(bands ? [{ mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } }] : []),
      {
        mark: { type: 'line', strokeWidth: 1.6 },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: 'stale share', axis: { format: '.0%' } },
          strokeDash: { condition: { test: { field: 'group', equal: 'All functions' }, value: [4, 3] }, value: [1, 0] },
          tooltip: [
            { field: 'group' }, { field: 'time_days', title: 'day', format: '.2f' },
            { field: 'mean', title: 'stale share', format: '.1%' }, { field: 'lo', title: '95% CI low', format: '.1%' }, { field: 'hi', title: '95% CI high', format: '.1%' },
          ],
        },
      },
    ],
  });
  return topLevel(
    perSet(sets, (filter) => ({ hconcat: [panel(MODE_DIMENSION, filter), panel(PACKAGE_DIMENSION, filter)], resolve: { scale: { y: 'shared' } } }), undefined, setsIn(values)),
    values,
    sets,
  );
}

export function staleShareChart(data: ReportData): ChartEntry {
  const title = 'Stale share over time';
  if (data.timeseries === null || data.timeseries.numRows() === 0) return omitted('stale-share', 'fleet', title, 'No timeseries.csv in the results: nothing to chart.');
  const values = staleShareRows(data.timeseries, pointsPerSet(data.sets.length));
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'stale-share',
    section: 'fleet',
    title,
    caption: 'The share of each group\'s functions whose live runtime version is older than the latest secure one in their region; each new release makes a step up, and how fast a line falls back is how fast that group patches'
      + (maxReps > 1 ? ` (lines: means over ${maxReps} replications; shading: 95% CI).` : '.')
      + thinnedNote(data.timeseries, pointsPerSet(data.sets.length)),
    spec: staleShareSpec(values, data.sets.map((s) => s.key), maxReps > 1),
  };
}
