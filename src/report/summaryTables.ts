/** The summary tables: what was run (identity of each run) and the headline metrics, mean ± 95% CI. */
import type { Cell, TableModel } from './html.js';
import { formatDays, formatValue } from './format.js';
import { formatParameter } from './resultSets.js';
import { HEADLINE_METRICS } from '../analysis/headline.js';
import type { MetricJson, ReportData, ReportOptions, SummaryJson } from './types.js';

/** Rows shown only for runs with `startDate` (undefined otherwise). */
const CALENDAR_METRICS = ['deprecatedRuntimeFunctions', 'deprecatedRuntimeFunctionDays'] as const;

const text = (t: string, extra: Partial<Cell> = {}): Cell => ({ text: t, ...extra });

export function identityTable(data: ReportData, options: ReportOptions): TableModel {
  const runs = data.runs;
  const many = runs.length > 1;
  const row = (label: string, value: (s: SummaryJson, i: number) => Cell): Cell[] => [text(label, { className: 'key' }), ...runs.map((r, i) => value(r.summary, i))];
  const runTime = options.runSeconds;
  const rows: Cell[][] = [
    row('scenario', (s) => text(s.scenario)),
    row('scenario file', (s) => text(s.scenarioFile ?? '—')),
    row('seed', (s) => text(String(s.seed), { className: 'num' })),
    row('replications', (s) => text(s.replications === null ? 'varies by point (see the metrics table)' : String(s.replications), { className: 'num' })),
    row('functions at time 0', (s) => text(s.functions.toLocaleString('en-US'), { className: 'num' })),
    row('horizon', (s) => text(formatDays(s.horizonDays), { className: 'num' })),
    row('resultHash', (s) => text(s.resultHash, { className: 'mono' })),
    row('tool version', (s) => text(`${s.tool?.name ?? 'lambda-rollout-sim'} ${s.tool?.version ?? '(unknown)'}`)),
    row('run time', () => (runTime !== undefined && !many
      ? text(`${runTime.toFixed(1)} s`, { className: 'num' })
      : text('not recorded', { className: 'pending', note: 'summary.json holds no clock time; it is shown when the report is made by `run`.' }))),
  ];
  const swept = runs.map((r) => r.summary.points?.length ?? 0);
  if (swept.some((n) => n > 0)) {
    rows.push(row('sweep points', (s) => text(s.points === undefined ? '—' : s.points.map((p) => `p${p.point}: ${Object.entries(p.parameters).map(([k, v]) => `${k} = ${formatParameter(v)}`).join(', ')}`).join('; '))));
  }
  return { caption: many ? 'Result sets' : 'Run', head: many ? ['', ...runs.map((r) => r.label)] : ['', ''], rows };
}

function metricCell(m: MetricJson | undefined): Cell {
  if (m === undefined) return text('—', { className: 'num' });
  const unit = m.unit ?? '';
  if (m.mean === null) {
    const reps = m.replications ?? 0;
    const defined = m.definedIn ?? 0;
    const why = m.censoredShare !== undefined
      ? `not reached by the horizon${m.censoredShare !== null ? ` (${(m.censoredShare * 100).toFixed(1)}% censored)` : ''}`
      : defined === 0 ? 'undefined (no case in the run)' : `undefined in ${reps - defined} of ${reps} replications`;
    return text('—', { className: 'num', note: why });
  }
  const half = m.ci95 === null ? null : (m.ci95[1] - m.ci95[0]) / 2;
  return text(half === null ? formatValue(m.mean, unit) : `${formatValue(m.mean, unit)} ± ${formatValue(half, unit)}`, { className: 'num' });
}

function replicationsText(m: MetricJson | undefined): string {
  if (m === undefined) return '';
  const reps = m.replications ?? 0;
  const defined = m.definedIn ?? reps;
  return defined === reps ? String(reps) : `${defined} of ${reps}`;
}

/** Metrics of each set: summary.json's (or a sweep point's) mean and CI. */
function setMetricSummaries(data: ReportData): { label: string; metrics: Readonly<Record<string, MetricJson>> }[] {
  return data.sets.map((s) => {
    const summary = data.runs[s.run]!.summary;
    const point = s.point === null ? undefined : summary.points?.find((p) => p.point === s.point);
    return { label: s.key, metrics: point?.metrics ?? summary.metrics ?? {} };
  });
}

export function metricsTable(data: ReportData): TableModel {
  const sets = setMetricSummaries(data);
  const first = data.runs[0]!.summary;
  const definitions = first.metricDefinitions ?? {};
  const names = [
    ...HEADLINE_METRICS.filter((n) => sets.some((s) => s.metrics[n] !== undefined)),
    // With startDate (the real calendar): the owner's functions on a deprecated runtime (R18).
    ...CALENDAR_METRICS.filter((n) => sets.some((s) => (s.metrics[n]?.definedIn ?? 0) > 0)),
  ];
  if (sets.length === 1) {
    const metrics = sets[0]!.metrics;
    return {
      caption: 'Headline metrics: mean ± half-width of the 95% confidence interval over replications (Student t)',
      head: ['metric', 'mean ± 95% CI', 'unit', 'replications', 'meaning'],
      rows: names.map((n) => [
        text(n, { className: 'mono' }),
        metricCell(metrics[n]),
        text(metrics[n]?.unit ?? ''),
        text(replicationsText(metrics[n]), { className: 'num' }),
        text(definitions[n]?.description ?? ''),
      ]),
    };
  }
  return {
    caption: 'Headline metrics per result set: mean ± half-width of the 95% confidence interval over replications (Student t)',
    head: ['metric', 'unit', ...sets.map((s) => s.label)],
    rows: names.map((n) => [
      text(n, { className: 'mono', title: definitions[n]?.description ?? '' }),
      text(sets.find((s) => s.metrics[n] !== undefined)?.metrics[n]?.unit ?? ''),
      ...sets.map((s) => ({ ...metricCell(s.metrics[n]), note: metricCell(s.metrics[n]).note ?? `${replicationsText(s.metrics[n])} replications` })),
    ]),
  };
}
