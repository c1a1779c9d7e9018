/**
 * Reads one exported log file, whatever its form, recognised by content:
 *   - `aws logs filter-log-events` output, `{"events": [{logStreamName, timestamp, message, …}], "nextToken": …}`
 *     (one log group per file: `--log-group`, else from the file name), pages one after the other allowed;
 *   - NDJSON, one FilterLogEvents event with `logGroupName` per line (what `run` writes);
 *   - Logs Insights `get-query-results` JSON, `{"results": [[{"field", "value"}, …], …]}`;
 *   - the Logs Insights console's CSV export, headed `@timestamp,@message,@logStream,@log` (any order).
 * Yields every INIT_START line as an Init or as a malformed line (file:line and why); other lines
 * are skipped. Everything is streamed (see textChunks, jsonElements, csvRecords).
 */
import { csvRecords } from './csvRecords.js';
import { parseInit, parseInsightsTime, logGroupOfFileName, type Init } from './initStartLine.js';
import { jsonElements, type JsonElement } from './jsonElements.js';
import { ObserveInputError, problemAt } from './observeError.js';
import { textChunks, textLines } from './textChunks.js';

export type LogForm = 'filter-log-events' | 'ndjson' | 'insights-json' | 'insights-csv';

export type LogItem =
  | { readonly kind: 'init'; readonly init: Init }
  | { readonly kind: 'malformed'; readonly where: string; readonly reason: string }
  | { readonly kind: 'skipped' };

export interface ReadOptions {
  /** Log group of filter-log-events files (default: from the file name). */
  readonly logGroup?: string | undefined;
  readonly chunkBytes?: number;
}

const SKIPPED: LogItem = { kind: 'skipped' };

const UNKNOWN_SHAPE =
  'not a log export this tool reads: expected filter-log-events JSON ({"events": […]}), NDJSON events with logGroupName, ' +
  'Logs Insights get-query-results JSON ({"results": […]}) or a Logs Insights CSV export (@timestamp,@message,@logStream,@log)';

/** Which form a file has, from its first line (at most 1 MiB is read); an empty file or an unknown shape is refused with its position. */
export async function detectForm(file: string): Promise<LogForm> {
  let head = '';
  for await (const chunk of textChunks(file, 1 << 16)) {
    head += chunk;
    if (head.trimStart().includes('\n') || head.length > 1 << 20) break;
  }
  const trimmed = head.trimStart();
  if (trimmed === '') throw problemAt(file, 1, 'the file is empty: no log events to read');
  const firstLine = trimmed.split('\n', 1)[0]!.trim();
  const line = head.slice(0, head.length - trimmed.length).split('\n').length;
  if (trimmed.startsWith('[')) return 'filter-log-events';
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(firstLine);
    } catch {
      return head.includes('"results"') && !head.includes('"events"') ? 'insights-json' : 'filter-log-events';
    }
    if (typeof value === 'object' && value !== null) {
      if ('results' in value) return 'insights-json';
      if ('events' in value) return 'filter-log-events';
      if ('message' in value) return 'ndjson';
    }
    throw problemAt(file, line, UNKNOWN_SHAPE);
  }
  if (firstLine.includes('@message')) return 'insights-csv';
  throw problemAt(file, line, UNKNOWN_SHAPE);
}

/** The file's items in batches (one per chunk read): what readObservation consumes. */
export async function* readLogBatches(file: string, options: ReadOptions = {}): AsyncGenerator<LogItem[]> {
  const form = await detectForm(file);
  const chunks = textChunks(file, options.chunkBytes);
  if (form === 'ndjson') yield* ndjson(file, chunks, options.logGroup ?? logGroupOfFileName(file));
  else if (form === 'insights-csv') yield* insightsCsv(file, chunks);
  else yield* jsonDocument(file, chunks, options.logGroup ?? logGroupOfFileName(file));
}

/** The file's items one by one. */
export async function* readLogFile(file: string, options: ReadOptions = {}): AsyncGenerator<LogItem> {
  for await (const batch of readLogBatches(file, options)) yield* batch;
}

function item(file: string, line: number, timestampMs: number, logGroup: string, logStream: string, message: string): LogItem {
  const parsed = parseInit(timestampMs, logGroup, logStream, message);
  if (parsed === null) return { kind: 'skipped' };
  return parsed.ok ? { kind: 'init', init: parsed.init } : { kind: 'malformed', where: `${file}:${line}`, reason: parsed.reason };
}

