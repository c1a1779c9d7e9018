/**
 * Streams the events of an NDJSON log file, one line at a time (the file can be far
 * larger than memory). Blank lines are skipped; any other line that is not an event
 * stops the read with an error naming the file and line number.
 */
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ioReason } from '../common/messages.js';
import { InsightsInputError } from './inputError.js';
import { parseLogLine, type LogEvent } from './logEvent.js';
import { msg } from './messages.js';

export async function* readLogEvents(file: string): AsyncGenerator<LogEvent> {
  let handle;
  try {
    handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
  } catch (error) {
    await handle?.close();
    throw new InsightsInputError([`${file}: ${msg.cannotReadLogs(ioReason(error))}`]);
  }
  const lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const parsed = parseLogLine(line);
      if (!parsed.ok) throw new InsightsInputError([`${file}:${lineNumber}: ${parsed.reason}`]);
      yield parsed.event;
    }
  } catch (error) {
    if (error instanceof InsightsInputError) throw error;
    throw new InsightsInputError([`${file}:${lineNumber + 1}: ${msg.cannotReadLogs(ioReason(error))}`]);
  } finally {
    lines.close();
    await handle.close();
  }
}
