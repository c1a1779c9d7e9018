/**
 * Key paths ↔ positions in the YAML source. Walks the parsed document (not the JS
 * value), so each error points at the node the user wrote: a value, its key, or the
 * map that lacks a key. Aliases are followed to their anchor. When a path goes
 * further than the document (a missing key), the deepest existing node is used.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { Anchor } from './finding.js';
import type { PathSegment } from './path.js';

export interface Position {
  readonly line: number;
  readonly col: number;
}

export const START: Position = { line: 1, col: 1 };

export function positionOfOffset(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/** Position of an offset in text that has no parsed document (e.g. refused before parsing). */
export function positionInText(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, col: offset - lineStart + 1 };
}

export function locate(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[], anchor: Anchor): Position {
  const target = anchor === 'parent' ? path.slice(0, -1) : path;
  const { key, value, complete } = walk(doc, target);
  const node = anchor === 'key' && complete && key !== undefined ? key : pointable(value) ?? key;
  const offset = node?.range?.[0];
  return offset === undefined ? START : positionOfOffset(lineCounter, offset);
}

interface Step {
  readonly key: Node | undefined;
  readonly value: Node | undefined;
  readonly complete: boolean;
}

function walk(doc: Document, path: readonly PathSegment[]): Step {
  let key: Node | undefined;
  let value = (doc.contents ?? undefined) as Node | undefined;
  for (const segment of path) {
    const container = isAlias(value) ? (value.resolve(doc) as Node | undefined) : value;
    let next: Step | undefined;
    if (isMap(container)) {
      // The last pair with that key: with duplicate keys, the value in effect is the last one.
      const pair = container.items.findLast((p) => keyText(p.key) === String(segment));
      if (pair !== undefined) next = { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined, complete: true };
    } else if (isSeq(container) && typeof segment === 'number') {
      const item = container.items[segment];
      if (item !== undefined) next = { key: undefined, value: item as Node, complete: true };
    }
    if (next === undefined) return { key, value, complete: false };
    ({ key, value } = next);
  }
  return { key, value, complete: true };
}

/** An empty value (`key:` with nothing after it) has no useful position of its own. */
function pointable(node: Node | undefined): Node | undefined {
  if (node === undefined) return undefined;
  const range = node.range;
  if (isScalar(node) && node.value === null && range != null && range[0] === range[1]) return undefined;
  return node;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** The key path of the map key that starts at `offset` (for YAML errors such as duplicate keys). */
export function pathOfKeyAt(doc: Document, offset: number): PathSegment[] | undefined {
  const search = (node: unknown, path: PathSegment[]): PathSegment[] | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const text = keyText(pair.key);
        if (text === undefined) continue;
        if ((pair.key as Node).range?.[0] === offset) return [...path, text];
        const found = search(pair.value, [...path, text]);
        if (found !== undefined) return found;
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const found = search(node.items[i], [...path, i]);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return search(doc.contents, []);
}

/** Map keys that are lists or maps (`? [a, b]: 1`), which a scenario never uses. */
export function complexKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  const visitNode = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isCollection(pair.key)) offsets.push((pair.key as Node).range?.[0] ?? 0);
        visitNode(pair.key);
        visitNode(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visitNode(item);
    }
  };
  visitNode(doc.contents);
  return offsets;
}

/** Aliases (`*name`) with no anchor (`&name`) before them: their offsets and names. */
export function unresolvedAliases(doc: Document): { offset: number; name: string }[] {
  const found: { offset: number; name: string }[] = [];
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined) found.push({ offset: alias.range?.[0] ?? 0, name: alias.source });
    },
  });
  return found;
}
