/**
 * Reads results folders into the tables a report is computed from (the report's only
 * input I/O). Each table gets a `set` column naming its result set: the run, or the sweep
 * point when the row files carry a `point` column. Optional files (patches.csv,
 * init_start.ndjson, sweep.csv, …) may be missing; their charts are then omitted.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { readLogEvents } from '../insights/readLogEvents.js';
import { InsightsInputError } from '../insights/inputError.js';
import { parseDuration } from '../scenario/duration.js';
import { SIM_EPOCH_MS } from '../model/logs/names.js';
import { DAY_MS } from '../model/units.js';
import { readCsvColumns, ResultsFileError, splitCsvRecord, type ColumnSpec } from './csvColumns.js';
import { countInitStarts, initStartPeriodHours } from './initStartRule.js';
import type { MetricJson, ReportData, ReportSet, RunInfo, SummaryJson } from './types.js';

export { ResultsFileError } from './csvColumns.js';

const POINT = { point: { kind: 'number', optional: true } } as const satisfies ColumnSpec;

const TIMESERIES: ColumnSpec = {
  ...POINT, replication: 'number', time_days: 'number', runtime: 'string', package_type: 'string',
  update_mode: 'string', runtime_version: 'string', functions: 'number', stale: 'number',
};
const PATCHES: ColumnSpec = {
  ...POINT, replication: 'number', package_type: 'string', update_mode: 'string',
  published_at_days: 'number', patched_at_days: 'number', how: 'string',
};
const EXPOSURE: ColumnSpec = {
  ...POINT, replication: 'number', release_version: 'string', runtime: 'string', region: 'string', wave: 'number',
  architecture: 'string', update_mode: 'string', exposed_functions: 'number', exposure_function_hours: 'number',
  exposed_invocations: 'number', failed_invocations: 'number', detected_functions: 'number',
  rollbacks_by_alias: 'number', rollbacks_by_pin: 'number', rollbacks_by_image: 'number',
};
const EPISODES: ColumnSpec = {
  ...POINT, replication: 'number', function_id: 'number', release_version: 'string', region: 'string', architecture: 'string',
  package_type: 'string', update_mode: 'string', episode: 'number', started_at_days: 'number',
  first_failure_at_days: 'number', detected_at_days: 'number', rolled_back_at_days: 'number',
  rollback: 'string', ended_at_days: 'number',
};
const RELEASES: ColumnSpec = {
  ...POINT, replication: 'number', release_version: 'string', runtime: 'string', region: 'string', wave: 'number',
  planned_at_days: 'number', published_at_days: 'number', phase2_start_days: 'number',
  phase2_end_days: 'number', halted_at_days: 'number',
};
const CATALOG: ColumnSpec = { ...POINT, runtime: 'string', runtime_version: 'string' };

export interface RunSource {
  readonly dir: string;
  /** Name of the run in a comparison; defaults to the scenario's name. */
  readonly label?: string;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ResultsFileError(`${file}: ${existsSync(file) ? `not valid JSON (${(error as Error).message})` : 'not found (is this a results folder?)'}`);
  }
}

/** Checks the fields the report relies on; everything else is optional. */
export function checkSummary(value: unknown, file: string): SummaryJson {
  const problems: string[] = [];
  const o = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (typeof o.scenario !== 'string') problems.push('`scenario` must be a string');
  if (typeof o.seed !== 'number') problems.push('`seed` must be a number');
  const swept = Array.isArray(o.points) && o.points.length > 0;
  if (!(typeof o.replications === 'number' && o.replications >= 1) && !(swept && o.replications === null)) problems.push('`replications` must be a number ≥ 1');
  if (typeof o.functions !== 'number') problems.push('`functions` must be a number');
  if (typeof o.horizonDays !== 'number' || !(o.horizonDays > 0)) problems.push('`horizonDays` must be a number > 0');
  if (typeof o.resultHash !== 'string') problems.push('`resultHash` must be a string');
  if (!swept && (typeof o.metrics !== 'object' || o.metrics === null)) problems.push('`metrics` must be an object');
  if (o.points !== undefined && !Array.isArray(o.points)) problems.push('`points` must be a list');
  if (swept) {
    (o.points as unknown[]).forEach((p, i) => {
      const point = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
      if (typeof point.point !== 'number' || typeof point.parameters !== 'object' || point.parameters === null || typeof point.metrics !== 'object' || point.metrics === null) {
        problems.push(`\`points[${i}]\` must have a number \`point\`, and \`parameters\` and \`metrics\` objects`);
      }
    });
  }
  if (o.perReplication !== undefined && !Array.isArray(o.perReplication)) problems.push('`perReplication` must be a list');
  if (problems.length > 0) throw new ResultsFileError(`${file}: ${problems.join('; ')}`);
  return o as unknown as SummaryJson;
}

