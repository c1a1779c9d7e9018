/**
 * Reads results folders into the tables a report is computed from (the report's only
 * input I/O): the files through resultsFiles.ts, summary.json checked by checkSummary.ts,
 * sets named and tabled by resultSets.ts. Each table gets a `set` column naming its result
 * set: the run, or the sweep point when the row files carry a `point` column. Optional files
 * (patches.csv, init_start.ndjson, sweep.csv, …) may be missing; their charts are then omitted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { readLogEvents } from '../insights/readLogEvents.js';
import { InsightsInputError } from '../insights/inputError.js';
import { SIM_EPOCH_MS } from '../model/logs/names.js';
import { checkSummary } from './checkSummary.js';
import { readCsvColumns, ResultsFileError } from './csvColumns.js';
import { countInitStarts, initStartPeriodHours } from './initStartRule.js';
import { concat, metricRows, parameterNumber, pointLabel, runLabels, shortNames, versionOrder } from './resultSets.js';
import { CATALOG, EPISODES, EXPOSURE, PATCHES, readHeader, readJson, RELEASES, sweepColumns, TIMESERIES } from './resultsFiles.js';
import type { ReportData, ReportSet, RunInfo } from './types.js';

export { ResultsFileError } from './csvColumns.js';

export interface RunSource {
  readonly dir: string;
  /** Name of the run in a comparison; defaults to the scenario's name. */
  readonly label?: string;
}

/** One run's share of the report's tables (readResults joins them over the runs). */
type RunTables = Pick<ReportData, 'sets' | 'setMetrics' | 'perReplication' | 'timeseries' | 'patches' | 'exposure' | 'episodes' | 'releases' | 'versions' | 'initStart' | 'sweepPaths'>;

async function readRun(run: RunInfo, runIndex: number, prefix: string, periodHours: number): Promise<RunTables> {
  const { dir, summary } = run;
  const file = (name: string): string => join(dir, name);
  const sweepHeader = await readHeader(file('sweep.csv'));
  const metricAt = sweepHeader?.indexOf('metric') ?? -1;
  const sweepPaths = sweepHeader !== null && metricAt > 1 ? sweepHeader.slice(1, metricAt) : [];
  const points = summary.points ?? [];
  const names = shortNames(points.length > 0 ? Object.keys(points[0]?.parameters ?? {}) : sweepPaths);
  const horizonOf = (parameters: Readonly<Record<string, unknown>>): number => {
    const swept = parameters.horizon;
    const asNumber = swept === undefined ? null : parameterNumber(swept);
    return asNumber !== null && asNumber.unit === 'days' ? asNumber.value : summary.horizonDays;
  };
  const sets: ReportSet[] = points.length > 0
    ? points.map((p) => ({
      key: `${prefix}${pointLabel(p.point, p.parameters, names)}`,
      run: runIndex, point: p.point, parameters: p.parameters,
      horizonDays: horizonOf(p.parameters), replications: p.replications ?? summary.replications ?? 1,
    }))
    : [{ key: run.label, run: runIndex, point: null, parameters: {}, horizonDays: summary.horizonDays, replications: summary.replications ?? 1 }];
  const pointSets = aq.table({ point: sets.map((s) => s.point ?? -1), set: sets.map((s) => s.key), horizon: sets.map((s) => s.horizonDays) });
  const first = sets[0]!;

  /** Adds `set` (from `point` when the file has it) and drops `point`. */
  const withSet = (table: ColumnTable | null): ColumnTable | null => {
    if (table === null) return null;
    if (table.columnNames().includes('point')) {
      return table.join(pointSets.select('point', 'set'), 'point').select(aq.not('point')).relocate('set', { before: 0 });
    }
    return table.params({ key: first.key }).derive({ set: '(d, $) => $.key' }, { before: 0 });
  };

  // Regions and architectures are not charted: they are summed away while reading (memory
  // follows the groups, not the file), and the rollup below puts the rows in the usual order.
  const timeseries = withSet(await readCsvColumns(file('timeseries.csv'), TIMESERIES, undefined, { sumBy: 'functions' }))
    ?.groupby('set', 'replication', 'time_days', 'runtime', 'package_type', 'update_mode', 'runtime_version', 'stale')
    .rollup({ functions: 'd => op.sum(d.functions)' }) ?? null;
  const rawPatches = withSet(await readCsvColumns(file('patches.csv'), PATCHES));
  const patches = rawPatches === null
    ? null
    : rawPatches
      .filter("d => d.how !== 'create' && d.how !== 'withdrawn'") // R11: withdrawn pairs are not in the time-to-patch population
      .lookup(pointSets.select('set', 'horizon'), 'set', 'horizon')
      .derive({
        patched: 'd => op.is_nan(d.patched_at_days) ? 0 : 1',
        t_days: 'd => op.is_nan(d.patched_at_days) ? d.horizon - d.published_at_days : d.patched_at_days - d.published_at_days',
      })
      .select('set', 'replication', 'package_type', 'update_mode', 't_days', 'patched');
  const exposure = withSet(await readCsvColumns(file('exposure.csv'), EXPOSURE));
  const episodes = withSet(await readCsvColumns(file('episodes.csv'), EPISODES));
  const releases = withSet(await readCsvColumns(file('releases.csv'), RELEASES));
  const catalog = withSet(await readCsvColumns(file('catalog.csv'), CATALOG));
  const versions = versionOrder(catalog, timeseries);

  let initStart: ColumnTable | null = null;
  if (existsSync(file('init_start.ndjson'))) {
    try {
      const epochMs = summary.startDate === undefined ? SIM_EPOCH_MS : Date.parse(`${summary.startDate}T00:00:00Z`);
      initStart = (await countInitStarts(readLogEvents(file('init_start.ndjson')), periodHours, epochMs))
        .params({ key: first.key }).derive({ set: '(d, $) => $.key' }, { before: 0 });
    } catch (error) {
      if (error instanceof InsightsInputError) throw new ResultsFileError(error.problems.join('\n'));
      throw error;
    }
  }

  let setMetrics: ColumnTable;
  if (sweepHeader !== null && points.length > 0) {
    const sweep = await readCsvColumns(file('sweep.csv'), sweepColumns());
    setMetrics = sweep!.join(pointSets.select('point', 'set'), 'point')
      .select('set', 'metric', 'mean', { ci95_lo: 'lo', ci95_hi: 'hi' }, 'replications', 'unit');
  } else if (points.length > 0) {
    setMetrics = aq.from(points.flatMap((p, i) => metricRows(sets[i]!.key, p.metrics)));
  } else {
    setMetrics = aq.from(metricRows(first.key, summary.metrics ?? {}));
  }

  let perReplication: ColumnTable | null = null;
  const reps = summary.perReplication ?? [];
  const tied = points.length === 0 || reps.every((r) => typeof r.point === 'number');
  if (reps.length > 0 && tied) {
    const setOf = new Map(sets.map((s) => [s.point ?? -1, s.key]));
    perReplication = aq.from(reps.flatMap((r) => Object.entries(r.metrics).map(([metric, value]) => ({
      set: setOf.get(r.point ?? -1) ?? first.key, replication: r.replication, metric, value: value ?? Number.NaN,
    }))));
  }

  return { sets, setMetrics, perReplication, timeseries, patches, exposure, episodes, releases, versions, initStart, sweepPaths };
}

