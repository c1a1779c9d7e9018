/**
 * Streams the records of a CSV text (RFC 4180: comma separated, fields quoted with `"` when
 * they hold a comma, a quote or a line break, `""` for a quote inside), the form of the
 * CloudWatch Logs Insights console's CSV export. A record spans lines when a quoted field holds
 * a line break. Memory is bounded by the longest record. Blank lines are skipped.
 */
import { problemAt } from './observeError.js';

export interface CsvRecord {
  readonly fields: readonly string[];
  /** Line where the record starts, from 1. */
  readonly line: number;
}

/** Records in batches, one batch per chunk read (one await per chunk, not per record). */
export async function* csvRecords(file: string, chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord[]> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  // A quote closed the field (or, at a chunk's end, may be the first of a `""` pair).
  let closed = false;
  let started = false;
  let line = 1;
  let recordLine = 1;
  for await (const chunk of chunks) {
    const batch: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (quoted) {
        const q = chunk.indexOf('"', i);
        const end = q === -1 ? n : q;
        for (let k = chunk.indexOf('\n', i); k !== -1 && k < end; k = chunk.indexOf('\n', k + 1)) line++;
        field += chunk.slice(i, end);
        if (q === -1) break;
        quoted = false;
        closed = true;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (closed && c === 34) {
        // `""` inside a quoted field: one quote, still quoted.
        field += '"';
        quoted = true;
        closed = false;
        i++;
        continue;
      }
      if (c === 44) {
        fields.push(field);
        field = '';
        closed = false;
        started = true;
        i++;
      } else if (c === 10 || c === 13) {
        if (c === 10) {
          if (started || field !== '' || closed) {
            fields.push(field);
            batch.push({ fields, line: recordLine });
          }
          fields = [];
          field = '';
          closed = false;
          started = false;
          line++;
          recordLine = line;
        }
        i++;
      } else if (c === 34 && field === '' && !closed) {
        quoted = true;
        started = true;
        i++;
      } else {
        if (closed) throw problemAt(file, line, 'a character after a closing quote in the CSV; quote the whole field');
        let j = i + 1;
        while (j < n) {
          const d = chunk.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13 || d === 34) break;
          j++;
        }
        field += chunk.slice(i, j);
        started = true;
        i = j;
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (quoted) throw problemAt(file, recordLine, 'a quoted CSV field is never closed: the file is cut short; export it again');
  if (started || field !== '' || closed) {
    fields.push(field);
    yield [{ fields, line: recordLine }];
  }
}
