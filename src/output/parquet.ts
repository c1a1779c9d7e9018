/**
 * A row table as an Apache Parquet file (pandas, polars, DuckDB read it directly), streamed:
 * rows are gathered into row groups of ROW_GROUP_ROWS, each group is encoded and handed out
 * as bytes before the next is gathered, so memory stays bounded whatever the table's size.
 *
 * Every column is OPTIONAL: an empty CSV field is a null here (censored `patched_at_days`,
 * the `update_mode` of image functions, …). Numbers keep full precision (the CSV rounds to
 * 1e-6). Row groups break at fixed row counts and the file holds no time stamp, so the same
 * rows always give the same bytes.
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { Cell, ColumnType } from './table.js';

export const ROW_GROUP_ROWS = 100_000;

export interface ParquetColumn {
  readonly name: string;
  readonly type: ColumnType;
}

function schemaOf(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [
    { name: 'root', num_children: columns.length },
    ...columns.map((c): SchemaElement => {
      switch (c.type) {
        case 'INT32':
          return { name: c.name, type: 'INT32', repetition_type: 'OPTIONAL' };
        case 'DOUBLE':
          return { name: c.name, type: 'DOUBLE', repetition_type: 'OPTIONAL' };
        case 'STRING':
          return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
      }
    }),
  ];
}

/** Rows (one cell per column, in column order) → Parquet bytes, chunk by chunk. */
export function* parquetChunks(columns: readonly ParquetColumn[], rows: Iterable<readonly Cell[]>, createdBy: string): Generator<Uint8Array> {
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({ writer, schema: schemaOf(columns), codec: 'SNAPPY', createdBy });
  const take = (): Uint8Array => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  let data: Cell[][] = columns.map(() => []);
  let filled = 0;
  const flush = (): void => {
    const result = parquet.write({
      columnData: columns.map((c, i) => ({ name: c.name, data: data[i] as never, statistics: c.type !== 'STRING' })),
      rowGroupSize: ROW_GROUP_ROWS,
    });
    if (result !== undefined) throw new Error('parquet: the writer went asynchronous');
    data = columns.map(() => []);
    filled = 0;
  };
  const strings = columns.map((c) => c.type === 'STRING');
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i]!;
      data[i]!.push(strings[i] && cell === '' ? null : cell);
    }
    if (++filled === ROW_GROUP_ROWS) {
      flush();
      yield take();
    }
  }
  if (filled > 0) flush();
  const finished = parquet.finish();
  if (finished !== undefined) throw new Error('parquet: the writer went asynchronous');
  yield take();
}
