/**
 * Hand-written log fixtures in the four exported forms (../shared/aws-shapes.md):
 *   - FilterLogEvents response pages: `{events: [{logStreamName, timestamp, message, ingestionTime, eventId}], searchedLogStreams, nextToken}`;
 *   - NDJSON of FilterLogEvents events with `logGroupName` (what `run` writes);
 *   - GetQueryResults (Logs Insights): `{results: [[{field, value}, …]], statistics, status}`;
 *   - the Logs Insights console CSV export, one column per field: `@timestamp,@message,@logStream,@log`.
 * INIT_START lines as R15 gives them (TAB before `Runtime Version ARN`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ARN_V14 = 'arn:aws:lambda:eu-west-1::runtime:' + 'a'.repeat(64);
export const ARN_V15 = 'arn:aws:lambda:eu-west-1::runtime:' + 'b'.repeat(64);
export const HEX = '0123456789abcdef0123456789abcdef';

export interface FixtureEvent {
  readonly timestamp: number;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly message: string;
}

export const initStart = (label: string, arn: string): string => `INIT_START Runtime Version: ${label}\tRuntime Version ARN: ${arn}`;

/** Two function versions ($LATEST and published version 7) of one function, a move, other lines, one malformed INIT_START. */
export const EVENTS: readonly FixtureEvent[] = [
  { timestamp: Date.UTC(2026, 2, 20, 12, 0, 0, 5), logGroupName: '/aws/lambda/checkout', logStreamName: `2026/03/20/[$LATEST]${HEX}`, message: initStart('python:3.12.v14', ARN_V14) },
  { timestamp: Date.UTC(2026, 2, 20, 12, 0, 1), logGroupName: '/aws/lambda/checkout', logStreamName: `2026/03/20/[$LATEST]${HEX}`, message: 'START RequestId: 1 Version: $LATEST\n' },
  { timestamp: Date.UTC(2026, 2, 21, 9, 30), logGroupName: '/aws/lambda/checkout', logStreamName: `2026/03/21/[7]${HEX}`, message: initStart('python:3.12.v14', ARN_V14) },
  { timestamp: Date.UTC(2026, 2, 22, 8, 0), logGroupName: '/aws/lambda/checkout', logStreamName: `2026/03/22/[$LATEST]${HEX}`, message: `${initStart('python:3.12.v15', ARN_V15)}\n` },
  { timestamp: Date.UTC(2026, 2, 22, 9, 0), logGroupName: '/aws/lambda/checkout', logStreamName: `2026/03/22/[$LATEST]${HEX}`, message: 'INIT_START Runtime Version: python:3.12.v15' },
];

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'lrs-observe-'));

export function write(dir: string, name: string, text: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export function ndjson(events: readonly FixtureEvent[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

/** FilterLogEvents pages (no log group in the events), pretty-printed as the AWS CLI prints, pages one after another. */
export function filterPages(events: readonly FixtureEvent[], perPage: number): string {
  const pages: string[] = [];
  for (let i = 0; i < events.length; i += perPage) {
    const page = events.slice(i, i + perPage).map((e, k) => ({ logStreamName: e.logStreamName, timestamp: e.timestamp, message: e.message, ingestionTime: e.timestamp + 250, eventId: `3${i + k}`.padEnd(56, '0') }));
    pages.push(JSON.stringify({ events: page, searchedLogStreams: [], ...(i + perPage < events.length ? { nextToken: `token-${i}` } : {}) }, null, 4));
  }
  return pages.join('\n');
}

/** `2026-03-20 12:34:56.789`, as Logs Insights prints @timestamp (UTC). */
export const insightsTime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

export function insightsJson(events: readonly FixtureEvent[]): string {
  return JSON.stringify({
    results: events.map((e) => [
      { field: '@timestamp', value: insightsTime(e.timestamp) },
      { field: '@message', value: e.message },
      { field: '@logStream', value: e.logStreamName },
      { field: '@log', value: `123456789012:${e.logGroupName}` },
      { field: '@ptr', value: 'CmAKJwoj' },
    ]),
    statistics: { recordsMatched: events.length, recordsScanned: events.length, bytesScanned: 1000 },
    status: 'Complete',
  });
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export function insightsCsv(events: readonly FixtureEvent[]): string {
  const lines = ['@timestamp,@message,@logStream,@log'];
  for (const e of events) lines.push([insightsTime(e.timestamp), e.message, e.logStreamName, `123456789012:${e.logGroupName}`].map(quote).join(','));
  return lines.join('\r\n') + '\r\n';
}
