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

  describe('summing while reading (sumBy)', () => {
    // Rows as a writer would make them: `region` is summed away, `functions` summed. Key
    // columns are not adjacent (region between them, functions after one), labels sometimes
    // hold a comma or a quote and are then quoted, and some plain labels are quoted anyway.
    const header = 'replication,time_days,region,label,mode,functions,stale';
    const labels = ['python:3.12.v1', 'a,b', 'a', 'b', 'say "hi"', 'x\u0001y', ''];
    const rows: string[][] = [];
    for (let i = 0; i < 3_000; i++) {
      rows.push([String(i % 2), String(Math.floor(i / 300)), `r${i % 5}`, labels[i % labels.length]!, i % 3 === 0 ? 'Auto' : 'Manual', String(i % 11), String(i % 2)]);
    }
    const text = (quoteAll: (i: number) => boolean): string => header + '\n' + rows.map((r, i) => (quoteAll(i)
      ? r.map((v) => `"${v.replaceAll('"', '""')}"`).join(',') + '\n'
      : csvLine(r))).join('');
    const spec = { replication: 'number', time_days: 'number', label: 'string', mode: 'string', functions: 'number', stale: 'number' } as const;

    /** The expected table, grouped here from the rows themselves: one row per key, in first-seen order. */
    function expected(): Record<string, (string | number)[]> {
      const at = new Map<string, number>();
      const out: Record<string, (string | number)[]> = { replication: [], time_days: [], label: [], mode: [], functions: [], stale: [] };
      for (const r of rows) {
        const key = JSON.stringify([r[0], r[1], r[3], r[4], r[6]]);
        const i = at.get(key);
        if (i !== undefined) {
          out.functions![i] = (out.functions![i] as number) + Number(r[5]);
          continue;
        }
        at.set(key, out.functions!.length);
        out.replication!.push(Number(r[0]));
        out.time_days!.push(Number(r[1]));
        out.label!.push(r[3]!);
        out.mode!.push(r[4]!);
        out.functions!.push(Number(r[5]));
        out.stale!.push(Number(r[6]));
      }
      return out;
    }

    for (const [what, quoteAll] of [
      ['quoted only where needed', () => false],
      ['every third line quoted throughout', (i: number) => i % 3 === 1],
    ] as const) {
      it(`gives one row per distinct key with the sums, ${what}`, async () => {
        const f = join(dir, `sum-${what.length}.csv`);
        writeFileSync(f, text(quoteAll));
        const t = (await readCsvColumns(f, spec, undefined, { sumBy: 'functions' }))!;
        const want = expected();
        expect(t.numRows()).toBe(want.functions!.length);
        for (const column of Object.keys(spec)) expect(Array.from(t.array(column) as unknown[]), column).toEqual(want[column]);
      });
    }

    it('refuses a short row with its line number, whichever way the line is read', async () => {
      for (const line of ['0,1,r0,plain,Auto', '"0","1","r0","plain","Auto"']) {
        const f = join(dir, 'short.csv');
        writeFileSync(f, `${header}\n0,0,r0,plain,Auto,3,0\n${line}\n`);
        await expect(readCsvColumns(f, spec, 'short.csv', { sumBy: 'functions' })).rejects.toThrow('short.csv:3: row has 5 fields, expected at least 6');
      }
    });
  });
});
