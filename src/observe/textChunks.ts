/**
 * A file as UTF-8 text, in chunks of bounded size (so a multi-gigabyte log is read in bounded
 * memory). Decoding is strict: the first byte that is not UTF-8 stops the read with the file,
 * the line and the byte offset. A leading byte-order mark is dropped. Empty files (no bytes, or
 * only white space) are refused by the callers, which know what they expected.
 */
import { ioReason } from '../common/messages.js';
import { openToRead } from '../common/openToRead.js';
import { ObserveInputError, problemAt } from './observeError.js';

export const CHUNK_BYTES = 1 << 20;

export async function* textChunks(file: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<string> {
  let handle;
  try {
    handle = await openToRead(file);
  } catch (error) {
    throw new ObserveInputError([`${file}: cannot read it: ${ioReason(error)}`]);
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const buffer = Buffer.alloc(chunkBytes);
  let offset = 0;
  let lines = 1;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) break;
      const bytes = buffer.subarray(0, bytesRead);
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        const bad = firstInvalidByte(bytes);
        const before = bytes.subarray(0, Math.max(0, bad));
        throw problemAt(file, lines + countNewlines(before), `byte ${offset + Math.max(0, bad)} is not UTF-8 text; export the logs as UTF-8 (the AWS CLI and the console both do)`);
      }
      lines += countNewlines(bytes);
      offset += bytesRead;
      if (text !== '') yield text;
    }
    try {
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    } catch {
      throw problemAt(file, lines, `byte ${offset} ends in the middle of a UTF-8 character (the file is cut short or not UTF-8)`);
    }
  } finally {
    await handle.close();
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Index of the first byte that starts an invalid UTF-8 sequence (-1 when all are valid; a sequence cut at the end counts as valid). */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Lines of a text stream (without their `\n` or `\r\n`), a batch per chunk (one await per chunk, not per line); `firstLine` numbers the batch's first line from 1. */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<{ readonly firstLine: number; readonly lines: string[] }> {
  let rest = '';
  let line = 1;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(text.slice(start, end));
      start = nl + 1;
    }
    rest = text.slice(start);
    if (lines.length > 0) {
      yield { firstLine: line, lines };
      line += lines.length;
    }
  }
  if (rest !== '') yield { firstLine: line, lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest] };
}
