/** Parquet twins of the row tables, read back with hyparquet as pandas, polars or DuckDB would. */
import { describe, expect, it } from 'vitest';
import { parquetReadObjects, parquetMetadata } from 'hyparquet';
import { parquetChunks, ROW_GROUP_ROWS } from '../../src/output/parquet.js';
import type { Cell } from '../../src/output/table.js';

const COLUMNS = [
  { name: 'replication', type: 'INT32' as const },
  { name: 'time_days', type: 'DOUBLE' as const },
  { name: 'region', type: 'STRING' as const },
  { name: 'update_mode', type: 'STRING' as const },
];

function bytesOf(rows: Iterable<readonly Cell[]>): ArrayBuffer {
  const chunks = [...parquetChunks(COLUMNS, rows, 'lambda-rollout-sim test')];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out.buffer;
}

describe('parquetChunks', () => {
  it('writes typed columns; empty strings and nulls read back as null', async () => {
    const file = bytesOf([[0, 1.5, 'us-east-1', 'Auto'], [1, 1 / 3, 'eu-west-1', ''], [2, null, 'eu-west-1', null]]);
    const rows = await parquetReadObjects({ file });
    expect(rows).toEqual([
      { replication: 0, time_days: 1.5, region: 'us-east-1', update_mode: 'Auto' },
      { replication: 1, time_days: 1 / 3, region: 'eu-west-1', update_mode: null },
      { replication: 2, time_days: null, region: 'eu-west-1', update_mode: null },
    ]);
  });

  it('streams row groups of a fixed size, and the same rows give the same bytes', async () => {
    const n = ROW_GROUP_ROWS + 5;
    const rows = function* (): Generator<Cell[]> { for (let i = 0; i < n; i++) yield [i % 7, i / 10, i % 2 ? 'a' : 'b', null]; };
    const file = bytesOf(rows());
    const meta = parquetMetadata(file);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([ROW_GROUP_ROWS, 5]);
    const back = await parquetReadObjects({ file, rowStart: n - 2 });
    expect(back).toEqual([{ replication: (n - 2) % 7, time_days: (n - 2) / 10, region: (n - 2) % 2 ? 'a' : 'b', update_mode: null }, { replication: (n - 1) % 7, time_days: (n - 1) / 10, region: (n - 1) % 2 ? 'a' : 'b', update_mode: null }]);
    expect(Buffer.from(bytesOf(rows())).equals(Buffer.from(file))).toBe(true);
  });

  it('an empty table is a valid file with the columns and no rows', async () => {
    const file = bytesOf([]);
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(parquetMetadata(file).schema.map((s) => s.name)).toEqual(['root', 'replication', 'time_days', 'region', 'update_mode']);
  });
});
