/** NDJSON reading: events, blank lines, and errors that name the file and line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InsightsInputError } from '../../src/insights/inputError.js';
import { parseLogLine } from '../../src/insights/logEvent.js';
import { readLogEvents } from '../../src/insights/readLogEvents.js';
import { eventLine, tempDir, writeTemp } from './fixtures.js';

async function readAll(file: string) {
  const events = [];
  for await (const e of readLogEvents(file)) events.push(e);
  return events;
}

async function problemOf(file: string): Promise<string> {
  try {
    await readAll(file);
  } catch (error) {
    if (error instanceof InsightsInputError) return error.problems.join('\n');
    throw error;
  }
  throw new Error('expected an error');
}

describe('log lines', () => {
  it('keeps timestamp, log group and message; ignores other fields', () => {
    const parsed = parseLogLine(eventLine({ timestamp: 5, message: 'hi\n' }));
    expect(parsed).toEqual({ ok: true, event: { timestampMs: 5, logGroupName: '/aws/lambda/checkout', message: 'hi\n' } });
  });

  it('refuses lines that are not events', () => {
    expect(parseLogLine('{"timestamp": 1.5, "logGroupName": "g", "message": "m"}')).toMatchObject({ ok: false, reason: expect.stringContaining('"timestamp"') });
    expect(parseLogLine('{"timestamp": 1, "message": "m"}')).toMatchObject({ ok: false, reason: expect.stringContaining('"logGroupName"') });
    expect(parseLogLine('{"timestamp": 1, "logGroupName": "g", "message": {}}')).toMatchObject({ ok: false, reason: expect.stringContaining('"message"') });
    expect(parseLogLine('[1]')).toMatchObject({ ok: false });
    expect(parseLogLine('{"timestamp": 1,')).toMatchObject({ ok: false, reason: expect.stringContaining('not a JSON object') });
  });
});

describe('readLogEvents', () => {
  it('streams every event, skipping blank lines, with CRLF line ends', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'a.ndjson', [eventLine({ timestamp: 1, message: 'a' }), '', eventLine({ timestamp: 2, message: 'b' })].join('\r\n') + '\r\n');
    expect((await readAll(file)).map((e) => e.message)).toEqual(['a', 'b']);
  });

  it('ends a line at a lone CR too, and reads bytes that are not UTF-8 as U+FFFD (unlike observe, which refuses them)', async () => {
    const dir = tempDir();
    const file = join(dir, 'cr.ndjson');
    const latin1 = Buffer.from(eventLine({ timestamp: 3, message: 'caf\u00e9' }), 'latin1');
    writeFileSync(file, Buffer.concat([Buffer.from(`${eventLine({ timestamp: 1, message: 'a' })}\r${eventLine({ timestamp: 2, message: 'b' })}\n`), latin1]));
    expect((await readAll(file)).map((e) => e.message)).toEqual(['a', 'b', 'caf\ufffd']);
  });

  it('stops at a bad line, naming the file and the line number', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.ndjson', [eventLine({ timestamp: 1, message: 'a' }), '', 'INIT_START Runtime Version: python:3.12.v15'].join('\n'));
    expect(await problemOf(file)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: not a JSON object`));
  });

  it('reports a missing file as a user error', async () => {
    expect(await problemOf(`${tempDir()}/missing.ndjson`)).toContain('cannot read the log file: no such file or folder');
  });
});
