/** INIT_START lines per runtime version over time, counted by the page's Contributor Insights rule (R16). */
import type { ReportData } from '../types.js';
import { fewLabels, LINE_LEGEND, omitted, perSet, setsIn, topLevel, versionColors, type ChartEntry, type VlSpec } from '../chart.js';
import { initStartRows } from '../data/initStart.js';

export function initStartSpec(values: readonly Record<string, unknown>[], runtimes: readonly { runtime: string; versions: readonly string[] }[], sets: readonly string[], periodHours: number): VlSpec {
  const block = (runtime: string, versions: readonly string[]): VlSpec => ({
    title: { text: runtime, fontSize: 12 },
    ...perSet(sets, (filter) => ({
      width: 680,
      height: 130,
      transform: [...filter, { filter: { field: 'runtime', equal: runtime } }],
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.4 },
      encoding: {
        x: { field: 'period_days', type: 'quantitative', title: 'days since start (2026-01-01 UTC)', scale: { nice: false } },
        y: { field: 'inits', type: 'quantitative', title: `INIT_START per ${periodHours} h` },
        color: { field: 'runtime_version', type: 'nominal', title: 'runtime version (old → new)', scale: { domain: [...versions], range: versionColors(versions.length, 'lines') }, legend: { ...LINE_LEGEND, values: fewLabels(versions) } },
        tooltip: [{ field: 'runtime_version', title: 'version' }, { field: 'period_days', title: 'period start (day)', format: '.2f' }, { field: 'inits', title: 'INIT_START lines' }],
      },
    }), undefined, setsIn(values, (v) => v.runtime === runtime)),
  });
  return topLevel({
    vconcat: runtimes.map((r) => block(r.runtime, r.versions)),
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  }, values, sets);
}

export function initStartChart(data: ReportData): ChartEntry {
  const title = 'INIT_START by runtime version (Contributor Insights rule, R16)';
  if (data.initStart === null || data.initStart.numRows() === 0) {
    return omitted('init-start', 'logs', title, 'No INIT_START log in the results (set outputs.initStartLog.sample in the scenario to write init_start.ndjson).');
  }
  const values = initStartRows(data.initStart, data.versions);
  const runtimes = [...new Set(values.map((v) => String(v.runtime)))].map((runtime) => {
    const ranks = new Map<string, number>();
    for (const v of values) if (v.runtime === runtime) ranks.set(String(v.runtime_version), Number(v.rank));
    return { runtime, versions: [...ranks.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label) };
  });
  const sets = [...new Set(values.map((v) => String(v.set)))];
  return {
    kind: 'chart',
    name: 'init-start',
    section: 'logs',
    title,
    caption: `The page's rule (CLF fields 1, 4, 8: count INIT_START lines by runtime version and ARN) evaluated over the sampled log of replication 0 (init_start.ndjson), summed over ARNs per ${data.initStartPeriodHours} h period: each new version's line rises as the old one's falls, which is how an owner sees a rollout in CloudWatch.`,
    spec: initStartSpec(values, runtimes, sets, data.initStartPeriodHours),
  };
}
