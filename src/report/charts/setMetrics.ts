/**
 * Headline metrics across result sets, with 95% CI bars: against the swept parameter for a
 * sweep, side by side for a comparison.
 */
import type { ReportData, ReportSet } from '../types.js';
import { omitted, topLevel, type ChartEntry, type VlSpec } from '../chart.js';
import { headlineRows } from '../data/sweep.js';
import { parameterNumber } from '../resultSets.js';

export interface SetAxis {
  /** Quantitative: the swept parameter's value; nominal: the set's name. */
  readonly type: 'quantitative' | 'nominal';
  readonly title: string;
  readonly valueOf: (set: ReportSet) => number | string;
}

/** The x axis for result sets: the one swept parameter when every point has a numeric value for it, else the sets by name. */
export function setAxis(data: ReportData): SetAxis {
  const paths = [...new Set(data.sets.flatMap((s) => Object.keys(s.parameters)))];
  if (data.runs.length === 1 && paths.length === 1) {
    const path = paths[0]!;
    const parsed = data.sets.map((s) => parameterNumber(s.parameters[path]));
    if (parsed.every((p) => p !== null) && new Set(parsed.map((p) => p!.unit)).size === 1) {
      const unit = parsed[0]!.unit;
      const byKey = new Map(data.sets.map((s, i) => [s.key, parsed[i]!.value]));
      return { type: 'quantitative', title: unit === '' ? path : `${path} (${unit})`, valueOf: (s) => byKey.get(s.key) ?? Number.NaN };
    }
  }
  return { type: 'nominal', title: data.runs.length > 1 ? 'result set' : 'sweep point', valueOf: (s) => s.key };
}

export function setMetricsSpec(values: readonly Record<string, unknown>[], axis: { type: string; title: string; order: readonly (string | number)[] }, bars: boolean): VlSpec {
  const labels = [...new Set(values.map((v) => String(v.label)))];
  const x = axis.type === 'quantitative'
    ? { field: 'x', type: 'quantitative', title: axis.title, scale: { zero: false, nice: false, padding: 12 } }
    : { field: 'x', type: 'nominal', title: axis.title, sort: [...axis.order], axis: { labelAngle: -30, labelLimit: 160 } };
  return topLevel({
    facet: { field: 'label', type: 'nominal', sort: labels, title: null, header: { labelFontSize: 11, labelFontWeight: 600, labelLimit: 280 } },
    columns: 3,
    spec: {
      width: 220,
      height: 140,
      encoding: { x },
      layer: [
        ...(axis.type === 'quantitative' ? [{ mark: { type: 'line', color: '#9ecae1' }, encoding: { y: { field: 'mean', type: 'quantitative' } } }] : []),
        ...(bars ? [{ mark: { type: 'errorbar', color: '#3182bd', ticks: { size: 5 } }, encoding: { y: { field: 'lo', type: 'quantitative', title: null }, y2: { field: 'hi' } } }] : []),
        {
          mark: { type: 'point', filled: true, color: '#08519c', size: 36 },
          encoding: {
            y: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false }, axis: { format: ',.4~g' } },
            tooltip: [{ field: 'set' }, { field: 'metric' }, { field: 'mean', format: ',.4~g' }, { field: 'lo', title: '95% CI low', format: ',.4~g' }, { field: 'hi', title: '95% CI high', format: ',.4~g' }, { field: 'replications' }],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  }, values);
}

export function setMetricsChart(data: ReportData, comparison: boolean): ChartEntry {
  const name = comparison ? 'compare-metrics' : 'sweep-metrics';
  const title = comparison ? 'Headline metrics side by side' : 'Headline metrics against the swept parameter';
  if (data.sets.length < 2) return omitted(name, 'sweep', title, 'No sweep in this run: one result set, so nothing to set side by side.');
  const axis = setAxis(data);
  const bySet = new Map(data.sets.map((s) => [s.key, s]));
  const values = headlineRows(data.setMetrics).map((r) => ({ ...r, x: axis.valueOf(bySet.get(String(r.set))!) }));
  const maxReps = Math.max(...data.sets.map((s) => s.replications));
  return {
    kind: 'chart',
    name,
    section: 'sweep',
    title,
    caption: `Each panel is one headline metric (its own scale), ${axis.type === 'quantitative' ? `against ${axis.title}` : 'for each result set'}: the dot is the mean${maxReps > 1 ? ' over replications and the bar its 95% CI' : ''}; a metric undefined in some replication (e.g. a percentile not reached) has no dot.`,
    spec: setMetricsSpec(values, { type: axis.type, title: axis.title, order: data.sets.map((s) => s.key) }, maxReps > 1),
  };
}