/** NDJSON events; an event without `logGroupName` takes `--log-group` or the file name's. */
async function* ndjson(file: string, chunks: AsyncIterable<string>, logGroup: string): AsyncGenerator<LogItem[]> {
  for await (const { firstLine, lines } of textLines(chunks)) {
    const batch: LogItem[] = [];
    for (let k = 0; k < lines.length; k++) {
      const text = lines[k]!;
      // Only INIT_START lines are parsed: the rest of a log is skipped at the cost of one search.
      if (!text.includes('INIT_START')) {
        if (text.trim() !== '') batch.push(SKIPPED);
        continue;
      }
      let e: Record<string, unknown>;
      try {
        e = JSON.parse(text) as Record<string, unknown>;
      } catch {
        batch.push({ kind: 'malformed', where: `${file}:${firstLine + k}`, reason: 'an INIT_START line that is not one JSON event' });
        continue;
      }
      batch.push(event(file, firstLine + k, e, logGroup));
    }
    yield batch;
  }
}

function event(file: string, line: number, e: Record<string, unknown> | null, logGroup: string | undefined): LogItem {
  if (typeof e !== 'object' || e === null || typeof e.message !== 'string') return { kind: 'malformed', where: `${file}:${line}`, reason: 'an event without a `message` string' };
  const group = typeof e.logGroupName === 'string' ? e.logGroupName : logGroup;
  if (group === undefined) return { kind: 'malformed', where: `${file}:${line}`, reason: 'an event without `logGroupName`' };
  const timestamp = typeof e.timestamp === 'number' ? e.timestamp : Number.NaN;
  return item(file, line, timestamp, group, typeof e.logStreamName === 'string' ? e.logStreamName : '', e.message);
}

async function* jsonDocument(file: string, chunks: AsyncIterable<string>, logGroup: string): AsyncGenerator<LogItem[]> {
  for await (const elements of jsonElements(file, chunks)) yield elements.map((el) => jsonItem(file, el, logGroup));
}

function jsonItem(file: string, el: JsonElement, logGroup: string): LogItem {
  if (!el.text.includes('INIT_START')) return SKIPPED;
  let value: unknown;
  try {
    value = JSON.parse(el.text);
  } catch (error) {
    throw problemAt(file, el.line, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (el.key !== 'results') return event(file, el.line, value as Record<string, unknown>, logGroup);
  if (!Array.isArray(value)) throw problemAt(file, el.line, 'a Logs Insights result row must be a list of {"field", "value"}');
  const row = new Map<string, string>();
  for (const cell of value as { field?: unknown; value?: unknown }[]) {
    if (typeof cell?.field === 'string' && typeof cell.value === 'string') row.set(cell.field, cell.value);
  }
  return insightsRow(file, el.line, (name) => row.get(name));
}

function insightsRow(file: string, line: number, field: (name: string) => string | undefined): LogItem {
  const message = field('@message') ?? '';
  if (!message.startsWith('INIT_START')) return { kind: 'skipped' };
  const log = field('@log');
  if (log === undefined) return { kind: 'malformed', where: `${file}:${line}`, reason: 'no @log field: add `@log` to the query (`fields @timestamp, @message, @logStream, @log`)' };
  return item(file, line, parseInsightsTime(field('@timestamp') ?? ''), log, field('@logStream') ?? '', message);
}

async function* insightsCsv(file: string, chunks: AsyncIterable<string>): AsyncGenerator<LogItem[]> {
  let columns: Map<string, number> | null = null;
  for await (const records of csvRecords(file, chunks)) {
    const batch: LogItem[] = [];
    for (const record of records) {
      if (columns === null) {
        columns = new Map(record.fields.map((name, i) => [name.trim(), i]));
        const missing = ['@timestamp', '@message', '@logStream', '@log'].filter((c) => !columns!.has(c));
        if (missing.length > 0) throw problemAt(file, record.line, `the CSV has no ${missing.join(', ')} column; export the query \`fields @timestamp, @message, @logStream, @log\``);
        continue;
      }
      const cols = columns;
      batch.push(insightsRow(file, record.line, (name) => record.fields[cols.get(name)!]));
    }
    yield batch;
  }
  if (columns === null) throw new ObserveInputError([`${file}:1: the file is empty: no log events to read`]);
}
