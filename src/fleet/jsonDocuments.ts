/**
 * Reads the JSON documents of one file, streaming: a file may hold one document or several
 * written one after another (`aws … >> file`). The file is read in chunks, split into
 * top-level documents by bracket depth (outside strings), and each document is parsed alone,
 * so memory follows the largest document, not the file. A document that does not parse gets
 * the `file:line:col` of its first error.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { findJsonSyntaxProblem, positionAt } from './jsonSyntax.js';

export interface JsonDocument {
  readonly value: unknown;
  /** `file:line:col` of the document's first character. */
  readonly where: string;
}

export class NotJsonError extends Error {
  constructor(readonly where: string, readonly reason: string) {
    super(`${where} ${reason}`);
  }
}

/** Bytes read at a time. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

function parseDocument(file: string, text: string, line: number, col: number): JsonDocument {
  try {
    return { value: JSON.parse(text), where: `${file}:${line}:${col}` };
  } catch {
    const problem = findJsonSyntaxProblem(text) ?? { offset: 0, message: 'not valid JSON' };
    const at = positionAt(text, problem.offset, line, col);
    throw new NotJsonError(`${file}:${at.line}:${at.col}`, `not JSON: ${problem.message}`);
  }
}

/**
 * Index of the `"` that closes a string whose content starts at `from`, or -1 when the chunk
 * ends first. `escapedAtStart`: the previous chunk ended in an odd run of backslashes.
 * Strings are skipped with indexOf, so their content costs no JavaScript loop.
 */
function stringEnd(chunk: string, from: number, escapedAtStart: boolean): number {
  let j = from;
  if (escapedAtStart) j++;
  for (;;) {
    j = chunk.indexOf('"', j);
    if (j < 0) return -1;
    let backslashes = 0;
    for (let b = j - 1; b >= from && chunk.charCodeAt(b) === 0x5c; b--) backslashes++;
    if (escapedAtStart && j - backslashes === from) backslashes++; // the run continues from the previous chunk
    if (backslashes % 2 === 0) return j;
    j++;
  }
}

/** Whether a string's content from `from` to the chunk's end ends in an odd run of backslashes. */
function endsEscaped(chunk: string, from: number, escapedAtStart: boolean): boolean {
  let backslashes = 0;
  let b = chunk.length - 1;
  for (; b >= from && chunk.charCodeAt(b) === 0x5c; b--) backslashes++;
  if (b < from && escapedAtStart) backslashes++;
  return backslashes % 2 === 1;
}

export function* readJsonDocuments(file: string, chunkBytes = READ_CHUNK_BYTES): Generator<JsonDocument> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let line = 1;
    let lineStart = 0; // absolute offset (in characters) of the current line's first character
    let base = 0; // absolute offset of the chunk's first character
    let depth = 0;
    let inString = false;
    let escaped = false;
    let pending = '';
    let startLine = 0;
    let startCol = 0;
    let first = true;
    for (;;) {
      const bytes = readSync(fd, buffer, 0, buffer.length, null);
      let chunk = bytes === 0 ? decoder.end() : decoder.write(buffer.subarray(0, bytes));
      if (first && chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
      }
      first = false;
      let start = 0;
      let i = 0;
      if (inString) {
        const end = stringEnd(chunk, 0, escaped);
        if (end < 0) {
          escaped = endsEscaped(chunk, 0, escaped);
          i = chunk.length;
        } else {
          inString = false;
          escaped = false;
          i = end + 1;
        }
      }
      for (; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (c === 0x0a) {
          line++;
          lineStart = base + i + 1;
          continue;
        }
        if (depth === 0) {
          if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            depth = 1;
            start = i;
            startLine = line;
            startCol = base + i - lineStart + 1;
            continue;
          }
          if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
          throw new NotJsonError(`${file}:${line}:${base + i - lineStart + 1}`, `not JSON: expected a JSON document (\`{\`), found \`${chunk[i]}\``);
        }
        if (c === 0x22) {
          const end = stringEnd(chunk, i + 1, false);
          if (end < 0) {
            inString = true;
            escaped = endsEscaped(chunk, i + 1, false);
            i = chunk.length;
            break;
          }
          i = end;
        } else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            const text = pending.length > 0 ? pending + chunk.slice(start, i + 1) : chunk.slice(start, i + 1);
            pending = '';
            yield parseDocument(file, text, startLine, startCol);
          }
        }
      }
      if (depth > 0) pending += chunk.slice(start);
      base += chunk.length;
      if (bytes === 0) break;
    }
    if (depth > 0) {
      const problem = findJsonSyntaxProblem(pending);
      const at = positionAt(pending, problem?.offset ?? pending.length, startLine, startCol);
      throw new NotJsonError(`${file}:${at.line}:${at.col}`, `not JSON: ${problem?.message ?? 'the file ends inside a document'}`);
    }
  } finally {
    closeSync(fd);
  }
}
