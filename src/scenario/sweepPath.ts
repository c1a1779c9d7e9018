/**
 * Sweep key paths, written as error messages print them (`releases[0].phase2.duration`,
 * `fleet.updateModes.Auto`), parsed against the file schema rather than split on dots:
 * runtime ids contain dots (`fleet.runtimes.python3.12`), so where the schema expects a
 * name from a fixed list, the longest name that fits is taken. Any key may also be
 * quoted as `["python3.12"]` (JSON string syntax).
 */
import { z } from 'zod';
import { allowed as allowedText, msg } from './messages.js';
import { formatKeyPath, suggest } from '../common/messages.js';
import type { PathSegment } from './path.js';
import { acceptedKeys, step, unwrap } from './schemaAt.js';

export type SweepPathResult =
  | { readonly ok: true; readonly path: readonly PathSegment[] }
  | { readonly ok: false; readonly message: string; readonly allowed?: string };

/** Top-level keys that apply to the whole batch and cannot vary between points. */
export const UNSWEEPABLE = ['sweep', 'seed', 'replications', 'outputs'] as const;

export function parseSweepPath(text: string, root: z.ZodType): SweepPathResult {
  const fail = (message: string, allowed?: string): SweepPathResult =>
    allowed === undefined ? { ok: false, message } : { ok: false, message, allowed };
  const syntax = (detail: string): SweepPathResult => fail(msg.sweepPathSyntax(text, detail), allowedText.sweepPath());
  if (text.trim() === '') return syntax('it is empty');

  const path: PathSegment[] = [];
  let schema: z.ZodType = root;
  let i = 0;
  while (i < text.length) {
    let segment: PathSegment;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return syntax(`\`[\` at character ${i + 1} is not closed`);
      const inner = text.slice(i + 1, close);
      if (inner.startsWith('"')) {
        const end = quotedEnd(text, i + 1);
        if (end < 0 || text[end + 1] !== ']') return syntax(`the quoted key at character ${i + 2} is not closed with "]`);
        try {
          segment = JSON.parse(text.slice(i + 1, end + 1)) as string;
        } catch {
          return syntax(`the quoted key at character ${i + 2} is not a valid string`);
        }
        i = end + 2;
      } else if (/^\d+$/.test(inner)) {
        segment = Number(inner);
        if (!Number.isSafeInteger(segment)) return syntax(`index ${inner} is too large`);
        i = close + 1;
      } else {
        return syntax(`\`[${inner}]\` is neither an index nor a quoted key`);
      }
    } else {
      if (path.length > 0) {
        if (text[i] !== '.') return syntax(`expected \`.\` or \`[\` at character ${i + 1}`);
        i++;
        if (text[i] === '[') {
          // `a.["b"]` is accepted as `a["b"]`.
          continue;
        }
      }
      const key = readKey(text, i, schema);
      if (key === '') return syntax(`a key is missing at character ${i + 1}`);
      segment = key;
      i += key.length;
    }
    if (path.length === 0 && (UNSWEEPABLE as readonly PathSegment[]).includes(segment)) {
      return fail(msg.sweepNotSweepable(String(segment)));
    }
    let next = step(schema, segment);
    // A map keyed by names (regions, runtimes, …) takes only those names.
    const names = unwrap(schema) instanceof z.ZodRecord ? acceptedKeys(schema)?.keys : undefined;
    if (names !== undefined && !names.includes(String(segment))) next = undefined;
    if (next === undefined) return fail(msg.sweepPathUnknown(text, problemAt(schema, path, segment)), allowedAt(schema));
    path.push(segment);
    schema = next;
  }
  return { ok: true, path };
}

/** Index of the closing quote of the JSON string starting at `start`, or -1. */
function quotedEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j;
  }
  return -1;
}

/** A bare key at `i`: the longest known name that fits, else everything up to the next `.` or `[`. */
function readKey(text: string, i: number, schema: z.ZodType): string {
  const names = acceptedKeys(schema)?.keys ?? [];
  let best = '';
  for (const name of names) {
    if (name.length > best.length && text.startsWith(name, i)) {
      const after = text[i + name.length];
      if (after === undefined || after === '.' || after === '[') best = name;
    }
  }
  if (best !== '') return best;
  const rest = text.slice(i);
  const end = rest.search(/[.[]/);
  return end < 0 ? rest : rest.slice(0, end);
}

function problemAt(schema: z.ZodType, path: readonly PathSegment[], segment: PathSegment): string {
  const core = unwrap(schema);
  const here = formatKeyPath(path) || 'the file';
  if (typeof segment === 'number') return msg.sweepPathNotList(here);
  if (core instanceof z.ZodArray) return msg.sweepPathNeedsIndex(here);
  const accepted = acceptedKeys(schema);
  if (accepted === undefined) return msg.sweepPathBeyondValue(here);
  const suggestion = suggest(segment, accepted.keys);
  return accepted.noun === undefined ? msg.unknownKey(segment, suggestion) : msg.unknownName(accepted.noun, segment, suggestion);
}

function allowedAt(schema: z.ZodType): string | undefined {
  const accepted = acceptedKeys(schema);
  return accepted === undefined || accepted.keys.length === 0 ? undefined : allowedText.keys(accepted.keys);
}
