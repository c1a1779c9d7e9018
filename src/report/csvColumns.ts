/**
 * Reads the columns a report needs from a results CSV (RFC 4180, as the tool writes it)
 * into an arquero table, one line at a time, so a file far larger than the report's data
 * (patches.csv can be hundreds of MB) never sits in memory as text. Numbers are parsed
 * once (empty → NaN); repeated strings share one instance.
 *
 * Lines are cut from chunks of CHUNK_BYTES and handled in a plain loop: reading line by
 * line through `readline` cost one asynchronous step per line, which made reading a large
 * fleet's timeseries.csv (2.4 million lines) take about twice as long (issue 13).
 *
 * Summing while reading (`sumBy`), a line without quotes is not split into fields: its
 * commas are found in place, the key is cut from the line as a few slices (one per run of
 * adjacent key columns) and only a new group's fields become strings (see `groupKey`).
 */
import { createReadStream, existsSync } from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { UserError } from '../common/userError.js';

export type ColumnKind = 'number' | 'string';

export interface ColumnRequest {
  readonly kind: ColumnKind;
  /** A column absent from the file is left out of the table instead of refused. */
  readonly optional?: boolean;
}

export type ColumnSpec = Readonly<Record<string, ColumnKind | ColumnRequest>>;

/** A results file that cannot be read as the report expects (the CLI shows the message). */
export class ResultsFileError extends UserError {}

/** Splits one CSV record into fields; `text` may span several physical lines (quoted newlines). */
export function splitCsvRecord(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** True while a record's quotes are unbalanced, i.e. it continues on the next line. */
function isOpen(text: string): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 1;
}

const CHUNK_BYTES = 1 << 20;

/** The file's lines, a chunk's worth at a time, without their line breaks (LF or CRLF). */
async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
    yield lines;
  }
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

/**
 * Where each field of a quote-free line starts and ends (`bounds[2k]`, `bounds[2k + 1]`), for
 * fields 0…`upTo` at most. Returns the number of fields found.
 */
function fieldBounds(text: string, upTo: number, bounds: Int32Array): number {
  let start = 0;
  for (let k = 0; ; k++) {
    const comma = text.indexOf(',', start);
    bounds[2 * k] = start;
    bounds[2 * k + 1] = comma === -1 ? text.length : comma;
    if (comma === -1 || k === upTo) return k + 1;
    start = comma + 1;
  }
}

/** Adjacent key columns, [first, last] field index: one slice of the line each. */
type KeyRun = readonly [number, number];

