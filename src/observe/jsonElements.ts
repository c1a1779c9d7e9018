/**
 * Streams the elements of the lists inside a JSON document without parsing the whole document:
 * the `events` list of `aws logs filter-log-events` output, the `results` list of Logs Insights
 * `get-query-results` output, or a top-level list of events. Several documents may follow each
 * other in one file (pages saved one after the other). Only one element is held in memory at a
 * time, so memory is bounded by the largest element (at most MAX_ELEMENT_CHARS; CloudWatch caps
 * an event at 256 KiB), not by the file.
 *
 * The scanner tracks strings, escapes and bracket depth; each element's text is then checked by
 * JSON.parse (by the caller). Outside elements it accepts only JSON structure: a file cut short
 * (brackets left open, a string left open) is reported with the line where it ends.
 */
import { problemAt } from './observeError.js';

export type ListKey = 'events' | 'results' | 'list';

export interface JsonElement {
  readonly key: ListKey;
  readonly text: string;
  /** Line where the element starts, from 1. */
  readonly line: number;
}

export const MAX_ELEMENT_CHARS = 4 << 20;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const NEWLINE = 10;

/** Elements in batches, one batch per chunk read (one await per chunk, not per element). */
export async function* jsonElements(file: string, chunks: AsyncIterable<string>): AsyncGenerator<JsonElement[]> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let line = 1;
  // The last string seen directly inside a top-level object (a key, when a colon follows).
  let keyPieces: string[] | null = null;
  let keyStart = -1;
  let lastKey = '';
  let colonAfterKey = false;
  // The list whose elements are streamed: its key and the depth of its elements.
  let listKey: ListKey | null = null;
  let elementDepth = -1;
  let pieces: string[] | null = null;
  let elementStart = -1;
  let elementLine = 0;
  let elementChars = 0;
  let listsFound = 0;

  for await (const chunk of chunks) {
    const batch: JsonElement[] = [];
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (keyPieces !== null) {
            keyPieces.push(chunk.slice(keyStart, i));
            lastKey = keyPieces.join('');
            keyPieces = null;
          }
        } else if (c === NEWLINE) line++;
        continue;
      }
      switch (c) {
        case QUOTE:
          if (depth === 0) throw problemAt(file, line, 'not JSON here: a string outside any object or list');
          inString = true;
          if (depth === 1 && pieces === null) {
            keyPieces = [];
            keyStart = i + 1;
            colonAfterKey = false;
          }
          break;
        case COLON:
          if (depth === 1) colonAfterKey = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (depth === 0 && c === OPEN_BRACKET) {
            listKey = 'list';
            elementDepth = 1;
            listsFound++;
          } else if (depth === 1 && c === OPEN_BRACKET && colonAfterKey && (lastKey === 'events' || lastKey === 'results') && pieces === null) {
            listKey = lastKey;
            elementDepth = 2;
            listsFound++;
          } else if (listKey !== null && depth === elementDepth && pieces === null) {
            pieces = [];
            elementStart = i;
            elementLine = line;
            elementChars = 0;
          }
          colonAfterKey = false;
          depth++;
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          depth--;
          if (depth < 0) throw problemAt(file, line, `not JSON here: a closing \`${String.fromCharCode(c)}\` with nothing open`);
          if (pieces !== null && depth === elementDepth) {
            pieces.push(chunk.slice(elementStart, i + 1));
            const text = pieces.join('');
            pieces = null;
            batch.push({ key: listKey!, text, line: elementLine });
          } else if (listKey !== null && depth === elementDepth - 1) {
            listKey = null;
          }
          break;
        case NEWLINE:
          line++;
          break;
        case 32:
        case 9:
        case 13:
        case 44:
          break;
        default:
          if (depth === 0) throw problemAt(file, line, `not JSON here: \`${String.fromCharCode(c)}\` outside any object or list`);
      }
    }
    if (keyPieces !== null) {
      keyPieces.push(chunk.slice(keyStart));
      keyStart = 0;
    }
    if (pieces !== null) {
      const rest = chunk.slice(elementStart);
      elementChars += rest.length;
      if (elementChars > MAX_ELEMENT_CHARS) throw problemAt(file, elementLine, `an element of \`${listKey}\` is longer than ${MAX_ELEMENT_CHARS} characters; no log event is that long`);
      pieces.push(rest);
      elementStart = 0;
    }
    if (batch.length > 0) yield batch;
  }
  if (inString || depth > 0) {
    throw problemAt(file, line, `the JSON ends with ${inString ? 'a string' : `${depth} bracket${depth === 1 ? '' : 's'}`} still open: the file is cut short (truncated JSON); export it again`);
  }
  if (listsFound === 0) throw problemAt(file, 1, 'a JSON document without an `events` list (filter-log-events) or a `results` list (get-query-results)');
}
