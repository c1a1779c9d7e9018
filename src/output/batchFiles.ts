/**
 * Every file of a run's output folder, from its units (summaries in memory, rows read one
 * unit at a time through `load`). The same function serves a run on one machine and the
 * merge of shards, so both give the same bytes.
 *
 * Without a sweep the files are exactly those of a plain run. With a sweep, the row files
 * (timeseries, patches, exposure, episodes, releases, catalog) get a first column `point`,
 * events.ndjson objects a first key `point`, and sweep.csv is added. Every row CSV has a
 * Parquet twin (same columns; empty fields are nulls), which summary.json's `outputs` does
 * not list, so that summary.json stays what it was before the twins existed.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { catalogLines, catalogRows, CATALOG_COLUMNS } from './catalogCsv.js';
import { chunked, csvLine } from './csv.js';
import { episodesTable } from './episodesCsv.js';
import { unitEventLines } from './eventsNdjson.js';
import { exposureTable } from './exposureCsv.js';
import { initStartLines } from './initStartNdjson.js';
import { parquetChunks } from './parquet.js';
import { patchesTable } from './patchesCsv.js';
import { releasesTable } from './releasesCsv.js';
import { summaryObject, type SweepSummary, type TargetCiOutcome } from './summaryJson.js';
import type { SummaryJson } from './summaryShape.js';
import { sweepLines } from './sweepCsv.js';
import { unitCsvLines, type Cell, type RowTable } from './table.js';
import { timeseriesTable } from './timeseriesCsv.js';
import type { UnitRows, UnitSummary } from './unitData.js';
import type { OutputFile } from './writeOutputDir.js';

export interface OutputPoint {
  readonly index: number;
  /** One value per swept key (empty without a sweep). */
  readonly values: readonly unknown[];
  readonly scenario: Scenario;
  readonly versions: VersionTable;
}

export interface BatchOutputInput {
  /** The scenario as written, and its text. */
  readonly scenario: Scenario;
  readonly source: string;
  readonly seed: number;
  /** The swept keys as written; null without a sweep. */
  readonly parameters: readonly string[] | null;
  readonly points: readonly OutputPoint[];
  /** Every unit: points in plan order, replications in order within a point. */
  readonly units: readonly UnitSummary[];
  readonly load: (unit: UnitSummary) => UnitRows;
  /** The unit that generated the INIT_START log (replication 0 of the first point), if any. */
  readonly initStartUnit: UnitSummary | null;
  readonly resultHash: string;
  readonly keepPatches: boolean;
  readonly parquet: boolean;
  readonly targetCi: TargetCiOutcome | null;
  readonly toolVersion: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
}

export interface BatchOutput {
  readonly files: readonly OutputFile[];
  readonly summary: SummaryJson;
}

export const ROW_TABLES: readonly RowTable[] = [timeseriesTable, exposureTable, episodesTable, releasesTable, patchesTable];

export function batchOutputFiles(input: BatchOutputInput): BatchOutput {
  const sweep = input.parameters !== null;
  const pointOf = new Map(input.points.map((p) => [p.index, p]));
  const point = (u: UnitSummary): OutputPoint => {
    const p = pointOf.get(u.point);
    if (p === undefined) throw new Error(`unit p${u.point} r${u.replication}: no such point in the plan`);
    return p;
  };
  const tables = ROW_TABLES.filter((t) => t !== patchesTable || input.keepPatches);

  function* csv(table: RowTable): Generator<string> {
    yield (sweep ? 'point,' : '') + csvLine(table.columns.map(([name]) => name));
    for (const u of input.units) {
      const p = point(u);
      const lead = sweep ? `${p.index},` : '';
      for (const line of unitCsvLines(table, p.scenario, p.versions, input.load(u))) yield lead + line;
    }
  }
  function* parquetRows(table: RowTable): Generator<readonly Cell[]> {
    for (const u of input.units) {
      const p = point(u);
      const rows = table.rows(p.scenario, p.versions, input.load(u));
      if (sweep) for (const row of rows) yield [p.index, ...row];
      else yield* rows;
    }
  }
  function* events(): Generator<string> {
    for (const u of input.units) {
      const p = point(u);
      yield* unitEventLines(p.scenario, p.versions, input.load(u), sweep ? p.index : null);
    }
  }
  function* catalog(): Generator<string> {
    if (!sweep) {
      const p = input.points[0];
      if (p !== undefined) yield* catalogLines(p.scenario, p.versions);
      return;
    }
    yield csvLine(['point', ...CATALOG_COLUMNS]);
    for (const p of input.points) yield* catalogRows(p.scenario, p.versions, `${p.index},`);
  }

  const initUnit = input.initStartUnit ?? undefined;
  const file = (name: string, lines: Iterable<string>): OutputFile => ({ name, chunks: chunked(lines) });
  const byName = new Map(tables.map((t) => [t.name, t]));
  const csvFile = (name: string): OutputFile[] => {
    const table = byName.get(name);
    return table === undefined ? [] : [file(`${name}.csv`, csv(table))];
  };
  const optional: OutputFile[] = [
    ...csvFile('patches'),
    ...(input.scenario.outputs.events ? [file('events.ndjson', events())] : []),
    ...(initUnit !== undefined ? [file('init_start.ndjson', initStart(initUnit))] : []),
  ];
  function* initStart(u: UnitSummary): Generator<string> {
    const p = point(u);
    const rows = input.load(u);
    if (rows.initStart !== null && rows.initStartFunctions !== null) {
      yield* initStartLines(p.scenario, p.versions, rows.initStart, rows.initStartFunctions);
    }
  }
  const listed: OutputFile[] = [
    ...csvFile('timeseries'),
    ...csvFile('exposure'),
    ...csvFile('episodes'),
    ...csvFile('releases'),
    ...optional,
    file('catalog.csv', catalog()),
    { name: 'scenario.yaml', chunks: [input.source] },
  ];
  const sweepSummary: SweepSummary | null = sweep
    ? { parameters: input.parameters!, points: input.points.map((p) => ({ index: p.index, values: p.values })) }
    : null;
  const sweepFile: OutputFile[] = sweepSummary === null ? [] : [file('sweep.csv', sweepLines(sweepSummary, input.units))];
  const outputs = ['summary.json', ...sweepFile.map((f) => f.name), ...listed.map((f) => f.name)];
  const summary = summaryObject(
    { scenario: input.scenario, seed: input.seed, resultHash: input.resultHash, units: input.units, sweep: sweepSummary, targetCi: input.targetCi },
    { toolVersion: input.toolVersion, scenarioFile: input.scenarioFile, scenarioSha256: input.scenarioSha256, outputs },
  );
  const createdBy = `lambda-rollout-sim ${input.toolVersion}`;
  const parquet: OutputFile[] = input.parquet
    ? tables.map((t) => ({
        name: `${t.name}.parquet`,
        chunks: parquetChunks(
          [...(sweep ? [{ name: 'point', type: 'INT32' as const }] : []), ...t.columns.map(([name, type]) => ({ name, type }))],
          parquetRows(t),
          createdBy,
        ),
      }))
    : [];
  return {
    summary,
    files: [{ name: 'summary.json', chunks: [JSON.stringify(summary, null, 2) + '\n'] }, ...sweepFile, ...listed, ...parquet],
  };
}
