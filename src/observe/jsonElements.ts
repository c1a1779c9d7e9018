/**
 * Streams the elements of the lists inside a JSON document without parsing the whole document:
 * the `events` list of `aws logs filter-log-events` output, the `results` list of Logs Insights
 * `get-query-results` output, or a top-level list of events. Several documents may follow each
 * other in one file (pages saved one after the other). Only one element is held in memory at a
 * time, so memory is bounded by the largest element (at most MAX_ELEMENT_CHARS; CloudWatch caps
 * an event at 256 KiB), not by the file.
 *
 * The structure (strings, escapes, bracket depth, lines) comes from common/jsonScanner.ts; each
 * element's text is then checked by JSON.parse (by the caller). Outside elements it accepts
 * only JSON structure: a file cut short (brackets left open, a string left open) is reported
 * with the line where it ends.
 */
import { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, END, JsonScanner, OPEN_BRACE, OPEN_BRACKET, QUOTE, STRING_REST } from '../common/jsonScanner.js';
import { problemAt } from './observeError.js';

export type ListKey = 'events' | 'results' | 'list';

export interface JsonElement {
  readonly key: ListKey;
  readonly text: string;
  /** Line where the element starts, from 1. */
  readonly line: number;
}

export const MAX_ELEMENT_CHARS = 4 << 20;

/** Elements in batches, one batch per chunk read (one await per chunk, not per element). */
export async function* jsonElements(file: string, chunks: AsyncIterable<string>): AsyncGenerator<JsonElement[]> {
  const scan = new JsonScanner(2); // keys of a top-level object, its lists and their elements' brackets
  // The last string seen directly inside a top-level object (a key, when a colon follows).
  let keyPieces: string[] | null = null;
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
    scan.feed(chunk);
    for (let t = scan.next(); t !== END; t = scan.next()) {
      switch (t) {
        case STRING_REST:
          if (keyPieces !== null) {
            if (scan.stringEnd < 0) keyPieces.push(chunk);
            else {
              keyPieces.push(chunk.slice(0, scan.stringEnd));
              lastKey = keyPieces.join('');
              keyPieces = null;
            }
          }
          break;
        case QUOTE:
          if (scan.depth === 0) throw problemAt(file, scan.line, 'not JSON here: a string outside any object or list');
          if (scan.depth === 1 && pieces === null) {
            colonAfterKey = false;
            if (scan.stringEnd < 0) keyPieces = [chunk.slice(scan.at + 1)];
            else lastKey = chunk.slice(scan.at + 1, scan.stringEnd);
          }
          break;
        case COLON:
          if (scan.depth === 1) colonAfterKey = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET: {
          const depth = scan.depth - 1; // where the bracket opens
          if (depth === 0 && t === OPEN_BRACKET) {
            listKey = 'list';
            elementDepth = 1;
            listsFound++;
          } else if (depth === 1 && t === OPEN_BRACKET && colonAfterKey && (lastKey === 'events' || lastKey === 'results') && pieces === null) {
            listKey = lastKey;
            elementDepth = 2;
            listsFound++;
          } else if (listKey !== null && depth === elementDepth && pieces === null) {
            pieces = [];
            elementStart = scan.at;
            elementLine = scan.line;
            elementChars = 0;
          }
          colonAfterKey = false;
          break;
        }
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (scan.depth < 0) throw problemAt(file, scan.line, `not JSON here: a closing \`${String.fromCharCode(t)}\` with nothing open`);
          if (pieces !== null && scan.depth === elementDepth) {
            pieces.push(chunk.slice(elementStart, scan.at + 1));
            const text = pieces.join('');
            pieces = null;
            batch.push({ key: listKey!, text, line: elementLine });
          } else if (listKey !== null && scan.depth === elementDepth - 1) {
            listKey = null;
          }
          break;
        case COMMA:
          break;
        default:
          throw problemAt(file, scan.line, `not JSON here: \`${String.fromCharCode(t)}\` outside any object or list`);
      }
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
  if (scan.inString || scan.depth > 0) {
    throw problemAt(file, scan.line, `the JSON ends with ${scan.inString ? 'a string' : `${scan.depth} bracket${scan.depth === 1 ? '' : 's'}`} still open: the file is cut short (truncated JSON); export it again`);
  }
  if (listsFound === 0) throw problemAt(file, 1, 'a JSON document without an `events` list (filter-log-events) or a `results` list (get-query-results)');
}
