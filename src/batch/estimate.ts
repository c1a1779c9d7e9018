/**
 * Run budgeting: what a run will cost before it starts, peak memory and output size, from
 * the scenario alone (pure; no clock, no machine). A run that would not fit is refused
 * (resources.ts) with a message that says which part is large and how to shrink it, instead
 * of failing hours later with an out-of-memory crash or a full disk.
 *
 * Model of one replication (one unit of work on one worker thread):
 *   - transient: the fleet's records (fleetBytesPerFunction(retain) per function: its fields
 *     and its retain + 1 version slots, capacity doubling
 *     with creations), the event queue (one pending move per function, as an entity timer,
 *     and one pending event per migrating function and per publication), the live group
 *     counts, and 10 MB of JS heap garbage and code;
 *   - retained (its result, then its encoded copy in the work folder): patch rows (one per
 *     function × release that reached its region, 23 bytes, plus as much again while the
 *     chunks are concatenated), timeseries rows (12 bytes per sample × non-empty group), the
 *     change trace (18 bytes a row), the INIT_START log, exposure totals and episodes, the
 *     survival histogram (1 MiB), the function columns.
 * Peak memory = workers × (transient + 2 × retained) + one decoded replication on the main
 * thread while the outputs are written. Growable columns double, so row tables are counted
 * at 1.5 × their bytes (the expected capacity of a doubling array).
 *
 * Row counts are expectations: functions × releases reaching their region (exact from the
 * publication waves), samples × min(functions, groups that can be non-empty with half the
 * releases out), creations
 * (`createdPerDay` × horizon), migrations, and inits = sample × E[environments] / lifetime ×
 * horizon with E[invocations] = median × e^(σ²/2). Output bytes are rows × bytes per row of
 * each CSV/NDJSON file (measured on this project's files, names of usual length); Parquet
 * copies are smaller and not counted.
 */
import type { Scenario } from '../model/spec.js';
import { EXPOSURE_FIELDS } from '../model/exposure/exposureState.js';
import { COMMERCIAL_REGIONS } from '../model/catalog/regions.js';
import { buildVersionTable, REGION_COUNT } from '../model/catalog/versionTable.js';
import { fleetBytesPerFunction, MODE_SLOTS } from '../model/fleet/fleetState.js';
import { CHANGE_CHUNK_ROWS } from '../model/measure/changeLog.js';
import { PATCH_CHUNK_ROWS } from '../model/measure/patchLog.js';
import { SURVIVAL_BINS } from '../model/measure/survival.js';
import { DAY_MS } from '../model/units.js';

export interface EstimateOptions {
  /** Replications per sweep point. */
  readonly replications: number;
  /** patches.csv is written (`--no-patches` off). */
  readonly keepPatches: boolean;
  /** The change trace is kept (events.ndjson). */
  readonly keepChanges: boolean;
  /** Replications simulated at once (worker threads); default 1. */
  readonly workers?: number;
  /** Sweep points, each run `replications` times; default 1. */
  readonly points?: number;
  /**
   * Patch rows and the change trace are spilled to the work folder chunk by chunk (a run on one
   * machine): one chunk in memory.
   */
  readonly spillPatches?: boolean;
}

/** Bytes (memory) of one replication, by part. */
export interface ReplicationBytes {
  readonly fleet: number;
  readonly eventQueue: number;
  readonly groupCounts: number;
  readonly patches: number;
  readonly timeseries: number;
  readonly changes: number;
  readonly initStart: number;
  readonly exposure: number;
  readonly survival: number;
  readonly functionColumns: number;
}

export interface RunEstimate {
  /** Expected rows of one replication. */
  readonly rows: {
    readonly patches: number;
    readonly timeseries: number;
    readonly changes: number;
    readonly initStart: number;
    readonly functionsAtHorizon: number;
  };
  readonly replication: ReplicationBytes;
  /** Transient + retained bytes of one replication while it is simulated. */
  readonly replicationBytes: number;
  /** Bytes of one replication's result: held again while it is encoded, and when decoded for writing. */
  readonly retainedBytes: number;
  readonly workers: number;
  readonly units: number;
  /** Peak memory of the whole run. */
  readonly peakMemoryBytes: number;
  /** Bytes of each output file (CSV, NDJSON, JSON). */
  readonly outputs: Readonly<Record<string, number>>;
  readonly outputBytes: number;
}

/** Bytes per row of the output files, measured on the scenarios in scenarios/ (rounded up). */
export const OUTPUT_BYTES_PER_ROW = {
  'patches.csv': 82,
  'timeseries.csv': 70,
  'events.ndjson': 175,
  'init_start.ndjson': 320,
  'catalog.csv': 150,
  'exposure.csv': 100,
  'episodes.csv': 105,
  'releases.csv': 70,
} as const;