/** Reads one or more results folders (more than one: a comparison). */
export async function readResults(sources: readonly RunSource[]): Promise<ReportData> {
  if (sources.length === 0) throw new ResultsFileError('no results folder given');
  const summaries = sources.map((s) => checkSummary(readJson(join(s.dir, 'summary.json')), join(s.dir, 'summary.json')));
  const labels = runLabels(summaries, sources.map((s) => s.dir), sources.map((s) => s.label));
  const runs: RunInfo[] = sources.map((s, i) => ({
    dir: s.dir,
    label: labels[i]!,
    summary: summaries[i]!,
    scenarioText: existsSync(join(s.dir, 'scenario.yaml')) ? readFileSync(join(s.dir, 'scenario.yaml'), 'utf8') : null,
  }));
  const periodHours = initStartPeriodHours(Math.max(...summaries.map((s) => s.horizonDays)));
  const parts: RunTables[] = [];
  for (const [i, run] of runs.entries()) {
    const swept = (run.summary.points?.length ?? 0) > 0;
    parts.push(await readRun(run, i, runs.length > 1 && swept ? `${run.label} · ` : '', periodHours));
  }
  const sets = parts.flatMap((p) => p.sets);
  const replications = aq.from(sets.flatMap((s) => Array.from({ length: s.replications }, (_, r) => ({ set: s.key, replication: r }))));
  const perReplication = parts.every((p) => p.perReplication !== null) ? concat(parts.map((p) => p.perReplication)) : null;
  return {
    runs,
    sets,
    replications,
    setMetrics: concat(parts.map((p) => p.setMetrics))!,
    perReplication,
    timeseries: concat(parts.map((p) => p.timeseries)),
    patches: concat(parts.map((p) => p.patches)),
    exposure: concat(parts.map((p) => p.exposure)),
    episodes: concat(parts.map((p) => p.episodes)),
    releases: concat(parts.map((p) => p.releases)),
    versions: concat(parts.map((p) => p.versions))!,
    initStart: concat(parts.map((p) => p.initStart)),
    initStartPeriodHours: periodHours,
    sweepPaths: [...new Set(parts.flatMap((p) => p.sweepPaths))],
  };
}
