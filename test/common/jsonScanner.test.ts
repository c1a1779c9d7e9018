/**
 * The streaming JSON scanner: its tokens, depths, lines and columns, strings and escapes cut
 * by a chunk's end, `maxDepth`, and the same tokens at the same places whatever the chunk size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { END, JsonScanner, STRING_REST } from '../../src/common/jsonScanner.js';

interface Token {
  readonly token: string;
  readonly offset: number;
  readonly line: number;
  readonly col: number;
  readonly depth: number;
  /** A string's content (raw, escapes kept), joined across chunks. */
  readonly content?: string;
}

/** Every token of `text` read in chunks of `size`, a string cut by chunks given whole. */
function scan(text: string, size: number, maxDepth?: number): { tokens: Token[]; lines: number; openString: boolean } {
  const scanner = new JsonScanner(maxDepth);
  const tokens: Token[] = [];
  let open: { token: Token; pieces: string[] } | null = null;
  let lines = 1;
  for (let base = 0; base < text.length || base === 0; base += size) {
    const chunk = text.slice(base, base + size);
    scanner.feed(chunk);
    for (let t = scanner.next(); t !== END; t = scanner.next()) {
      if (t === STRING_REST) {
        open!.pieces.push(chunk.slice(0, scanner.stringEnd < 0 ? chunk.length : scanner.stringEnd));
      } else {
        const token: Token = { token: String.fromCharCode(t), offset: base + scanner.at, line: scanner.line, col: scanner.col, depth: scanner.depth };
        tokens.push(token);
        if (t === 34) open = { token, pieces: [chunk.slice(scanner.at + 1, scanner.stringEnd < 0 ? chunk.length : scanner.stringEnd)] };
      }
      if (open !== null && scanner.stringEnd >= 0 && (t === 34 || t === STRING_REST)) {
        tokens[tokens.indexOf(open.token)] = { ...open.token, content: open.pieces.join('') };
        open = null;
      }
    }
    lines = scanner.line;
    if (text.length === 0) break;
  }
  if (open !== null) tokens[tokens.indexOf(open.token)] = { ...open.token, content: open.pieces.join('') };
  return { tokens, lines, openString: scanner.inString };
}

describe('JsonScanner', () => {
  it('finds brackets with their depth, strings, colons and what stands between documents', () => {
    const { tokens, lines } = scan('{"a": [1, {"b": "}"}]}\n x [\n]', 1 << 20);
    expect(tokens.map((t) => `${t.token}${t.depth}${t.content === undefined ? '' : `(${t.content})`}@${t.line}:${t.col}`)).toEqual([
      '{1@1:1', '"1(a)@1:2', ':1@1:5', '[2@1:7', '{3@1:11', '"3(b)@1:12', ':3@1:15', '"3(})@1:17', '}2@1:20', ']1@1:21', '}0@1:22',
      'x0@2:2', '[1@2:4', ']0@3:1',
    ]);
    expect(lines).toBe(3);
  });

  it('reports a closing bracket with nothing open at depth -1', () => {
    expect(scan('{}]', 8).tokens.map((t) => t.depth)).toEqual([1, 0, -1]);
  });

  it('keeps escapes: an escaped quote does not close a string, an escaped line feed is not a line', () => {
    const { tokens, lines } = scan('["a\\"b\\\\", "c\\\nd"\n, "e\nf", 1]', 3);
    expect(tokens.filter((t) => t.token === '"').map((t) => `${t.content}@${t.line}`)).toEqual(['a\\"b\\\\@1', 'c\\\nd@1', 'e\nf@2']);
    expect(lines).toBe(3);
  });

  it('says when the text ends inside a string', () => {
    expect(scan('{"a": "b\\', 4).openString).toBe(true);
    expect(scan('{"a": "b"', 4).openString).toBe(false);
  });

  it('with maxDepth, passes over what stands deeper (depth and lines still counted)', () => {
    const { tokens, lines } = scan('{"events": [{"m": "x\n"}, {"m": ["y"]}]}\n{}', 5, 1);
    expect(tokens.map((t) => `${t.token}${t.depth}@${t.line}`)).toEqual(['{1@1', '"1@1', ':1@1', '[2@1', ']1@2', '}0@2', '{1@3', '}0@3']);
    expect(lines).toBe(3);
    expect(scan('{"a": [1]}', 2, 0).tokens.map((t) => t.token)).toEqual(['{', '}']);
  });

  it('gives the same tokens at the same places whatever the chunk size (property)', () => {
    const piece = fc.constantFrom('"', '\\', '\\"', '{', '}', '[', ']', '\n', '\r\n', ' ', ',', ':', 'é', '😀', 'x', '1', '"key"', '"a\\\\"', '\\\n');
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 20 }), fc.constantFrom(undefined, 0, 1, 2), (t, size, maxDepth) => {
        expect(scan(t, size, maxDepth)).toEqual(scan(t, 1 << 20, maxDepth));
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
