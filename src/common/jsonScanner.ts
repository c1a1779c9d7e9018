/**
 * A streaming scanner of JSON text: fed one chunk at a time, it finds the text's structure
 * (brackets and braces with their depth, strings, colons) and keeps the line and column, so
 * that a reader can cut whole documents or list elements out of a file of any size and hand
 * each to JSON.parse alone: memory follows what the reader keeps, not the file. It checks no
 * grammar beyond that; a string or an escape cut by a chunk's end is carried over to the next
 * chunk. String contents are skipped with indexOf, so they cost no JavaScript loop.
 *
 * Used by the fleet importer's document splitter (fleet/jsonDocuments.ts) and by observe's
 * list-element streamer (observe/jsonElements.ts); each says what is wrong in its own words.
 *
 * `next()` returns the next token of the chunk and sets `at`, `line`, `col` and `depth`:
 *   - `{` `[` `}` `]` (their character codes): `depth` is the depth after it (a top-level
 *     `{` makes it 1; a `}` with nothing open makes it -1: the text is not JSON);
 *   - `"`, a string starting at `at`; `stringEnd` is its closing quote, or -1 when the string
 *     runs on into the next chunk, which then starts with STRING_REST;
 *   - `:`;
 *   - at depth 0 only, any other character but white space (` `, tab, CR, LF); inside a
 *     document, commas, numbers and literals carry no structure and are passed over;
 *   - END at the chunk's end (`line` is then the line the chunk ends on).
 * With `maxDepth`, only tokens standing inside at most that many open brackets are returned
 * (a bracket stands outside itself: a top-level `{` or `}` stands at depth 0).
 * Lines are counted at every line feed but one escaped inside a string (`\` then a line feed).
 */

export const END = -1;
/** The rest of a string begun in an earlier chunk: `at` is 0, `stringEnd` its closing quote or -1. */
export const STRING_REST = -2;

export const QUOTE = 34;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;

const NEWLINE = 10;
const BACKSLASH = 92;

export class JsonScanner {
  /** Index in the chunk of the last token. */
  at = 0;
  /** Line of the last token, from 1. */
  line = 1;
  /** Open brackets and braces after the last token. */
  depth = 0;
  /** For `"` and STRING_REST: index of the closing quote in the chunk, or -1 when the chunk ends first. */
  stringEnd = -1;
  /** A string is open at the end of the chunk. */
  inString = false;

  private chunk = '';
  private i = 0;
  /** Offset in the whole text of the chunk's first character. */
  private base = 0;
  private lines = 1;
  /** Offset in the whole text of the current line's first character. */
  private lineStart = 0;
  /** The same, of the last token's line. */
  private tokenLineStart = 0;
  /** The chunk ended in an odd run of backslashes inside a string. */
  private escaped = false;
  private restPending = false;
  /** Index of the next line feed at or after where strings are counted from (-1: not looked for yet). */
  private nl = -1;

  /**
   * `maxDepth`: tokens that stand inside more than this many open brackets are passed over
   * (their depth and lines still count), for readers that need only the outer structure.
   */
  constructor(private readonly maxDepth = Number.POSITIVE_INFINITY) {}

  /** Column of the last token, from 1. */
  get col(): number {
    return this.base + this.at - this.tokenLineStart + 1;
  }

  /** Scans `chunk` next: the text continues from the previous chunk's end. */
  feed(chunk: string): void {
    this.base += this.chunk.length;
    this.chunk = chunk;
    this.i = 0;
    this.nl = -1;
    this.restPending = this.inString;
  }

  next(): number {
    const chunk = this.chunk;
    const n = chunk.length;
    if (this.restPending) {
      this.restPending = false;
      if (this.depth <= this.maxDepth) {
        this.line = this.lines;
        this.tokenLineStart = this.lineStart;
        this.at = 0;
        this.skipString(0, this.escaped);
        return STRING_REST;
      }
      this.skipString(0, this.escaped);
    }
    for (let i = this.i; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (c) {
        case NEWLINE:
          this.lines++;
          this.lineStart = this.base + i + 1;
          continue;
        case 32:
        case 9:
        case 13:
          continue;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (this.depth++ <= this.maxDepth) return this.token(c, i);
          continue;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (--this.depth <= this.maxDepth) return this.token(c, i);
          continue;
        case COLON:
          if (this.depth <= this.maxDepth) return this.token(c, i);
          continue;
        case QUOTE:
          if (this.depth <= this.maxDepth) {
            this.token(c, i);
            this.skipString(i + 1, false);
            return QUOTE;
          }
          this.skipString(i + 1, false);
          i = this.i - 1;
          continue;
        default:
          if (this.depth === 0) return this.token(c, i);
      }
    }
    this.i = n;
    this.at = n;
    this.line = this.lines;
    this.tokenLineStart = this.lineStart;
    return END;
  }

  private token(c: number, i: number): number {
    this.at = i;
    this.line = this.lines;
    this.tokenLineStart = this.lineStart;
    this.i = i + 1;
    return c;
  }

  /** Passes over a string's content from `from` (lines included) to its closing quote or the chunk's end. */
  private skipString(from: number, escapedAtStart: boolean): void {
    const chunk = this.chunk;
    const end = stringEnd(chunk, from, escapedAtStart);
    const to = end < 0 ? chunk.length : end;
    if (this.nl !== Number.POSITIVE_INFINITY && this.nl < from) this.nl = nextNewline(chunk, from);
    while (this.nl < to) {
      if (!escapedAt(chunk, from, this.nl, escapedAtStart)) {
        this.lines++;
        this.lineStart = this.base + this.nl + 1;
      }
      this.nl = nextNewline(chunk, this.nl + 1);
    }
    this.stringEnd = end;
    if (end < 0) {
      this.inString = true;
      this.escaped = escapedAt(chunk, from, chunk.length, escapedAtStart);
      this.i = chunk.length;
    } else {
      this.inString = false;
      this.escaped = false;
      this.i = end + 1;
    }
  }
}

function nextNewline(chunk: string, from: number): number {
  const j = chunk.indexOf('\n', from);
  return j < 0 ? Number.POSITIVE_INFINITY : j;
}

/**
 * Index of the `"` that closes a string whose content starts at `from`, or -1 when the chunk
 * ends first. `escapedAtStart`: the previous chunk ended in an odd run of backslashes.
 */
function stringEnd(chunk: string, from: number, escapedAtStart: boolean): number {
  let j = from;
  if (escapedAtStart) j++;
  for (;;) {
    j = chunk.indexOf('"', j);
    if (j < 0) return -1;
    if (!escapedAt(chunk, from, j, escapedAtStart)) return j;
    j++;
  }
}

/** Whether the character at `j` of a string's content (from `from`) follows an odd run of backslashes. */
function escapedAt(chunk: string, from: number, j: number, escapedAtStart: boolean): boolean {
  let backslashes = 0;
  let b = j - 1;
  for (; b >= from && chunk.charCodeAt(b) === BACKSLASH; b--) backslashes++;
  if (b < from && escapedAtStart) backslashes++; // the run continues from the previous chunk
  return backslashes % 2 === 1;
}
