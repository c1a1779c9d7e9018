/**
 * The observation as the four tables `observe` writes (pure). Row order is fixed (sorted by
 * the columns named in each table), so the same logs in any file order give the same bytes.
 *
 * Version order (R4, R5: labels are never parsed): the versions of a runtime are ordered by
 * their first sighting anywhere, label text breaking ties. "Versions behind" counts the labels
 * of the function's runtime seen in its region that are newer than the one it ran at its last
 * init; "days behind" is the time from the first sighting in its region of the first newer
 * label to the end of the observation (the last init read): its technical lag.
 */
import type { Observation } from './observation.js';
import type { InventoryEntry } from './inventory.js';

export const DAY_MS = 86_400_000;

export interface VersionRow {
  readonly runtime: string;
  readonly label: string;
  readonly region: string;
  readonly arn: string;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly functions: number;
  readonly inits: number;
}

export interface FunctionRow {
  readonly fn: string;
  readonly region: string;
  readonly qualifier: string;
  readonly runtime: string;
  readonly label: string;
  readonly arn: string;
  readonly lastMs: number;
  readonly versionsBehind: number;
  readonly daysBehind: number;
  readonly firstMs: number;
  readonly inits: number;
  readonly inventory: InventoryEntry | null;
}

export interface TransitionRow {
  readonly fn: string;
  readonly region: string;
  readonly qualifier: string;
  readonly fromLabel: string;
  readonly toLabel: string;
  /** Last init on the old version (never after firstNewMs: see below). */
  readonly lastOldMs: number;
  readonly firstNewMs: number;
}

export interface RolloutRow {
  readonly runtime: string;
  readonly label: string;
  readonly region: string;
  readonly firstMs: number;
  /** Function versions of the runtime in the region first seen before this version was. */
  readonly functionsBefore: number;
  readonly moved: number;
  readonly moved50Ms: number;
  readonly moved95Ms: number;
}

