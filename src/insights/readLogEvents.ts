/**
 * Streams the events of an NDJSON log file, one line at a time (the file can be far
 * larger than memory). Blank lines are skipped; any other line that is not an event
 * stops the read with an error naming the file and line number. A line ends at LF, CRLF or a
 * lone CR (readline's rule) and bytes that are not UTF-8 read as U+FFFD; observe's reader
 * (observe/textChunks.ts) keeps another contract (LF only, strict UTF-8 with the offset of the
 * first bad byte), so only the opening (common/openToRead.ts) is shared.
 */
import { createInterface } from 'node:readline';
import { ioReason } from '../common/messages.js';
import { openToRead } from '../common/openToRead.js';
import { InsightsInputError } from './inputError.js';
import { parseLogLine, type LogEvent } from './logEvent.js';
import { msg } from './messages.js';

export async function* readLogEvents(file: string): AsyncGenerator<LogEvent> {
  let handle;
  try {
    handle = await openToRead(file);
  } catch (error) {
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
