/**
 * A row table of the outputs (timeseries, patches, exposure, episodes, releases): its
 * columns with their Parquet types, and the rows of one unit as plain cells. The same rows
 * feed the CSV (csv.ts) and the Parquet (parquet.ts) file, so the two always agree.
 */
import type { Scenario } from '../model/spec.js';
import type { VersionTable } from '../model/catalog/versionTable.js';
import { csvLine } from './csv.js';
import type { UnitRows } from './unitData.js';

export type Cell = string | number | null;
export type ColumnType = 'INT32' | 'DOUBLE' | 'STRING';

export interface RowTable {
  /** File name without extension: `timeseries` → timeseries.csv, timeseries.parquet. */
  readonly name: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  rows(scenario: Scenario, versions: VersionTable, unit: UnitRows): Iterable<readonly Cell[]>;
  /**
   * The same rows as CSV lines, made faster than `csvLine` over `rows` (a table of millions of
   * rows whose cells repeat); must equal them byte for byte (tested).
   */
  csvLines?(scenario: Scenario, versions: VersionTable, unit: UnitRows): Iterable<string>;
}

/** One unit's rows of `table` as CSV lines. */
export function* unitCsvLines(table: RowTable, scenario: Scenario, versions: VersionTable, unit: UnitRows): Generator<string> {
  if (table.csvLines !== undefined) yield* table.csvLines(scenario, versions, unit);
  else for (const row of table.rows(scenario, versions, unit)) yield csvLine(row);
}

/** The CSV of one table over units, in order: the header, then every unit's rows. */
export function* tableLines(table: RowTable, scenario: Scenario, versions: VersionTable, units: Iterable<UnitRows>): Generator<string> {
  yield csvLine(table.columns.map(([name]) => name));
  for (const unit of units) yield* unitCsvLines(table, scenario, versions, unit);
}
