/**
 * The columns of the results folder's CSV files as a reader asks for them: the names and
 * kinds come from the writers' own declarations (each table's `columns`, CATALOG_COLUMNS,
 * sweep.csv's SWEEP_METRIC_COLUMNS), so a column renamed or retyped in a writer is renamed
 * for every reader, and a reader asking for a column no writer writes fails at load time.
 */
import { CATALOG_COLUMNS } from './catalogCsv.js';
import { SWEEP_METRIC_COLUMNS } from './sweepCsv.js';
import type { ColumnType, RowTable } from './table.js';

export type ReadKind = 'number' | 'string';

type Declared = readonly (readonly [name: string, type: ColumnType])[];

function pick(file: string, declared: Declared, names: readonly string[]): Record<string, ReadKind> {
  const out: Record<string, ReadKind> = {};
  for (const name of names) {
    const column = declared.find(([n]) => n === name);
    if (column === undefined) throw new Error(`${file} has no column ${name}`);
    out[name] = column[1] === 'STRING' ? 'string' : 'number';
  }
  return out;
}

/** The named columns of a row table's CSV (timeseries, patches, exposure, episodes, releases), with their kinds. */
export function tableColumns(table: Pick<RowTable, 'name' | 'columns'>, names: readonly string[]): Record<string, ReadKind> {
  return pick(`${table.name}.csv`, table.columns, names);
}

/** The named columns of catalog.csv (all text but `published_at_days`). */
export function catalogColumns(names: readonly (typeof CATALOG_COLUMNS)[number][]): Record<string, ReadKind> {
  return pick('catalog.csv', CATALOG_COLUMNS.map((n) => [n, n === 'published_at_days' ? 'DOUBLE' : 'STRING'] as const), names);
}

/** sweep.csv's `point` and metric columns (the swept parameters' columns sit between them). */
export function sweepColumns(): Record<string, ReadKind> {
  return pick('sweep.csv', [['point', 'INT32'], ...SWEEP_METRIC_COLUMNS], ['point', ...SWEEP_METRIC_COLUMNS.map(([n]) => n)]);
}