const PATCH_ROW_BYTES = 4 + 2 + 8 + 8 + 1;
const TIMESERIES_ROW_BYTES = 3 * 4;
const CHANGE_ROW_BYTES = 8 + 4 + 1 + 2 + 2 + 1 + 2 + 1;
/** Written INIT_START event (22 bytes) plus its growable copy, sort order and sorted copy while it is made. */
const INIT_START_EVENT_BYTES = 22 + 1.5 * 22 + 4;
const EPISODE_ROW_BYTES = 3 * 4 + 5 * 8 + 1;
/** One pending event: a 32-byte radix-heap entry in 64-entry blocks that double, and its slot (13 bytes). */
const EVENT_BYTES = 2 * 32 + 13;
/** A function's pending move, its entity timer: a 24-byte entry in blocks that double, and its token (8 bytes). */
const TIMER_BYTES = 2 * 24 + 8;
/** Expected capacity of a doubling array over its length. */
const GROWTH = 1.5;
/** Chunks being written, the summary and what the process holds apart from result data. */
const WRITER_BYTES = 8 * 2 ** 20;
/** Per replication: garbage the JS heap's young generation holds before it is collected, compiled code (measured: 5–10 MB). */
const REPLICATION_OVERHEAD_BYTES = 10 * 2 ** 20;

/**
 * Estimates a run of `scenario`. Pure: the same scenario and options always give the same
 * figures. Non-finite inputs (a rate so large it overflows) give Infinity, never NaN.
 */
