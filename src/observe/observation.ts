/**
 * What the INIT_START lines say, summed up as they stream in, in memory bounded by the number of
 * distinct (function version, runtime version) pairs and (hour, region, version) buckets, never
 * by the number of lines. Files may come in any order: every summary is order-free (min, max,
 * count). A function version is (function, region, qualifier): the same function name in two
 * regions is two functions, and `$LATEST` and `[7]` are two function versions (R7, R14).
 */
import { runtimeOfLabel, type Init } from './initStartLine.js';

export const HOUR_MS = 3_600_000;

export interface Sighting {
  firstMs: number;
  lastMs: number;
  inits: number;
}

export interface VersionSeen extends Sighting {
  readonly runtime: string;
  readonly label: string;
  readonly region: string;
  readonly arn: string;
}

export interface FunctionSeen extends Sighting {
  readonly fn: string;
  readonly region: string;
  readonly qualifier: string;
  /** Per runtime version ARN run by this function version. */
  readonly byArn: Map<string, Sighting>;
}

export interface Observation {
  readonly versions: Map<string, VersionSeen>;
  /** Keyed `function \0 region \0 qualifier`. */
  readonly functions: Map<string, FunctionSeen>;
  /** Inits per runtime version ARN per hour (hour index = floor(ms / 1 h)). */
  readonly hourly: Map<string, Map<number, number>>;
  /** The function version of the previous init (a cache of one). */
  lastFunction: FunctionSeen | null;
  inits: number;
  skipped: number;
  malformed: number;
  /** The first malformed lines (file:line: why), at most MAX_MALFORMED_LISTED. */
  readonly malformedListed: string[];
}

export const MAX_MALFORMED_LISTED = 20;

export function emptyObservation(): Observation {
  return { versions: new Map(), functions: new Map(), hourly: new Map(), lastFunction: null, inits: 0, skipped: 0, malformed: 0, malformedListed: [] };
}

function see(s: Sighting, atMs: number): void {
  if (atMs < s.firstMs) s.firstMs = atMs;
  if (atMs > s.lastMs) s.lastMs = atMs;
  s.inits++;
}

export function addInit(o: Observation, init: Init): void {
  o.inits++;
  let version = o.versions.get(init.arn);
  if (version === undefined) {
    version = { runtime: runtimeOfLabel(init.label), label: init.label, region: init.region, arn: init.arn, firstMs: init.timestampMs, lastMs: init.timestampMs, inits: 0 };
    o.versions.set(init.arn, version);
  }
  see(version, init.timestampMs);
  // Logs come grouped by function: the last one looked up is usually the one wanted.
  let fn = o.lastFunction;
  if (fn === null || fn.fn !== init.fn || fn.region !== init.region || fn.qualifier !== init.qualifier) {
    const key = `${init.fn}\u0000${init.region}\u0000${init.qualifier}`;
    fn = o.functions.get(key) ?? null;
    if (fn === null) {
      fn = { fn: init.fn, region: init.region, qualifier: init.qualifier, byArn: new Map(), firstMs: init.timestampMs, lastMs: init.timestampMs, inits: 0 };
      o.functions.set(key, fn);
    }
    o.lastFunction = fn;
  }
  see(fn, init.timestampMs);
  let onArn = fn.byArn.get(init.arn);
  if (onArn === undefined) {
    onArn = { firstMs: init.timestampMs, lastMs: init.timestampMs, inits: 0 };
    fn.byArn.set(init.arn, onArn);
  }
  see(onArn, init.timestampMs);
  let hours = o.hourly.get(init.arn);
  if (hours === undefined) {
    hours = new Map();
    o.hourly.set(init.arn, hours);
  }
  const hour = Math.floor(init.timestampMs / HOUR_MS);
  hours.set(hour, (hours.get(hour) ?? 0) + 1);
}

export function addMalformed(o: Observation, where: string, reason: string): void {
  o.malformed++;
  if (o.malformedListed.length < MAX_MALFORMED_LISTED) o.malformedListed.push(`${where}: ${reason}`);
}
