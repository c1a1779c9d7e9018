/** The staleness/exposure trade-off across result sets, with the Pareto front marked. */
import type { ReportData } from '../types.js';
import { omitted, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { tradeoffRows, type TradeoffPoint } from '../data/sweep.js';

export function tradeoffSpec(points: readonly TradeoffPoint[], bars: boolean): VlSpec {
  const values = points.map((p) => ({ ...p, front: p.pareto ? 'on the Pareto front' : 'dominated' }));
  const x = { field: 'stale', type: 'quantitative', title: 'window of exposure, staleFunctionDays (function-days)', scale: { zero: false, nice: true } };
  const y = { field: 'failed', type: 'quantitative', title: 'failedInvocations (invocations)', scale: { zero: false, nice: true } };
  return topLevel({
    width: 620,
    height: 340,
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: { field: 'pareto', equal: true } }],
        mark: { type: 'line', color: '#d62728', strokeDash: [5, 3], strokeWidth: 1.2, interpolate: 'step-after' },
        encoding: { order: { field: 'stale', type: 'quantitative' } },
      },
      ...(bars ? [
        { mark: { type: 'rule', color: '#9ecae1' }, encoding: { x: { field: 'staleLo', type: 'quantitative' }, x2: { field: 'staleHi' } } },
        { mark: { type: 'rule', color: '#9ecae1' }, encoding: { y: { field: 'failedLo', type: 'quantitative' }, y2: { field: 'failedHi' } } },
      ] : []),
      {
        mark: { type: 'point', size: 70, strokeWidth: 1.6 },
        encoding: {
          shape: { field: 'front', type: 'nominal', title: null, scale: { domain: ['on the Pareto front', 'dominated'], range: ['circle', 'circle'] } },
          fill: { field: 'front', type: 'nominal', title: null, scale: { domain: ['on the Pareto front', 'dominated'], range: ['#d62728', 'white'] } },
          color: { field: 'front', type: 'nominal', title: null, scale: { domain: ['on the Pareto front', 'dominated'], range: ['#d62728', '#08519c'] } },
          tooltip: [{ field: 'set' }, { field: 'stale', title: 'stale function-days', format: ',.0f' }, { field: 'failed', title: 'failed invocations', format: ',.0f' }, { field: 'front' }],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 9, color: '#333' }, encoding: { text: { field: 'set' } } },
    ],
  }, values);
}

export function tradeoffChart(data: ReportData, comparison: boolean): ChartEntry {
  const name = comparison ? 'compare-tradeoff' : 'sweep-tradeoff';
  const title = 'Staleness against exposure: the trade-off';
  if (data.sets.length < 2) return omitted(name, 'sweep', title, 'No sweep in this run: one result set, so no trade-off to draw.');
  const points = tradeoffRows(data.setMetrics);
  if (points.length < 2) return omitted(name, 'sweep', title, 'staleFunctionDays or failedInvocations is missing for most result sets: no trade-off to draw.');
  if (points.every((p) => p.failed === 0)) return omitted(name, 'sweep', title, 'No invocation failed in any result set (no bad release reached a susceptible function): exposure does not trade against staleness here.');
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name,
    section: 'sweep',
    title,
    caption: `Each dot is one result set: further left is less staleness, lower is fewer failed invocations; filled red dots joined by the dashed line are the Pareto front (no other set is better on both)${maxReps > 1 ? ', and the light bars are 95% CIs' : ''}.`,
    spec: tradeoffSpec(points, maxReps > 1),
  };
}
