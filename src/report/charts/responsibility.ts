/** Window of exposure split between Lambda and the owner (R18): stale functions over time, and the totals. */
import type { ReportData } from '../types.js';
import { thinnedNote } from '../data/times.js';
import { colorScale, omitted, perSet, pointsPerSet, setsIn, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { LAMBDA, OWNER, responsibilityTotals, staleByResponsibilityRows } from '../data/responsibility.js';

export function responsibilitySpec(over: readonly Record<string, unknown>[], totals: readonly Record<string, unknown>[], sets: readonly string[], bars: boolean): VlSpec {
  const color = { field: 'who', type: 'nominal', title: 'whose stale days', scale: colorScale([LAMBDA, OWNER]) };
  const areaView = (filter: VlSpec[]): VlSpec => ({
    title: { text: 'stale functions over time', fontSize: 11, fontWeight: 500 },
    width: 420,
    height: 200,
    transform: [{ filter: { field: 'kind', equal: 'time' } }, ...filter],
    mark: { type: 'area', opacity: 0.85 },
    encoding: {
      x: { field: 'time_days', type: 'quantitative', title: 'days since start', scale: { nice: false } },
      y: { field: 'mean', type: 'quantitative', title: 'stale functions (mean)', stack: 'zero' },
      color,
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'who' }, { field: 'time_days', title: 'day', format: '.2f' }, { field: 'mean', title: 'stale functions', format: ',.0f' }],
    },
  });
  const barView = (filter: VlSpec[]): VlSpec => ({
    title: { text: 'window of exposure (area under the curve)', fontSize: 11, fontWeight: 500 },
    width: 230,
    height: 200,
    transform: [{ filter: { field: 'kind', equal: 'total' } }, ...filter],
    encoding: { x: { field: 'who', type: 'nominal', title: null, sort: [LAMBDA, OWNER], axis: { labelAngle: 0 } } },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.6 } },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: 'stale function-days' },
          color: { ...color, legend: null },
          tooltip: [{ field: 'who' }, { field: 'mean', title: 'function-days', format: ',.0f' }, { field: 'lo', title: '95% CI low', format: ',.0f' }, { field: 'hi', title: '95% CI high', format: ',.0f' }],
        },
      },
      ...(bars ? [{ mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { y: { field: 'lo', type: 'quantitative', title: 'stale function-days' }, y2: { field: 'hi' } } }] : []),
    ],
  });
  const values = [
    ...over.map((r) => ({ ...r, kind: 'time', order: r.who === LAMBDA ? 0 : 1 })),
    ...totals.map((r) => ({ ...r, kind: 'total' })),
  ];
  return topLevel(perSet(sets, (filter) => ({ hconcat: [areaView(filter), barView(filter)] }), { scale: { x: 'shared', y: 'independent', color: 'shared' } }, setsIn(over)), values, sets);
}

export function responsibilityChart(data: ReportData): ChartEntry {
  const title = 'Window of exposure: Lambda\'s and the owner\'s share (R18)';
  if (data.timeseries === null || data.timeseries.numRows() === 0) return omitted('responsibility', 'fleet', title, 'No timeseries.csv in the results: nothing to chart.');
  const over = staleByResponsibilityRows(data.timeseries, data.replications, pointsPerSet(data.sets.length));
  const totals = responsibilityTotals(data.perReplication, data.setMetrics);
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'responsibility',
    section: 'fleet',
    title,
    caption: 'Stale days are Lambda\'s while an Auto function waits for the rollout and the owner\'s otherwise (FunctionUpdate not deployed, Manual pins, images not rebuilt); the left panel shows the stale functions at each sample, the right the totals in function-days from summary.json'
      + (maxReps > 1 ? `, means over ${maxReps} replications with 95% CI bars.` : '.')
      + thinnedNote(data.timeseries, pointsPerSet(data.sets.length)),
    spec: responsibilitySpec(over, totals, data.sets.map((s) => s.key), maxReps > 1),
  };
}