function keyRuns(indices: readonly number[]): KeyRun[] {
  const sorted = [...indices].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

/**
 * A group's key, the same for the same key values however the line was written: a run's
 * fields joined by commas as they stand in a quote-free line, runs joined by U+0001. A quoted
 * line whose key values hold a comma, U+0001 or U+0002 gets a key of its own form (U+0002 and
 * the values as JSON), which no other line's key can equal; lines holding U+0001 or U+0002
 * are always read as quoted ones, so the two forms never meet.
 */
function groupKey(fields: readonly string[], runs: readonly KeyRun[]): string {
  const values: string[] = [];
  for (const [first, last] of runs) for (let i = first; i <= last; i++) values.push(fields[i]!);
  if (values.some((v) => v.includes(',') || v.includes('\u0001') || v.includes('\u0002'))) return `\u0002${JSON.stringify(values)}`;
  let key = '';
  let v = 0;
  for (let r = 0; r < runs.length; r++) {
    if (r > 0) key += '\u0001';
    for (let i = runs[r]![0]; i <= runs[r]![1]; i++) key += (i > runs[r]![0] ? ',' : '') + values[v++]!;
  }
  return key;
}

function request(value: ColumnKind | ColumnRequest): ColumnRequest {
  return typeof value === 'string' ? { kind: value } : value;
}

export interface ReadOptions {
  /**
   * Sum this (number) column over rows equal in every other requested column while reading:
   * the table then holds one row per distinct key, in first-seen order, so memory follows
   * the number of groups, not the file's length (timeseries.csv of a large fleet).
   */
  readonly sumBy?: string;
}

/**
 * The requested columns of `file` as a table, or null when the file does not exist.
 * Throws `ResultsFileError` when a required column is missing or a row is short.
 */
export async function readCsvColumns(file: string, spec: ColumnSpec, name = file, options: ReadOptions = {}): Promise<ColumnTable | null> {
  if (!existsSync(file)) return null;
  const wanted = Object.entries(spec).map(([column, value]) => ({ column, ...request(value) }));
  type Pick = { column: string; kind: ColumnKind; index: number; values: (number | string)[] };
  let picks: Pick[] | null = null;
  // With sumBy: the summed column, and the others, whose fields make a row's key.
  let sum: Pick | undefined;
  let runs: KeyRun[] = [];
  let lastIndex = 0; // the highest field index any pick reads
  let bounds = new Int32Array(0); // fieldBounds' answer, reused for every line
  const intern = new Map<string, string>();
  const groups = new Map<string, number>();
  const shared = (field: string): string => {
    let value = intern.get(field);
    if (value === undefined) {
      value = field;
      intern.set(field, field);
    }
    return value;
  };
  const short = (fieldCount: number, index: number): ResultsFileError =>
    new ResultsFileError(`${name}:${lineNumber}: row has ${fieldCount} fields, expected at least ${index + 1}`);
  let pending = '';
  let lineNumber = 0;
  for await (const batch of lineBatches(file)) for (const raw of batch) {
    lineNumber++;
    const text = pending === '' ? raw : `${pending}\n${raw}`;
    const quoted = text.includes('"');
    if (quoted && isOpen(text)) {
      pending = text;
      continue;
    }
    pending = '';
    if (picks !== null && sum !== undefined && text !== '' && !quoted && !text.includes('\u0001') && !text.includes('\u0002')) {
      // The quote-free line, summed: no split (see the file's comment).
      const found = fieldBounds(text, lastIndex, bounds);
      if (found <= lastIndex) throw short(found, picks.find((p) => p.index >= found)!.index);
      let key = '';
      for (let r = 0; r < runs.length; r++) {
        if (r > 0) key += '\u0001';
        key += text.slice(bounds[2 * runs[r]![0]]!, bounds[2 * runs[r]![1] + 1]!);
      }
      const field = text.slice(bounds[2 * sum.index]!, bounds[2 * sum.index + 1]!);
      const value = field === '' ? Number.NaN : Number(field);
      const row = groups.get(key);
      if (row !== undefined) {
        sum.values[row] = (sum.values[row] as number) + value;
        continue;
      }
      groups.set(key, sum.values.length);
      for (const p of picks) {
        const f = text.slice(bounds[2 * p.index]!, bounds[2 * p.index + 1]!);
        p.values.push(p.kind === 'number' ? (f === '' ? Number.NaN : Number(f)) : shared(f));
      }
      continue;
    }
    if (picks === null) {
      const header = splitCsvRecord(text.replace(/^\uFEFF/, ''));
      picks = [];
      for (const w of wanted) {
        const index = header.indexOf(w.column);
        if (index === -1) {
          if (w.optional === true) continue;
          throw new ResultsFileError(`${name}: no column \`${w.column}\` (columns: ${header.join(', ')})`);
        }
        picks.push({ column: w.column, kind: w.kind, index, values: [] });
      }
      if (options.sumBy !== undefined) {
        sum = picks.find((p) => p.column === options.sumBy);
        if (sum === undefined || sum.kind !== 'number') throw new Error(`readCsvColumns: sumBy ${options.sumBy} is not a requested number column`);
        runs = keyRuns(picks.filter((p) => p !== sum).map((p) => p.index));
        lastIndex = Math.max(...picks.map((p) => p.index));
        bounds = new Int32Array(2 * (lastIndex + 1));
      }
      continue;
    }
    if (text === '') continue;
    const fields = splitCsvRecord(text);
    for (const p of picks) if (fields[p.index] === undefined) throw short(fields.length, p.index);
    if (sum !== undefined) {
      const key = groupKey(fields, runs);
      const row = groups.get(key);
      const field = fields[sum.index]!;
      if (row !== undefined) {
        sum.values[row] = (sum.values[row] as number) + (field === '' ? Number.NaN : Number(field));
        continue;
      }
      groups.set(key, sum.values.length);
    }
    for (const p of picks) {
      const field = fields[p.index]!;
      p.values.push(p.kind === 'number' ? (field === '' ? Number.NaN : Number(field)) : shared(field));
    }
  }
  if (picks === null) throw new ResultsFileError(`${name}: empty file (no header)`);
  const columns: Record<string, (number | string)[]> = {};
  for (const p of picks) columns[p.column] = p.values;
  return aq.table(columns);
}