/** `releases[0].phase2.startAfter` → `startAfter`, unless two swept paths end alike. */
function shortNames(paths: readonly string[]): Map<string, string> {
  const last = (p: string): string => p.split(/[.[\]]+/).filter((s) => s !== '').pop() ?? p;
  const out = new Map<string, string>();
  for (const p of paths) out.set(p, paths.filter((q) => last(q) === last(p)).length > 1 ? p : last(p));
  return out;
}

export function formatParameter(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** A swept value as a number for a chart axis: numbers as is, durations in days; null otherwise. */
export function parameterNumber(value: unknown): { value: number; unit: string } | null {
  if (typeof value === 'number' && Number.isFinite(value)) return { value, unit: '' };
  if (typeof value === 'string') {
    const d = parseDuration(value.trim());
    if (d.ok) return { value: d.ms / DAY_MS, unit: 'days' };
    if (value.trim() !== '' && Number.isFinite(Number(value))) return { value: Number(value), unit: '' };
  }
  return null;
}

function pointLabel(point: number, parameters: Readonly<Record<string, unknown>>, names: Map<string, string>): string {
  const parts = Object.entries(parameters).map(([path, value]) => `${names.get(path) ?? path} ${formatParameter(value)}`);
  return parts.length === 0 ? `point ${point}` : `p${point}: ${parts.join(', ')}`;
}

async function readHeader(file: string): Promise<string[] | null> {
  if (!existsSync(file)) return null;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) return splitCsvRecord(line.replace(/^\uFEFF/, ''));
    return null;
  } finally {
    lines.close();
  }
}

interface RunTables {
  readonly sets: ReportSet[];
  readonly setMetrics: ColumnTable;
  readonly perReplication: ColumnTable | null;
  readonly timeseries: ColumnTable | null;
  readonly patches: ColumnTable | null;
  readonly exposure: ColumnTable | null;
  readonly episodes: ColumnTable | null;
  readonly releases: ColumnTable | null;
  readonly versions: ColumnTable;
  readonly initStart: ColumnTable | null;
  readonly sweepPaths: string[];
}

function metricRows(set: string, metrics: Readonly<Record<string, MetricJson>>): Record<string, unknown>[] {
  return Object.entries(metrics).map(([metric, m]) => ({
    set, metric,
    mean: m.mean ?? Number.NaN,
    lo: m.ci95?.[0] ?? Number.NaN,
    hi: m.ci95?.[1] ?? Number.NaN,
    replications: m.definedIn ?? m.replications ?? Number.NaN,
    unit: m.unit ?? '',
  }));
}

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
    const sweep = await readCsvColumns(file('sweep.csv'), {
      point: 'number', metric: 'string', mean: 'number', ci95_lo: 'number', ci95_hi: 'number', replications: 'number', unit: 'string',
    });
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

/** Rank of each runtime version in release order: catalog.csv lists them that way (current versions first). */
function versionOrder(catalog: ColumnTable | null, timeseries: ColumnTable | null): ColumnTable {
  const source = catalog ?? timeseries?.select('set', 'runtime', 'runtime_version') ?? null;
  if (source === null) return aq.table({ set: [], runtime: [], runtime_version: [], rank: [] });
  const seen = new Map<string, number>();
  const out = { set: [] as string[], runtime: [] as string[], runtime_version: [] as string[], rank: [] as number[] };
  const counts = new Map<string, number>();
  for (const row of source.objects() as { set: string; runtime: string; runtime_version: string }[]) {
    const id = JSON.stringify([row.set, row.runtime, row.runtime_version]);
    if (seen.has(id)) continue;
    const runtimeId = JSON.stringify([row.set, row.runtime]);
    const rank = counts.get(runtimeId) ?? 0;
    counts.set(runtimeId, rank + 1);
    seen.set(id, rank);
    out.set.push(row.set);
    out.runtime.push(row.runtime);
    out.runtime_version.push(row.runtime_version);
    out.rank.push(rank);
  }
  return aq.table(out);
}

function concat(tables: readonly (ColumnTable | null)[]): ColumnTable | null {
  const present = tables.filter((t): t is ColumnTable => t !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0]! : present[0]!.concat(...present.slice(1));
}

/** Unique labels for runs: their scenario names, else their folder names, else numbered. */
export function runLabels(summaries: readonly SummaryJson[], dirs: readonly string[], given: readonly (string | undefined)[]): string[] {
  const unique = (labels: string[]): boolean => new Set(labels).size === labels.length;
  const byName = summaries.map((s, i) => given[i] ?? s.scenario);
  if (unique(byName)) return byName;
  const byDir = dirs.map((d, i) => given[i] ?? (d.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || d));
  if (unique(byDir)) return byDir;
  return byName.map((name, i) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}: ${name}`);
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
