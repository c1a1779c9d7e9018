/** Reading results CSVs: RFC 4180 quoting (the writers quote labels with commas, quotes or newlines), missing files and columns. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvColumns, ResultsFileError, splitCsvRecord } from '../../src/report/csvColumns.js';
import { csvLine } from '../../src/output/csv.js';
import { tempDir } from './runResults.js';

describe('splitCsvRecord', () => {
  it('splits plain and quoted fields, and reads the writers\' own quoting back', () => {
    expect(splitCsvRecord('a,b,,c')).toEqual(['a', 'b', '', 'c']);
    expect(splitCsvRecord('"a,b","say ""hi""",c')).toEqual(['a,b', 'say "hi"', 'c']);
    const values = ['x"><script>', 'a,b', 'two\nlines', '', 'plain'];
    expect(splitCsvRecord(csvLine(values).replace(/\n$/, ''))).toEqual(values);
  });
});

describe('readCsvColumns', () => {
  const dir = tempDir();
  const file = join(dir, 't.csv');
  writeFileSync(file, `replication,label,value,extra\n0,plain,1.5,z\n1,"a ""quoted"", label",,z\n2,"two\nlines",3,z\n`);

  it('reads the requested columns with their types; empty numbers are NaN', async () => {
    const t = (await readCsvColumns(file, { replication: 'number', label: 'string', value: 'number' }))!;
    expect(t.columnNames()).toEqual(['replication', 'label', 'value']);
    expect(t.array('label')).toEqual(['plain', 'a "quoted", label', 'two\nlines']);
    expect(Array.from(t.array('value') as number[])).toEqual([1.5, Number.NaN, 3]);
  });

  it('returns null for a missing file, leaves out a missing optional column and refuses a missing required one', async () => {
    expect(await readCsvColumns(join(dir, 'none.csv'), { a: 'number' })).toBeNull();
    const t = (await readCsvColumns(file, { point: { kind: 'number', optional: true }, replication: 'number' }))!;
    expect(t.columnNames()).toEqual(['replication']);
    await expect(readCsvColumns(file, { wave: 'number' })).rejects.toThrow(ResultsFileError);
    await expect(readCsvColumns(file, { wave: 'number' })).rejects.toThrow(/no column `wave`/);
  });

  it('reads a file of several chunks with CRLF line breaks and quoted line breaks anywhere, every row once', async () => {
    // 2.6 MB: lines are cut from 1 MiB chunks, so chunk boundaries fall inside records.
    const n = 40_000;
    const q = '"';
    const rows = Array.from({ length: n }, (_, i) => `${i},${q}label ${i % 7},\r\nsecond line ${q}${q}${i}${q}${q}${q},${i / 4}\r\n`);
    const big = join(dir, 'big.csv');
    writeFileSync(big, `replication,label,value\r\n${rows.join('')}`);
    const t = (await readCsvColumns(big, { replication: 'number', label: 'string', value: 'number' }))!;
    expect(t.numRows()).toBe(n);
    const labels = t.array('label') as string[];
    const values = t.array('value') as number[];
    for (const i of [0, 1, 9_999, 20_000, 31_337, n - 1]) {
      expect(labels[i]).toBe(`label ${i % 7},\nsecond line "${i}"`);
      expect(values[i]).toBe(i / 4);
    }
    expect(Array.from(t.array('replication') as number[]).every((r, i) => r === i)).toBe(true);
  });
});