export function estimateRun(scenario: Scenario, options: EstimateOptions): RunEstimate {
  const { fleet } = scenario;
  const versions = buildVersionTable(scenario);
  const horizonMs = scenario.horizonMs;
  const horizonDays = horizonMs / DAY_MS;
  const regions = fleet.regions.length;
  const architectures = fleet.architectures.length;

  // Releases of each runtime that reach each fleet region by the horizon (R10).
  const runtimeIndex = (id: string): number => scenario.runtimes.findIndex((r) => r.id === id);
  const reached = (k: number, regionName: string): number => {
    const catalog = COMMERCIAL_REGIONS.indexOf(regionName as (typeof COMMERCIAL_REGIONS)[number]);
    let n = 0;
    for (const v of versions.byRuntime[k] ?? []) {
      if (versions.releaseIndex[v]! >= 0 && versions.publishedMs[v * REGION_COUNT + catalog]! <= horizonMs) n++;
    }
    return n;
  };
  let releasesPerFunction = 0;
  let liveVersionSlots = 0;
  for (const r of fleet.regions) {
    for (const k of fleet.runtimes) {
      const n = reached(runtimeIndex(k.name), r.name);
      releasesPerFunction += r.weight * k.weight * n;
      // Over the run, on average half the releases are out: groups per sample grow from 1 to 1 + n versions.
      liveVersionSlots += 1 + n / 2;
    }
  }

  const initial = fleet.functions;
  const created = fleet.createdPerDay * horizonDays;
  const functions = initial + created;
  // A created function is on the latest version and meets only the releases after its creation: half, on average.
  const averageFunctions = initial + created / 2;

  const zipShare = fleet.packageTypes.find((p) => p.name === 'Zip')?.weight ?? 0;
  const imageShare = fleet.packageTypes.find((p) => p.name === 'Image')?.weight ?? 0;
  const modeGroups = (zipShare > 0 ? fleet.updateModes.length : 0) + (imageShare > 0 ? 1 : 0);
  const samples = Math.floor(horizonMs / scenario.sampleEveryMs) + 1;
  const groupsPerSample = Math.min(functions, liveVersionSlots * architectures * modeGroups);

  const migrations = initial * scenario.owners.migrations.perFunctionPerDay * horizonDays;
  const incompatibleShare = scenario.releases.reduce((sum, r) => sum + (r.incompatibility?.share ?? 0), 0);
  const episodes = Math.min(averageFunctions * incompatibleShare, averageFunctions * scenario.releases.length);
  const patchRows = averageFunctions * releasesPerFunction;
  const changeRows = options.keepChanges || scenario.outputs.initStartLog !== null
    ? patchRows + created + migrations + 6 * episodes
    : 0;

  const initStartSample = scenario.outputs.initStartLog?.sample ?? 0;
  const meanInvocationsPerDay = fleet.invocationsPerDay.median * Math.exp((fleet.invocationsPerDay.sigma ** 2) / 2);
  const environments = 1 + (meanInvocationsPerDay * fleet.invocationDurationMs) / DAY_MS;
  const initStartEvents = initStartSample > 0
    ? initStartSample * averageFunctions * environments * (horizonMs / fleet.environmentLifetimeMs)
    : 0;

  let capacity = Math.max(16, initial);
  while (capacity < functions) capacity *= 2;
  const pendingEvents = (migrations > 0 ? functions : 0) + versions.count * regions + 1024;

  const replication: ReplicationBytes = {
    fleet: fleetBytesPerFunction(fleet.publishedVersions.retain) * capacity,
    eventQueue: EVENT_BYTES * pendingEvents + TIMER_BYTES * functions,
    groupCounts: regions * architectures * 2 * MODE_SLOTS * versions.count * 4,
    // Kept rows, plus as much again while the chunks are joined; with --no-patches they are only hashed.
    // Spilled: one chunk being filled, and one read back by the writers.
    patches: !options.keepPatches ? 0 : options.spillPatches === true ? 2 * PATCH_ROW_BYTES * Math.min(patchRows, PATCH_CHUNK_ROWS) : 2 * PATCH_ROW_BYTES * patchRows,
    timeseries: GROWTH * TIMESERIES_ROW_BYTES * samples * groupsPerSample,
    // Spilled on one machine (events.ndjson only): the rows since the last handed-on chunk (at
    // least a chunk, and up to a sample interval's more: they are sorted at each sample), and
    // one chunk read back by the writer; the unit that makes the INIT_START log keeps every change.
    changes: options.spillPatches === true && scenario.outputs.initStartLog === null
      ? 2 * CHANGE_ROW_BYTES * Math.min(changeRows, CHANGE_CHUNK_ROWS + Math.ceil(changeRows / Math.max(1, samples)))
      : GROWTH * CHANGE_ROW_BYTES * changeRows,
    initStart: INIT_START_EVENT_BYTES * initStartEvents,
    exposure: Math.max(1, scenario.releases.length) * regions * architectures * MODE_SLOTS * EXPOSURE_FIELDS.length * 8
      + GROWTH * EPISODE_ROW_BYTES * episodes,
    survival: 2 * SURVIVAL_BINS * 8,
    functionColumns: 5 * functions,
  };
  const transient = replication.fleet + replication.eventQueue + replication.groupCounts + REPLICATION_OVERHEAD_BYTES;
  const retained = replication.patches / 2 + replication.timeseries + replication.changes + replication.initStart
    + replication.exposure + replication.survival + replication.functionColumns;
  const replicationBytes = transient + replication.patches / 2 + retained;

  const points = Math.max(1, options.points ?? 1);
  const units = points * options.replications;
  const workers = Math.max(1, Math.min(options.workers ?? 1, units));
  // Each worker holds one replication and its encoded copy; the main thread decodes one at a time to write.
  const peakMemoryBytes = workers * (replicationBytes + retained) + retained + WRITER_BYTES;

  const per = OUTPUT_BYTES_PER_ROW;
  const outputs: Record<string, number> = {
    'summary.json': 20_000 + 1_500 * units,
    'timeseries.csv': per['timeseries.csv'] * samples * groupsPerSample * units,
    'exposure.csv': per['exposure.csv'] * Math.min(episodes, scenario.releases.length * regions * architectures * MODE_SLOTS) * units,
    'episodes.csv': per['episodes.csv'] * episodes * units,
    'catalog.csv': per['catalog.csv'] * versions.count * REGION_COUNT * 2,
    'releases.csv': per['releases.csv'] * scenario.releases.length * regions * units,
    'scenario.yaml': 4_000,
  };
  if (options.keepPatches) outputs['patches.csv'] = per['patches.csv'] * patchRows * units;
  if (options.keepChanges) outputs['events.ndjson'] = per['events.ndjson'] * changeRows * units;
  // The INIT_START log is written for one replication (of one point).
  if (initStartEvents > 0) outputs['init_start.ndjson'] = per['init_start.ndjson'] * initStartEvents;
  const outputBytes = Object.values(outputs).reduce((a, b) => a + b, 0);

  return {
    rows: { patches: patchRows, timeseries: samples * groupsPerSample, changes: changeRows, initStart: initStartEvents, functionsAtHorizon: functions },
    replication,
    replicationBytes: finite(replicationBytes),
    retainedBytes: finite(retained),
    workers,
    units,
    peakMemoryBytes: finite(peakMemoryBytes),
    outputs,
    outputBytes: finite(outputBytes),
  };
}

/** NaN (∞ − ∞, 0 × ∞ from an overflowing rate) becomes Infinity: "too big" is the only safe reading. */
function finite(x: number): number {
  return Number.isNaN(x) ? Number.POSITIVE_INFINITY : x;
}
