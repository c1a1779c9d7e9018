/**
 * Reads the JSON documents of one file, streaming: a file may hold one document or several
 * written one after another (`aws … >> file`). The file is read in chunks, split into
 * top-level documents by bracket depth (common/jsonScanner.ts), and each document is parsed alone,
 * so memory follows the largest document, not the file. A document that does not parse gets
 * the `file:line:col` of its first error.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CLOSE_BRACE, CLOSE_BRACKET, END, JsonScanner, OPEN_BRACE, OPEN_BRACKET } from '../common/jsonScanner.js';
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
    const decoder = new StringDecoder('utf8');
    const scan = new JsonScanner(0); // the documents' own brackets, and whatever stands between them
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
      scan.feed(chunk);
      let start = 0;
      for (let t = scan.next(); t !== END; t = scan.next()) {
        if (t === OPEN_BRACE || t === OPEN_BRACKET) {
          if (scan.depth === 1) {
            start = scan.at;
            startLine = scan.line;
            startCol = scan.col;
          }
        } else if ((t === CLOSE_BRACE || t === CLOSE_BRACKET) && scan.depth === 0) {
          const text = pending.length > 0 ? pending + chunk.slice(start, scan.at + 1) : chunk.slice(start, scan.at + 1);
          pending = '';
          yield parseDocument(file, text, startLine, startCol);
        } else if (scan.depth <= 0) {
          throw new NotJsonError(`${file}:${scan.line}:${scan.col}`, `not JSON: expected a JSON document (\`{\`), found \`${chunk[scan.at]}\``);
        }
      }
      if (scan.depth > 0) pending += chunk.slice(start);
      if (bytes === 0) break;
    }
    if (scan.depth > 0) {
      const problem = findJsonSyntaxProblem(pending);
      const at = positionAt(pending, problem?.offset ?? pending.length, startLine, startCol);
      throw new NotJsonError(`${file}:${at.line}:${at.col}`, `not JSON: ${problem?.message ?? 'the file ends inside a document'}`);
    }
  } finally {
    closeSync(fd);
  }
}
