/**
 * Fits a scenario to what `observe` saw (pure). Every fitted value carries its evidence (how
 * many functions, which interval), which the YAML writer puts in a comment beside it.
 *
 *   1. time 0 is the UTC day of the first init; the horizon runs to the last init (whole hours);
 *   2. the fleet: function versions per region and runtime; the gap between a function's inits
 *      gives the environment lifetime (inits per function = warm environments / lifetime, R15,
 *      with about one warm environment at the default invocation duration);
 *   3. per release: first sighting per region, then phase 2's window (phase2Window.ts) and the
 *      phase-1 move rate λ, then publication = first sighting − E[delay] (firstSighting.ts), and
 *      the window again with the corrected publications;
 *   4. region order and interval when the waves are regular, else `publishedAt`;
 *   5. update modes, package types and architectures from the inventory when given; without it,
 *      the Auto share is what moved by the end of phase 2 beyond what deploys explain (R9: phase
 *      2 moves every Auto function and nothing else).
 */
import { turnbull, turnbullCdf, type Interval } from '../analysis/turnbull.js';
import { historyIndex, patchSubjects, type Subject } from '../observe/timeToPatch.js';
import { DAY_MS, rankKey, type FunctionRow } from '../observe/tables.js';
import { expectedFirstSightingDelayMs } from './firstSighting.js';
import { directWindow, hazardWindow, type WindowFit } from './phase2Window.js';
import type { Observed } from './readObserved.js';

export const HOUR_MS = 3_600_000;
/** Direct evidence (published versions, or the inventory) is used when at least this many such functions moved. */
export const MIN_DIRECT_MOVES = 10;
/**
 * Waves are regular when every gap between fitted publications is within this share of the
 * median gap, or within two standard errors of the gap (each publication's error is about its
 * expected first-sighting delay, the delay being roughly exponential).
 */
export const REGULAR_GAP_SHARE = 0.25;

export interface Fitted<T> {
  readonly value: T;
  readonly evidence: string;
}

export interface RegionPublication {
  readonly region: string;
  /** ms from time 0; Infinity when never seen there. */
  readonly atMs: number;
  /** Expected delay of the first sighting there (about its standard error too: the delay is roughly exponential). */
  readonly delayMs: number;
  readonly evidence: string;
}

export interface FittedRelease {
  readonly runtime: string;
  readonly label: string;
  readonly arns: readonly string[];
  readonly publications: readonly RegionPublication[];
  /** Regular waves: order and interval; else null (then `publishedAt`). */
  readonly regular: { readonly order: readonly string[]; readonly intervalMs: number } | null;
  readonly window: Fitted<WindowFit> | null;
}

