/**
 * Time to patch, read from the observe tables (so status.html and calibrate, which reads the
 * CSVs back, use one definition): for a version V of runtime X in region G published (or first
 * seen) at P, every function version of X in G first seen before P is a subject. It moved to V
 * or newer between its last init on an older version and its first init on V or newer: the move
 * is interval-censored, (last old − P, first new − P] (the left end floored at 0: nothing moves
 * before publication). One still on an older version is right-censored at its last init.
 */
import type { Interval } from '../analysis/turnbull.js';
import { rankKey, type FunctionRow, type TransitionRow } from './tables.js';

export interface Subject {
  readonly row: FunctionRow;
  /** Time to patch, ms from publication. */
  readonly interval: Interval;
  /** Whether the move was seen. */
  readonly moved: boolean;
}

export interface PatchQuery {
  readonly runtime: string;
  readonly label: string;
  readonly region: string;
  readonly publishedMs: number;
}

export function historyIndex(transitions: readonly TransitionRow[]): Map<string, TransitionRow[]> {
  const out = new Map<string, TransitionRow[]>();
  for (const t of transitions) {
    const key = `${t.fn}\u0000${t.region}\u0000${t.qualifier}`;
    const list = out.get(key) ?? [];
    list.push(t);
    out.set(key, list);
  }
  return out;
}

export function patchSubjects(
  functions: readonly FunctionRow[],
  history: ReadonlyMap<string, readonly TransitionRow[]>,
  rank: ReadonlyMap<string, number>,
  q: PatchQuery,
): Subject[] {
  const r = rank.get(rankKey(q.runtime, q.label));
  if (r === undefined) return [];
  const rankOf = (label: string): number => rank.get(rankKey(q.runtime, label)) ?? -1;
  const out: Subject[] = [];
  for (const row of functions) {
    if (row.region !== q.region || row.runtime !== q.runtime || !(row.firstMs < q.publishedMs)) continue;
    const moves = history.get(`${row.fn}\u0000${row.region}\u0000${row.qualifier}`) ?? [];
    const firstLabel = moves.length > 0 ? moves[0]!.fromLabel : row.label;
    if (rankOf(firstLabel) >= r) continue; // already on V or newer before V was seen: not a subject
    const move = moves.find((m) => rankOf(m.fromLabel) < r && rankOf(m.toLabel) >= r);
    if (move !== undefined) {
      const right = move.firstNewMs - q.publishedMs;
      const left = Math.min(Math.max(0, move.lastOldMs - q.publishedMs), right);
      out.push({ row, moved: true, interval: { left: left === right ? Math.max(0, right - 1) : left, right: Math.max(right, 1) } });
    } else {
      out.push({ row, moved: false, interval: { left: Math.max(0, row.lastMs - q.publishedMs), right: Number.POSITIVE_INFINITY } });
    }
  }
  return out;
}