export interface Tables {
  readonly versions: readonly VersionRow[];
  readonly functions: readonly FunctionRow[];
  readonly transitions: readonly TransitionRow[];
  readonly rollout: readonly RolloutRow[];
  /** Rank of each label within its runtime: key `runtime \0 label`. */
  readonly rank: ReadonlyMap<string, number>;
  readonly startMs: number;
  readonly endMs: number;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const rankKey = (runtime: string, label: string): string => `${runtime}\u0000${label}`;

/** Per function version: each label's first and last init (ARNs of one label merged: an architecture change is no runtime update). */
function labelsOf(o: Observation, byArn: ReadonlyMap<string, { firstMs: number; lastMs: number }>): Map<string, { firstMs: number; lastMs: number }> {
  const out = new Map<string, { firstMs: number; lastMs: number }>();
  for (const [arn, s] of byArn) {
    const label = o.versions.get(arn)!.label;
    const have = out.get(label);
    if (have === undefined) out.set(label, { firstMs: s.firstMs, lastMs: s.lastMs });
    else {
      have.firstMs = Math.min(have.firstMs, s.firstMs);
      have.lastMs = Math.max(have.lastMs, s.lastMs);
    }
  }
  return out;
}

export function buildTables(o: Observation, inventory: ReadonlyMap<string, InventoryEntry> | null = null): Tables {
  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  const labelFirst = new Map<string, number>();
  for (const v of o.versions.values()) {
    startMs = Math.min(startMs, v.firstMs);
    endMs = Math.max(endMs, v.lastMs);
    const k = rankKey(v.runtime, v.label);
    labelFirst.set(k, Math.min(labelFirst.get(k) ?? Number.POSITIVE_INFINITY, v.firstMs));
  }
  const rank = new Map<string, number>();
  const byRuntime = new Map<string, string[]>();
  for (const k of [...labelFirst.keys()].sort((a, b) => labelFirst.get(a)! - labelFirst.get(b)! || cmp(a, b))) {
    const runtime = k.split('\u0000')[0]!;
    const list = byRuntime.get(runtime) ?? [];
    rank.set(k, list.length);
    list.push(k);
    byRuntime.set(runtime, list);
  }
  // First sighting of each label in each region.
  const inRegion = new Map<string, number>();
  for (const v of o.versions.values()) {
    const k = `${v.region}\u0000${rankKey(v.runtime, v.label)}`;
    inRegion.set(k, Math.min(inRegion.get(k) ?? Number.POSITIVE_INFINITY, v.firstMs));
  }
  const newerInRegion = (region: string, runtime: string, r: number): number[] =>
    (byRuntime.get(runtime) ?? []).slice(r + 1).flatMap((k) => {
      const t = inRegion.get(`${region}\u0000${k}`);
      return t === undefined ? [] : [t];
    });

  const functionsPerArn = new Map<string, Set<string>>();
  const functions: FunctionRow[] = [];
  const transitions: TransitionRow[] = [];
  for (const f of o.functions.values()) {
    let lastArn = '';
    let lastArnMs = Number.NEGATIVE_INFINITY;
    for (const [arn, s] of f.byArn) {
      const set = functionsPerArn.get(arn) ?? new Set<string>();
      set.add(`${f.fn}\u0000${f.region}`);
      functionsPerArn.set(arn, set);
      if (s.lastMs > lastArnMs || (s.lastMs === lastArnMs && cmp(arn, lastArn) > 0)) {
        lastArn = arn;
        lastArnMs = s.lastMs;
      }
    }
    const v = o.versions.get(lastArn)!;
    const r = rank.get(rankKey(v.runtime, v.label))!;
    const newer = newerInRegion(f.region, v.runtime, r);
    functions.push({
      fn: f.fn, region: f.region, qualifier: f.qualifier, runtime: v.runtime, label: v.label, arn: v.arn, lastMs: f.lastMs,
      versionsBehind: newer.length,
      daysBehind: newer.length === 0 ? 0 : Math.round(((endMs - Math.min(...newer)) / DAY_MS) * 100) / 100,
      firstMs: f.firstMs, inits: f.inits,
      inventory: inventory?.get(`${f.fn}\u0000${f.region}\u0000${f.qualifier}`) ?? null,
    });
    const labels = [...labelsOf(o, f.byArn)].sort((a, b) => a[1].firstMs - b[1].firstMs || cmp(a[0], b[0]));
    for (let i = 1; i < labels.length; i++) {
      const [fromLabel, from] = labels[i - 1]!;
      const [toLabel, to] = labels[i]!;
      // With order-free summaries, an old init after the first new one (a rollback, or
      // environments overlapping) cannot be placed: the interval then closes at the first new init.
      transitions.push({ fn: f.fn, region: f.region, qualifier: f.qualifier, fromLabel, toLabel, lastOldMs: Math.min(from.lastMs, to.firstMs), firstNewMs: to.firstMs });
    }
  }
  const byKey = <T extends { fn: string; region: string; qualifier: string }>(a: T, b: T): number =>
    cmp(a.fn, b.fn) || cmp(a.region, b.region) || cmp(a.qualifier, b.qualifier);
  functions.sort(byKey);
  transitions.sort((a, b) => byKey(a, b) || a.firstNewMs - b.firstNewMs || cmp(a.toLabel, b.toLabel));

  const versions = [...o.versions.values()]
    .map((v) => ({ runtime: v.runtime, label: v.label, region: v.region, arn: v.arn, firstMs: v.firstMs, lastMs: v.lastMs, functions: functionsPerArn.get(v.arn)?.size ?? 0, inits: v.inits }))
    .sort((a, b) => cmp(a.runtime, b.runtime) || rank.get(rankKey(a.runtime, a.label))! - rank.get(rankKey(b.runtime, b.label))! || cmp(a.region, b.region) || cmp(a.arn, b.arn));

  return { versions, functions, transitions, rollout: rolloutRows(o, rank, inRegion), rank, startMs, endMs };
}

function rolloutRows(o: Observation, rank: ReadonlyMap<string, number>, inRegion: ReadonlyMap<string, number>): RolloutRow[] {
  const rows: RolloutRow[] = [];
  const functions = [...o.functions.values()].map((f) => ({ f, labels: labelsOf(o, f.byArn) }));
  for (const [key, firstMs] of inRegion) {
    const [region, runtime, label] = key.split('\u0000') as [string, string, string];
    const r = rank.get(rankKey(runtime, label))!;
    if (r === 0) continue;
    const moves: number[] = [];
    let before = 0;
    for (const { f, labels } of functions) {
      if (f.region !== region || f.firstMs >= firstMs) continue;
      let ofRuntime = false;
      let moveMs = Number.POSITIVE_INFINITY;
      for (const [l, s] of labels) {
        const lr = rank.get(rankKey(runtime, l));
        if (lr === undefined) continue;
        ofRuntime = true;
        if (lr >= r) moveMs = Math.min(moveMs, s.firstMs);
      }
      if (!ofRuntime) continue;
      before++;
      if (Number.isFinite(moveMs)) moves.push(moveMs);
    }
    moves.sort((a, b) => a - b);
    const byShare = (share: number): number => {
      const k = Math.ceil(share * before);
      return k >= 1 && k <= moves.length ? moves[k - 1]! : Number.NaN;
    };
    rows.push({ runtime, label, region, firstMs, functionsBefore: before, moved: moves.length, moved50Ms: byShare(0.5), moved95Ms: byShare(0.95) });
  }
  return rows.sort((a, b) => cmp(a.runtime, b.runtime) || rank.get(rankKey(a.runtime, a.label))! - rank.get(rankKey(b.runtime, b.label))! || cmp(a.region, b.region));
}
