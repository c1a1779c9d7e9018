/**
 * The results folder's files as the report reads them: summary.json as JSON, a CSV's header
 * line, and the columns of each row file the report uses, with the kinds their writers
 * declare (output/columns.ts).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { catalogColumns, sweepColumns, tableColumns } from '../output/columns.js';
import { episodesTable } from '../output/episodesCsv.js';
import { exposureTable } from '../output/exposureCsv.js';
import { patchesTable } from '../output/patchesCsv.js';
import { releasesTable } from '../output/releasesCsv.js';
import { timeseriesTable } from '../output/timeseriesCsv.js';
import { ResultsFileError, splitCsvRecord, type ColumnSpec } from './csvColumns.js';

export { sweepColumns };

export const POINT = { point: { kind: 'number', optional: true } } as const satisfies ColumnSpec;

// The columns the report reads, with the kinds their writers declare (output/columns.ts).
export const TIMESERIES: ColumnSpec = {
  ...POINT, ...tableColumns(timeseriesTable, ['replication', 'time_days', 'runtime', 'package_type', 'update_mode', 'runtime_version', 'functions', 'stale']),
};
export const PATCHES: ColumnSpec = {
  ...POINT, ...tableColumns(patchesTable, ['replication', 'package_type', 'update_mode', 'published_at_days', 'patched_at_days', 'how']),
};
export const EXPOSURE: ColumnSpec = {
  ...POINT,
  ...tableColumns(exposureTable, [
    'replication', 'release_version', 'runtime', 'region', 'wave', 'architecture', 'update_mode', 'exposed_functions', 'exposure_function_hours',
    'exposed_invocations', 'failed_invocations', 'detected_functions', 'rollbacks_by_alias', 'rollbacks_by_pin', 'rollbacks_by_image',
  ]),
};
export const EPISODES: ColumnSpec = {
  ...POINT,
  ...tableColumns(episodesTable, [
    'replication', 'function_id', 'release_version', 'region', 'architecture', 'package_type', 'update_mode', 'episode', 'started_at_days',
    'first_failure_at_days', 'detected_at_days', 'rolled_back_at_days', 'rollback', 'ended_at_days',
  ]),
};
export const RELEASES: ColumnSpec = {
  ...POINT,
  ...tableColumns(releasesTable, [
    'replication', 'release_version', 'runtime', 'region', 'wave', 'planned_at_days', 'published_at_days', 'phase2_start_days', 'phase2_end_days', 'halted_at_days',
  ]),
};
export const CATALOG: ColumnSpec = { ...POINT, ...catalogColumns(['runtime', 'runtime_version']) };

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ResultsFileError(`${file}: ${existsSync(file) ? `not valid JSON (${(error as Error).message})` : 'not found (is this a results folder?)'}`);
  }
}

/** A CSV file's header fields, or null when the file is absent or empty. */
export async function readHeader(file: string): Promise<string[] | null> {
  if (!existsSync(file)) return null;
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  try {
    for await (const line of lines) return splitCsvRecord(line.replace(/^\uFEFF/, ''));
    return null;
  } finally {
    lines.close();
  }
}
