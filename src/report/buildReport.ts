/**
 * Results folder(s) → report files. The pipeline:
 *
 *   1. read       summary.json, row files and the INIT_START log → tables with a `set` column   (readResults.ts)
 *   2. aggregate  per chart, in arquero: means and 95% CIs over replications                   (data/*.ts)
 *   3. chart      plain vega-lite specs, one module per chart; charts without data are omitted  (charts/*.ts)
 *   4. render     each spec to a static SVG with server-side vega                               (svg.ts)
 *   5. page       summary tables, charts, scenario text → one self-contained HTML file         (html.ts)
 *
 * Nothing here writes files: the caller writes `files` (see writeReport.ts).
 */
import type { ChartEntry, Section } from './chart.js';
import { browserBundles } from './bundles.js';
import { fleetShareChart } from './charts/fleetShare.js';
import { staleShareChart } from './charts/staleShare.js';
import { responsibilityChart } from './charts/responsibility.js';
import { survivalChart } from './charts/survival.js';
import { rolloutChart } from './charts/rolloutTimeline.js';
import { exposedByWaveChart, failedOverTimeChart, responseTimesChart } from './charts/exposure.js';
import { initStartChart } from './charts/initStart.js';
import { setMetricsChart } from './charts/setMetrics.js';
import { tradeoffChart } from './charts/tradeoff.js';
import { renderPage, type RenderedChart } from './html.js';
import { readResults, type RunSource } from './readResults.js';
import { renderSvg } from './svg.js';
import { identityTable, metricsTable } from './summaryTables.js';
import { deprecatedRuntimeTable } from './deprecatedTable.js';
import type { ReportData, ReportFiles, ReportOptions } from './types.js';

export type { ReportFiles, ReportOptions } from './types.js';

/** Every chart of a report, in page order within each section. */
export function reportCharts(data: ReportData, comparison: boolean): ChartEntry[] {
  return [
    setMetricsChart(data, comparison),
    tradeoffChart(data, comparison),
    fleetShareChart(data),
    staleShareChart(data),
    responsibilityChart(data),
    survivalChart(data),
    rolloutChart(data),
    failedOverTimeChart(data),
    exposedByWaveChart(data),
    responseTimesChart(data),
    initStartChart(data),
  ];
}

function sections(data: ReportData, comparison: boolean): { id: Section; heading: string; intro?: string }[] {
  const many = data.sets.length > 1;
  const sweep: { id: Section; heading: string; intro?: string } = {
    id: 'sweep',
    heading: comparison ? 'Comparison' : 'Sweep',
    intro: comparison
      ? 'The result sets side by side on the headline metrics, then every chart below shows one panel per set on shared scales.'
      : 'How the headline metrics move with the swept parameter; every chart below shows one panel per sweep point on shared scales.',
  };
  const rest: { id: Section; heading: string; intro?: string }[] = [
    { id: 'fleet', heading: 'Fleet and staleness', intro: 'Which runtime versions the fleet runs over time, how much of it is stale (older than the latest secure version in its region), and whose stale days they are.' },
    { id: 'patch', heading: 'Time to patch', intro: 'How long after a release reaches a region its functions run it. Pairs still unpatched at the horizon are censored, so the answer is a survival curve, not a mean.' },
    { id: 'rollout', heading: 'Rollout', intro: 'When each release was published in each region, when phase 2 moved Auto functions, and where a halt stopped it.' },
    { id: 'exposure', heading: 'Bad releases', intro: 'What an incompatible release cost: failed invocations, exposed functions, and how fast owners noticed and rolled back.' },
    { id: 'logs', heading: 'INIT_START log' },
  ];
  return many ? [sweep, ...rest] : [...rest, sweep];
}

async function render(entries: readonly ChartEntry[]): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const entry of entries) out.push({ entry, svg: entry.kind === 'chart' ? await renderSvg(entry.spec) : null });
  return out;
}

function replicationsText(n: number | null): string {
  return n === null ? 'replications varying by point' : `${n} replication${n === 1 ? '' : 's'}`;
}

async function build(data: ReportData, comparison: boolean, options: ReportOptions): Promise<ReportFiles> {
  const charts = await render(reportCharts(data, comparison));
  const first = data.runs[0]!;
  const sweep = !comparison && data.sets.length > 1;
  const title = comparison ? `Comparison: ${data.runs.map((r) => r.label).join(' vs ')}` : first.summary.scenario;
  const subtitle = comparison
    ? `${data.runs.length} result sets side by side; ${data.sets.length} panels per chart.`
    : `${first.summary.functions.toLocaleString('en-US')} functions over ${first.summary.horizonDays} days, ${replicationsText(first.summary.replications)}, seed ${first.summary.seed}`
      + (sweep ? `; a sweep over ${data.sets.length} points.` : '.');
  const html = renderPage({
    title,
    subtitle,
    tables: [identityTable(data, options), metricsTable(data), ...[deprecatedRuntimeTable(data)].filter((t) => t !== null)],
    sections: sections(data, comparison),
    charts,
    scenarios: data.runs.map((r) => ({ label: data.runs.length > 1 ? `${r.label} — scenario.yaml` : 'scenario.yaml (as run)', text: r.scenarioText })),
    footer: `Made by lambda-rollout-sim ${first.summary.tool?.version ?? ''} from ${data.runs.map((r) => `${r.label} (resultHash ${r.summary.resultHash.slice(0, 12)}…)`).join(', ')}. `
      + 'Self-contained and offline: the charts are drawn by the inlined vega, vega-lite and vega-embed, and each is also written beside this page as a static SVG.',
    bundles: browserBundles(),
  });
  return {
    files: [
      { name: 'report.html', content: html },
      ...charts.flatMap((c) => (c.entry.kind === 'chart' && c.svg !== null ? [{ name: `charts/${c.entry.name}.svg`, content: c.svg }] : [])),
    ],
  };
}

/** The report of one results folder (a run, or a sweep's points side by side). */
export async function buildReport(resultsDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  return build(await readResults([{ dir: resultsDir }]), false, options);
}

/** One report setting two or more results folders side by side. */
export async function buildComparison(sources: readonly RunSource[]): Promise<ReportFiles> {
  return build(await readResults(sources), true, {});
}