export interface FittedScenario {
  readonly epochMs: number;
  readonly horizonMs: number;
  readonly functions: Fitted<number>;
  readonly regions: Fitted<readonly [string, number][]>;
  readonly runtimes: Fitted<readonly [string, number][]>;
  readonly current: readonly { readonly runtime: string; readonly label: string; readonly arns: readonly string[] }[];
  readonly architectures: Fitted<readonly [string, number][]>;
  readonly packageTypes: Fitted<readonly [string, number][]>;
  readonly updateModes: Fitted<readonly [string, number][]>;
  readonly publishedVersionShare: Fitted<number>;
  readonly deployIntervalMs: Fitted<number>;
  readonly environmentLifetimeMs: Fitted<number>;
  readonly releases: readonly FittedRelease[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const days = (ms: number): string => `${(ms / DAY_MS).toFixed(2)} d`;
const isoOf = (ms: number): string => new Date(ms).toISOString();

function counts(keys: readonly string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => cmp(a[0], b[0]));
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const gapMs = (f: FunctionRow): number => (f.inits >= 2 ? (f.lastMs - f.firstMs) / (f.inits - 1) : Number.NaN);

export function fitScenario(o: Observed): FittedScenario {
  const epochMs = Math.floor(o.startMs / DAY_MS) * DAY_MS;
  const horizonMs = Math.max(HOUR_MS, Math.ceil((o.endMs + 1 - epochMs) / HOUR_MS) * HOUR_MS);
  const fleetRows = o.functions.filter((f) => f.qualifier === '$LATEST');
  const base = fleetRows.length > 0 ? fleetRows : o.functions;
  const gaps = o.functions.map(gapMs).filter(Number.isFinite);
  const lifetimeMs = Math.max(60_000, Math.round(median(gaps) / 60_000) * 60_000);
  const history = historyIndex(o.transitions);
  const inventoryRows = base.filter((f) => f.inventory !== null);

  // Deploy rate from the inventory: time since LastModified is exponential with mean 1/λ for a Poisson deployer.
  const ages = inventoryRows.flatMap((f) => (f.inventory!.lastModifiedMs === null ? [] : [o.endMs - f.inventory!.lastModifiedMs]));
  const inventoryRatePerMs = ages.length > 0 ? ages.length / ages.reduce((a, b) => a + b, 0) : Number.NaN;

  const releases: FittedRelease[] = [];
  let autoShare: Fitted<number> | null = null;
  let hazardRatePerMs = Number.NaN;
  const runtimes = [...new Set(o.versions.map((v) => v.runtime))].sort(cmp);
  for (const runtime of runtimes) {
    const labels = [...new Set(o.versions.filter((v) => v.runtime === runtime).map((v) => v.label))].sort((a, b) => o.rank.get(rankKey(runtime, a))! - o.rank.get(rankKey(runtime, b))!);
    for (const label of labels.slice(1)) {
      const fitted = fitRelease(o, runtime, label, history, inventoryRatePerMs, epochMs);
      releases.push(fitted.release);
      if (autoShare === null && fitted.autoShare !== null) autoShare = fitted.autoShare;
      if (!Number.isFinite(hazardRatePerMs) && Number.isFinite(fitted.hazardRatePerMs)) hazardRatePerMs = fitted.hazardRatePerMs;
    }
  }

  // One entry per function (log group × region), whatever versions it publishes.
  const perFunction = [...new Map(o.functions.map((f) => [`${f.fn}\u0000${f.region}`, f])).values()];
  const modes = inventoryRows.flatMap((f) => (f.inventory!.updateMode === null || f.inventory!.packageType === 'Image' ? [] : [f.inventory!.updateMode]));
  const rate = Number.isFinite(inventoryRatePerMs) ? inventoryRatePerMs : hazardRatePerMs;
  const deployIntervalMs = rate > 0 ? Math.round(1 / rate / HOUR_MS) * HOUR_MS : 14 * DAY_MS;
  const distinct = new Set(o.functions.map((f) => `${f.fn}\u0000${f.region}`));
  const withPublished = new Set(o.functions.filter((f) => f.qualifier !== '$LATEST').map((f) => `${f.fn}\u0000${f.region}`));
  return {
    epochMs,
    horizonMs,
    functions: { value: distinct.size, evidence: `distinct functions (log group × region) seen, ${o.functions.length} function versions` },
    regions: { value: counts(perFunction.map((f) => f.region)), evidence: 'functions seen per region' },
    runtimes: { value: counts(perFunction.map((f) => f.runtime)), evidence: 'functions seen per runtime' },
    current: runtimes.map((runtime) => {
      const label = o.versions.find((v) => v.runtime === runtime && o.rank.get(rankKey(runtime, v.label)) === 0)!.label;
      return { runtime, label, arns: o.versions.filter((v) => v.runtime === runtime && v.label === label).map((v) => v.arn) };
    }),
    architectures: inventoryRows.length > 0
      ? { value: counts(inventoryRows.map((f) => f.inventory!.architecture)), evidence: `inventory, ${inventoryRows.length} functions` }
      : { value: [['x86_64', 1]], evidence: 'not in INIT_START lines (R6: the ARN differs per architecture but does not name it); give --inventory' },
    packageTypes: inventoryRows.length > 0
      ? { value: counts(inventoryRows.map((f) => f.inventory!.packageType)), evidence: `inventory, ${inventoryRows.length} functions` }
      : { value: [['Zip', 1]], evidence: 'image functions cannot be told apart in INIT_START lines; give --inventory' },
    updateModes: modes.length > 0
      ? { value: counts(modes), evidence: `inventory UpdateRuntimeOn, ${modes.length} Zip functions` }
      : autoShare !== null
        ? { value: [['Auto', autoShare.value], ['FunctionUpdate', 1 - autoShare.value]], evidence: autoShare.evidence }
        : { value: [['Auto', 1]], evidence: 'no release seen to tell modes apart (R2: Auto is the default)' },
    publishedVersionShare: { value: Math.round((withPublished.size / Math.max(1, distinct.size)) * 1000) / 1000, evidence: `${withPublished.size} of ${distinct.size} functions have [N] log streams (published versions, R14)` },
    deployIntervalMs: Number.isFinite(inventoryRatePerMs)
      ? { value: deployIntervalMs, evidence: `mean time since LastModified of ${ages.length} inventory functions (exponential for Poisson deploys)` }
      : rate > 0
        ? { value: deployIntervalMs, evidence: `1 / the move hazard outside phase 2 (${(rate * DAY_MS).toFixed(4)} per function per day): before phase 2 only deploys move functions (R8)` }
        : { value: deployIntervalMs, evidence: 'no evidence of deploys; the default' },
    environmentLifetimeMs: { value: lifetimeMs, evidence: `median gap between inits of ${gaps.length} function versions (about one warm environment each, R15)` },
    releases,
  };
}

interface ReleaseFit {
  readonly release: FittedRelease;
  readonly autoShare: Fitted<number> | null;
  readonly hazardRatePerMs: number;
}

function fitRelease(o: Observed, runtime: string, label: string, history: ReturnType<typeof historyIndex>, inventoryRatePerMs: number, epochMs: number): ReleaseFit {
  const rows = o.versions.filter((v) => v.runtime === runtime && v.label === label);
  const firstSeen = new Map<string, number>();
  for (const v of rows) firstSeen.set(v.region, Math.min(firstSeen.get(v.region) ?? Number.POSITIVE_INFINITY, v.firstMs));
  const fleetRegions = [...new Set(o.functions.filter((f) => f.runtime === runtime || history.has(`${f.fn}\u0000${f.region}\u0000${f.qualifier}`)).map((f) => f.region))].sort(cmp);
  const subjectsAt = (pub: ReadonlyMap<string, number>): Map<string, Subject[]> =>
    new Map([...pub].map(([region, publishedMs]) => [region, patchSubjects(o.functions, history, o.rank, { runtime, label, region, publishedMs })]));
  const pooled = (s: Map<string, Subject[]>, keep: (x: Subject) => boolean): Interval[] => [...s.values()].flat().filter(keep).map((x) => x.interval);
  const latest = (x: Subject): boolean => x.row.qualifier === '$LATEST';
  const horizonOf = (pub: ReadonlyMap<string, number>): number => Math.min(...[...pub.values()].map((p) => o.endMs - p));

  // Pass 1: publication = first sighting.
  const pass1 = subjectsAt(firstSeen);
  const w1 = hazardWindow(pooled(pass1, latest), horizonOf(firstSeen));
  const lambda = Number.isFinite(inventoryRatePerMs) ? inventoryRatePerMs : (w1?.baselinePerMs ?? 0);
  // Pass 2: publication = first sighting − expected delay of the first sighting.
  const pub = new Map<string, number>();
  const publications: RegionPublication[] = [];
  for (const region of fleetRegions) {
    const seen = firstSeen.get(region);
    if (seen === undefined) {
      publications.push({ region, atMs: Number.POSITIVE_INFINITY, delayMs: Number.NaN, evidence: 'never seen in this region: not published there during the logs' });
      continue;
    }
    // Deploys move $LATEST; a published version is immutable (R14), so only Lambda moves it.
    const n = (pass1.get(region) ?? []).filter(latest).length;
    const g = median(o.functions.filter((f) => f.region === region).map(gapMs).filter(Number.isFinite));
    const delay = Math.min(seen - epochMs, expectedFirstSightingDelayMs(n * lambda, Number.isFinite(g) ? g : 0));
    const at = Number.isFinite(delay) ? seen - delay : seen;
    pub.set(region, at);
    publications.push({ region, atMs: at - epochMs, delayMs: Number.isFinite(delay) ? delay : 0, evidence: `first seen ${isoOf(seen)}, less the expected delay of a first sighting ${(delay / HOUR_MS).toFixed(1)} h (${n} functions moving at ${(lambda * DAY_MS).toFixed(4)}/day, seen every ${(g / HOUR_MS).toFixed(1)} h)` });
  }
  const subjects = subjectsAt(pub);
  const published = pooled(subjects, (x) => x.moved && x.row.qualifier !== '$LATEST');
  const inventoryDirect = [...subjects].flatMap(([region, list]) => list.filter((x) => x.moved && x.row.inventory?.updateMode === 'Auto' && x.row.inventory.lastModifiedMs !== null && x.row.inventory.lastModifiedMs < pub.get(region)!).map((x) => x.interval));
  let window: Fitted<WindowFit> | null = null;
  const latestIntervals = pooled(subjects, latest);
  const w2 = hazardWindow(latestIntervals, horizonOf(pub));
  if (published.length >= MIN_DIRECT_MOVES) {
    const w = directWindow(published);
    if (w !== null) window = { value: w, evidence: `span of the moves of ${published.length} published versions ([N] streams; R14: immutable, so only phase 2 moves them)` };
  } else if (inventoryDirect.length >= MIN_DIRECT_MOVES) {
    const w = directWindow(inventoryDirect);
    if (w !== null) window = { value: w, evidence: `span of the moves of ${inventoryDirect.length} Auto functions not deployed since publication (inventory LastModified)` };
  }
  if (window === null && w2 !== null) {
    window = { value: w2, evidence: `where the move hazard of ${latestIntervals.length} $LATEST functions jumps up and falls back (Turnbull, change points in 6 h bins; edges ±6 h)` };
  }
  let autoShare: Fitted<number> | null = null;
  if (window !== null && latestIntervals.length > 0 && w2 !== null) {
    const end = window.value.startAfterMs + window.value.durationMs;
    const moved = turnbullCdf(turnbull(latestIntervals), end);
    const byDeploys = 1 - Math.exp(-w2.baselinePerMs * end);
    const a = Math.min(1, Math.max(0, (moved - byDeploys) / Math.max(1e-9, 1 - byDeploys)));
    autoShare = { value: Math.round(a * 1000) / 1000, evidence: `${label}: ${(moved * 100).toFixed(1)}% of ${latestIntervals.length} functions moved by the end of phase 2, deploys alone explain ${(byDeploys * 100).toFixed(1)}% (R9)` };
  }
  const seenOrder = publications.filter((p) => Number.isFinite(p.atMs)).sort((a, b) => a.atMs - b.atMs || cmp(a.region, b.region));
  const gaps = seenOrder.slice(1).map((p, i) => p.atMs - seenOrder[i]!.atMs);
  const noise = seenOrder.slice(1).map((p, i) => 2 * Math.hypot(p.delayMs, seenOrder[i]!.delayMs));
  const mid = median(gaps);
  const regular = seenOrder.length === fleetRegions.length && (gaps.length === 0 || gaps.every((g, i) => Math.abs(g - mid) <= Math.max(REGULAR_GAP_SHARE * mid, noise[i]!, HOUR_MS)))
    ? { order: seenOrder.map((p) => p.region), intervalMs: gaps.length === 0 ? 0 : Math.round(mid / 60_000) * 60_000 }
    : null;
  return {
    release: { runtime, label, arns: rows.map((r) => r.arn), publications: [...seenOrder, ...publications.filter((p) => !Number.isFinite(p.atMs))], regular, window },
    autoShare,
    hazardRatePerMs: w2?.baselinePerMs ?? Number.NaN,
  };
}
