/**
 * The sampled INIT_START log of one replication (R15): when each function's execution
 * environments start, and on which runtime version. Pure: it reads the fleet's columns and
 * the replication's change log, and draws from one named stream.
 *
 * Model (R15: each new environment logs one INIT_START line, at init only, and keeps the
 * runtime version live at its init for its whole life):
 *
 *   - A function keeps E_f = idle + invocationsPerDay × invocationDuration / 1 day warm
 *     environments: its mean busy concurrency (Little's law) plus `fleet.idleEnvironments`
 *     idle ones (default 1).
 *   - Each environment lives an exponential lifetime of mean L = `environmentLifetime` and is
 *     then replaced, so inits form a Poisson process of rate E_f / L, from the function's
 *     creation to the horizon (the warm pool at time 0 and at creation is not logged).
 *   - Only a share `sample` of inits is written. The thinned process is again Poisson, of rate
 *     sample × E_f / L, and is drawn directly: unsampled inits are never generated.
 *   - An init at t starts on the function's live version at t: its runtime's current version
 *     for a function that exists at time 0, then the `toVersion` of every change-log row that
 *     changes the live version (move, create, alias rollback, pin, image rollback) with
 *     atMs ≤ t. So no init runs a version before the function switched to it, and the old
 *     version's inits stop at the switch while its warm environments (not logged) fade out.
 *   - Each init also carries the serving qualifier (`$LATEST` or the alias's published version
 *     number) and the function's architecture at the init, from the same rows (migrations
 *     change the architecture, R13), for the log stream name and the ARN.
 *
 * Times are whole milliseconds (floored), as CloudWatch timestamps are. Randomness comes only
 * from the stream (seed, 'initStart', replication), drawn function by function in id order.
 */
import { inventoryServingVersions } from '../fleet/placeInventory.js';
import { exponential } from '../../kernel/distributions.js';
import { createStream } from '../../kernel/random.js';
import type { Scenario } from '../spec.js';
import type { VersionTable } from '../catalog/versionTable.js';
import {
  ACTION_ALIAS_ROLLBACK,
  ACTION_CREATE,
  ACTION_IMAGE_ROLLBACK,
  ACTION_MIGRATE,
  ACTION_MOVE,
  ACTION_PIN,
  type ChangeRows,
} from '../measure/changeLog.js';
import { GrowableColumns } from '../measure/growableColumns.js';
import { DAY_MS } from '../units.js';

/** The fleet columns the log needs, indexed by function id (as in `FleetState`). */
export interface InitStartFunctions {
  /** Index into `scenario.fleet.regions`. */
  readonly region: Uint8Array;
  /** Index into `scenario.fleet.architectures`. */
  readonly architecture: Uint8Array;
  /** Index into `scenario.runtimes`. */
  readonly runtime: Uint8Array;
  readonly hasAlias: Uint8Array;
  /** Serving qualifier at time 0 (or creation): 0 = `$LATEST`, else the alias's published version number. */
  readonly qualifier: Uint16Array;
  /** Architecture at time 0 (or creation); `architecture` is the one at the horizon. */
  readonly architecture0: Uint8Array;
  readonly invocationsPerDay: Float32Array;
  readonly createdMs: Float64Array;
  readonly count: number;
}

export interface InitStartInput {
  readonly scenario: Scenario;
  readonly versions: VersionTable;
  readonly seed: number;
  readonly replication: number;
  readonly functions: InitStartFunctions;
  /** The replication's change log, in time order (as recorded). */
  readonly changes: ChangeRows;
  /** Share of inits written, in (0, 1]. */
  readonly sample: number;
}

/** Written inits, sorted by timestamp, then function id, then environment. */
export interface InitStartEvents {
  readonly replication: number;
  readonly length: number;
  /** Simulated time of the init, whole ms from 0. */
  readonly timestampMs: Float64Array;
  readonly functionId: Int32Array;
  /** Runtime version the environment starts on (and keeps, R15). */
  readonly version: Uint16Array;
  /** 0, 1, 2, … per function, in init order: which of its written environments this is. */
  readonly environmentId: Float64Array;
  /** Serving qualifier at the init: 0 = `$LATEST`, else the published version number. */
  readonly qualifier: Uint16Array;
  /** The function's architecture at the init (index into the fleet spec's list). */
  readonly architecture: Uint8Array;
}

/** Actions of the change log that change a function's serving version, qualifier or architecture. */
const CHANGES_VERSION = new Set([ACTION_MOVE, ACTION_CREATE, ACTION_ALIAS_ROLLBACK, ACTION_PIN, ACTION_IMAGE_ROLLBACK, ACTION_MIGRATE]);

/** Warm environments of a function (busy concurrency plus `idle` idle ones, default 1): E_f. */
export function warmEnvironments(invocationsPerDay: number, invocationDurationMs: number, idle = 1): number {
  return idle + (invocationsPerDay * invocationDurationMs) / DAY_MS;
}

