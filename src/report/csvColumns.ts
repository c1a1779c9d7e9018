/**
 * Reads the columns a report needs from a results CSV (RFC 4180, as the tool writes it)
 * into an arquero table, one line at a time, so a file far larger than the report's data
 * (patches.csv can be hundreds of MB) never sits in memory as text. Numbers are parsed
 * once (empty → NaN); repeated strings share one instance.
 *
 * Lines are cut from chunks of CHUNK_BYTES and handled in a plain loop: reading line by
 * line through `readline` cost one asynchronous step per line, which made reading a large
 * fleet's timeseries.csv (2.4 million lines) take about twice as long (issue 13).
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
  let keyPicks: Pick[] = [];
  const intern = new Map<string, string>();
  const groups = new Map<string, number>();
  let pending = '';
  let lineNumber = 0;
  for await (const batch of lineBatches(file)) for (const raw of batch) {
    lineNumber++;
    const text = pending === '' ? raw : `${pending}\n${raw}`;
    if (isOpen(text)) {
      pending = text;
      continue;
    }
    pending = '';
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
        keyPicks = picks.filter((p) => p !== sum);
      }
      continue;
    }
    if (text === '') continue;
    const fields = splitCsvRecord(text);
    if (sum !== undefined) {
      let key = '';
      for (const p of keyPicks) {
        const field = fields[p.index];
        if (field === undefined) throw new ResultsFileError(`${name}:${lineNumber}: row has ${fields.length} fields, expected at least ${p.index + 1}`);
        key += field + '\u0001';
      }
      const row = groups.get(key);
      const field = fields[sum.index];
      if (field === undefined) throw new ResultsFileError(`${name}:${lineNumber}: row has ${fields.length} fields, expected at least ${sum.index + 1}`);
      if (row !== undefined) {
        sum.values[row] = (sum.values[row] as number) + (field === '' ? Number.NaN : Number(field));
        continue;
      }
      groups.set(key, sum.values.length);
    }
    for (const p of picks) {
      const field = fields[p.index];
      if (field === undefined) throw new ResultsFileError(`${name}:${lineNumber}: row has ${fields.length} fields, expected at least ${p.index + 1}`);
      if (p.kind === 'number') p.values.push(field === '' ? Number.NaN : Number(field));
      else {
        let shared = intern.get(field);
        if (shared === undefined) {
          shared = field;
          intern.set(field, field);
        }
        p.values.push(shared);
      }
    }
  }
  if (picks === null) throw new ResultsFileError(`${name}: empty file (no header)`);
  const columns: Record<string, (number | string)[]> = {};
  for (const p of picks) columns[p.column] = p.values;
  return aq.table(columns);
}
