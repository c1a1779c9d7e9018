/** Time-to-patch survival curves (Kaplan–Meier) by update mode and by package type, half-life and p95 marked. */
import type { ReportData } from '../types.js';
import { colorScale, LINE_LEGEND, omitted, perSet, pointsPerSet, setsIn, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { MODE_DIMENSION, PACKAGE_DIMENSION } from '../data/staleShare.js';
import { survivalRows } from '../data/survival.js';

const GROUP_ORDER = ['Auto', 'FunctionUpdate', 'Manual', 'Image', 'Zip'];

export function survivalSpec(curves: readonly Record<string, unknown>[], marks: readonly Record<string, unknown>[], sets: readonly string[], bands: boolean): VlSpec {
  const present = new Set(curves.map((v) => String(v.group)));
  const domain = [...GROUP_ORDER.filter((g) => present.has(g)), ...[...present].filter((g) => !GROUP_ORDER.includes(g)).sort()];
  const color = { field: 'group', type: 'nominal', title: 'group', scale: colorScale(domain), legend: LINE_LEGEND };
  const x = { field: 't_days', type: 'quantitative', title: 'days since the release reached the region', scale: { nice: false } };
  const reached = marks.filter((m) => m.t_days !== null).map((m) => ({ ...m, label: `${m.quantile === 'half-life' ? 't½' : 'p95'} ${(m.t_days as number).toFixed(1)} d` }));
  const panel = (dimension: string, filter: VlSpec[]): VlSpec => ({
    title: { text: dimension, fontSize: 11, fontWeight: 500 },
    width: 330,
    height: 220,
    layer: [
      {
        transform: [...filter, { filter: { field: 'dimension', equal: dimension } }],
        encoding: { x, color },
        layer: [
          ...(bands ? [{ mark: { type: 'area', opacity: 0.18, interpolate: 'step-after' }, encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } }] : []),
          {
            mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.6 },
            encoding: {
              y: { field: 'mean', type: 'quantitative', title: 'share not yet patched', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
              tooltip: [{ field: 'group' }, { field: 't_days', title: 'days', format: '.2f' }, { field: 'mean', title: 'S(t)', format: '.1%' }],
            },
          },
        ],
      },
      {
        data: { values: [{ s: 0.5 }, { s: 0.05 }] },
        mark: { type: 'rule', color: '#999', strokeDash: [3, 3], strokeWidth: 0.8 },
        encoding: { y: { field: 's', type: 'quantitative' } },
      },
      {
        data: { name: 'marks' },
        transform: [...filter, { filter: { field: 'dimension', equal: dimension } }],
        encoding: { x, y: { field: 's', type: 'quantitative' }, color },
        layer: [
          { mark: { type: 'point', filled: true, size: 45, shape: 'diamond' }, encoding: { tooltip: [{ field: 'group' }, { field: 'quantile' }, { field: 't_days', title: 'days', format: '.2f' }] } },
          { mark: { type: 'text', align: 'left', dx: 5, dy: -6, fontSize: 9 }, encoding: { text: { field: 'label' } } },
        ],
      },
    ],
  });
  return topLevel(
    perSet(sets, (filter) => ({ hconcat: [panel(MODE_DIMENSION, filter), panel(PACKAGE_DIMENSION, filter)], resolve: { scale: { x: 'shared' } } }), undefined, setsIn(curves)),
    curves,
    sets,
    { marks: reached },
  );
}

export function survivalChart(data: ReportData): ChartEntry {
  const title = 'Time to patch (Kaplan–Meier)';
  if (data.patches === null) return omitted('time-to-patch', 'patch', title, 'No patches.csv in the results (run without --no-patches to get it): survival curves omitted.');
  if (data.patches.numRows() === 0) return omitted('time-to-patch', 'patch', title, 'No release reached a region with functions during the run: no time to patch to show.');
  const { curves, marks } = survivalRows(data.patches, Math.max(...data.sets.map((s) => s.horizonDays)), pointsPerSet(data.sets.length, 200));
  const missing = marks.filter((m) => m.t_days === null && (m.group === 'Auto' || m.group === 'FunctionUpdate' || m.group === 'Zip' || m.group === 'Image'));
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name: 'time-to-patch',
    section: 'patch',
    title,
    caption: 'Each curve is the share of (function, release) pairs still not running the release t days after it reached their region, censored at the horizon; diamonds mark the half-life (50% patched) and p95 (95% patched)'
      + (missing.length > 0 ? ', left out where not reached by the horizon in every replication' : '')
      + (maxReps > 1 ? `; means over ${maxReps} replications, shading the 95% CI.` : '.'),
    spec: survivalSpec(curves, marks, data.sets.map((s) => s.key), maxReps > 1),
  };
}