export function generateInitStartEvents(input: InitStartInput): InitStartEvents {
  const { scenario, versions, functions, sample } = input;
  if (!(sample > 0 && sample <= 1)) throw new RangeError(`initStart: sample must be in (0, 1], got ${sample}`);
  const lifetimeMs = scenario.fleet.environmentLifetimeMs;
  const durationMs = scenario.fleet.invocationDurationMs;
  if (!(lifetimeMs > 0)) throw new RangeError(`initStart: environmentLifetimeMs must be > 0, got ${lifetimeMs}`);
  if (!(durationMs > 0)) throw new RangeError(`initStart: invocationDurationMs must be > 0, got ${durationMs}`);

  const timeline = versionTimeline(input);
  const stream = createStream(input.seed, 'initStart', input.replication);
  const horizonMs = scenario.horizonMs;
  const out = new GrowableColumns({
    timestampMs: Float64Array, functionId: Int32Array, version: Uint16Array, environmentId: Float64Array, qualifier: Uint16Array, architecture: Uint8Array,
  });

  // An inventory's functions start on the version they serve at time 0 (fleet/placeInventory.ts).
  const startVersions = inventoryServingVersions(scenario, versions);
  for (let f = 0; f < functions.count; f++) {
    const runtime = functions.runtime[f]!;
    const current = f < startVersions.length ? startVersions[f] : versions.currentVersion[runtime];
    if (current === undefined) throw new Error(`initStart: function ${f} has runtime index ${runtime}, which has no version`);
    const ratePerMs = (sample * warmEnvironments(functions.invocationsPerDay[f]!, durationMs, scenario.fleet.idleEnvironments)) / lifetimeMs;
    const meanGapMs = 1 / ratePerMs;
    let live = current;
    let qualifier = functions.qualifier[f]!;
    let architecture = functions.architecture0[f]!;
    let next = timeline.start[f]!;
    const end = timeline.start[f + 1]!;
    let environment = 0;
    for (let t = functions.createdMs[f]! + exponential(stream, meanGapMs); t < horizonMs; t += exponential(stream, meanGapMs)) {
      const atMs = Math.floor(t);
      while (next < end && timeline.atMs[next]! <= atMs) {
        live = timeline.toVersion[next]!;
        qualifier = timeline.qualifier[next]!;
        architecture = timeline.architecture[next++]!;
      }
      out.push([atMs, f, live, environment++, qualifier, architecture]);
    }
  }
  return sortedEvents(input.replication, out.view());
}

interface Timeline {
  /** Rows of function f are [start[f], start[f + 1]), in time order. */
  readonly start: Uint32Array;
  readonly atMs: Float64Array;
  readonly toVersion: Uint16Array;
  readonly qualifier: Uint16Array;
  readonly architecture: Uint8Array;
}

/** The version-changing rows of the change log, grouped by function (a stable counting sort). */
function versionTimeline({ changes, functions, versions }: InitStartInput): Timeline {
  const n = functions.count;
  const start = new Uint32Array(n + 1);
  const kept: number[] = [];
  let lastMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < changes.atMs.length; i++) {
    const atMs = changes.atMs[i]!;
    if (atMs < lastMs) throw new Error(`initStart: change log row ${i} at ${atMs} ms is before the previous row (${lastMs} ms)`);
    lastMs = atMs;
    if (!CHANGES_VERSION.has(changes.action[i]!)) continue;
    const f = changes.functionId[i]!;
    if (!(f >= 0 && f < n)) throw new Error(`initStart: change log row ${i} names function ${f}; the fleet has ${n}`);
    const to = changes.toVersion[i]!;
    if (to >= versions.count) throw new Error(`initStart: change log row ${i} moves function ${f} to unknown version ${to}`);
    start[f + 1]!++;
    kept.push(i);
  }
  for (let f = 0; f < n; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, n);
  const atMs = new Float64Array(kept.length);
  const toVersion = new Uint16Array(kept.length);
  const qualifier = new Uint16Array(kept.length);
  const architecture = new Uint8Array(kept.length);
  for (const i of kept) {
    const at = fill[changes.functionId[i]!]!++;
    atMs[at] = changes.atMs[i]!;
    toVersion[at] = changes.toVersion[i]!;
    qualifier[at] = changes.qualifier[i]!;
    architecture[at] = changes.architecture[i]!;
  }
  return { start, atMs, toVersion, qualifier, architecture };
}

function sortedEvents(
  replication: number,
  rows: { timestampMs: Float64Array; functionId: Int32Array; version: Uint16Array; environmentId: Float64Array; qualifier: Uint16Array; architecture: Uint8Array },
): InitStartEvents {
  const length = rows.timestampMs.length;
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  // Rows are grouped by function, each in time order: sorting by (time, function) and, for one
  // function at one ms, by row index (= environment order) is a total order.
  order.sort((a, b) => rows.timestampMs[a]! - rows.timestampMs[b]! || rows.functionId[a]! - rows.functionId[b]! || a - b);
  const events = {
    replication,
    length,
    timestampMs: new Float64Array(length),
    functionId: new Int32Array(length),
    version: new Uint16Array(length),
    environmentId: new Float64Array(length),
    qualifier: new Uint16Array(length),
    architecture: new Uint8Array(length),
  };
  for (let k = 0; k < length; k++) {
    const i = order[k]!;
    events.timestampMs[k] = rows.timestampMs[i]!;
    events.functionId[k] = rows.functionId[i]!;
    events.version[k] = rows.version[i]!;
    events.environmentId[k] = rows.environmentId[i]!;
    events.qualifier[k] = rows.qualifier[i]!;
    events.architecture[k] = rows.architecture[i]!;
  }
  return events;
}
