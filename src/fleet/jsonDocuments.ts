/**
 * Reads the JSON documents of one file, streaming: a file may hold one document or several
 * written one after another (`aws … >> file`). The file is read in chunks, split into
 * top-level documents by bracket depth (outside strings), and each document is parsed alone,
 * so memory follows the largest document, not the file. A document that does not parse gets
 * the `file:line:col` of its first error.
 */
import { closeSync, openSync, readSync } from 'node:fs';
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

export function* readJsonDocuments(file: string, chunkBytes = READ_CHUNK_BYTES): Generator<JsonDocument> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let line = 1;
    let col = 1;
    let depth = 0;
    let inString = false;
    let escaped = false;
    let pending = '';
    let startLine = 0;
    let startCol = 0;
    let first = true;
    for (;;) {
      const bytes = readSync(fd, buffer, 0, buffer.length, null);
      let chunk = bytes === 0 ? decoder.decode() : decoder.decode(buffer.subarray(0, bytes), { stream: true });
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (depth === 0) {
          if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
            depth = 1;
            start = i;
            startLine = line;
            startCol = col;
            col++;
            continue;
          }
          if (c === 0x0a) { line++; col = 1; continue; }
          if (c === 0x20 || c === 0x09 || c === 0x0d) { col++; continue; }
          throw new NotJsonError(`${file}:${line}:${col}`, `not JSON: expected a JSON document (\`{\`), found \`${chunk[i]}\``);
        }
        if (c === 0x0a) { line++; col = 1; } else col++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
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
