/**
 * One replication: a pure function from (scenario, replication, seed) to result columns.
 *
 *   1. catalog   – versions, their order and publication per region (R4, R10)
 *   2. fleet     – functions drawn from the weights, all on their runtime's current version
 *   3. schedule  – every publication in every fleet region, the first sample, the first creation
 *   4. run       – the kernel runs events up to the horizon; handlers in rollout/ and fleet/
 *   5. close     – stale intervals and censored patches booked at the horizon
 *   6. pack      – columns, totals and a digest of everything (packResult.ts)
 */
import { EventQueue } from '../kernel/eventQueue.js';
import { createKeyedUniform } from '../kernel/keyedRandom.js';
import { createStream } from '../kernel/random.js';
import type { Scenario } from './spec.js';
import { PACKAGE_TYPES } from './catalog/architectures.js';
import { COMMERCIAL_REGIONS } from './catalog/regions.js';
import { buildVersionTable, REGION_COUNT, type VersionTable } from './catalog/versionTable.js';
import { publishedAt, type ReplicationContext } from './context.js';
import {
  actsOnFunction, EV_BASE_IMAGE, EV_CREATE, EV_DETECT, EV_FIRST_FAILURE, EV_HALT, EV_MIGRATE, EV_MOVE, EV_PIN, EV_PUBLISH, EV_RESUME, EV_SAMPLE, EV_UNPIN,
} from './events.js';
import { ExposureTracker } from './exposure/exposureTracker.js';
import { ChangeLog, type ChangeSink } from './measure/changeLog.js';
import { onDetect, onFirstFailure } from './owners/detection.js';
import { migrate, scheduleNextMigration } from './owners/migrations.js';
import { pin, resume, unpin } from './owners/rollback.js';
import { haltRelease } from './rollout/halt.js';
import { Buckets } from './fleet/buckets.js';
import { createFunction, scheduleNextCreation } from './fleet/create.js';
import { createFunctionDraws, prepareFleetSampler } from './fleet/drawFunction.js';
import { placeInitialFleet } from './fleet/orderFleet.js';
import { FleetState } from './fleet/fleetState.js';
import { GroupCounts } from './measure/groupCounts.js';
import { PatchLog, type PatchSink } from './measure/patchLog.js';
import { StalenessMeter } from './measure/staleness.js';
import { SurvivalHistogram } from './measure/survival.js';
import type { ReplicationResult } from './result.js';
import { closeAtHorizon } from './rollout/horizon.js';
import { deprecationTimes } from './rollout/lifecycle.js';
import { onPendingMove } from './rollout/move.js';
import { publishBaseImage, publishInRegion } from './rollout/publish.js';
import { PostDatedMoves } from './rollout/postDatedMoves.js';
import { settleAll, settleMoves, settleWindow } from './rollout/settle.js';
import { VersionStalenessMeter } from './measure/versionStaleness.js';
import { TechnicalLag } from './measure/technicalLag.js';
import { packResult } from './packResult.js';

export interface SimulateOptions {
  /** Base seed (the scenario's, or `--seed`). */
  readonly seed: number;
  /** Keep patch rows (patches.csv); they are hashed either way. */
  readonly keepPatches: boolean;
  /**
   * Hand each full chunk of patch rows to this sink instead of keeping them (they are hashed
   * either way); the result's `patches` is then null. Bounded memory at any fleet size.
   */
  readonly patchSink?: PatchSink;
  /** Keep the change trace (for events.ndjson and the INIT_START log). */
  readonly keepChanges?: boolean;
  /**
   * Hand each full chunk of the change trace to this sink instead of keeping it; the result's
   * `changes` is then null. Ignored when the INIT_START log is made, which needs every change.
   */
  readonly changeSink?: ChangeSink;
  /** Generate the sampled INIT_START log with this share of inits written. */
  readonly initStartSample?: number;
  /** A version table already built for this scenario (it is the same for every replication). */
  readonly versions?: VersionTable;
  /**
   * Progress cell, written at each sample event and never read here: [0] the simulated time
   * reached (ms), [1] events run so far. A worker passes a view of a SharedArrayBuffer that
   * the main thread's progress timer reads (src/batch/progressCell.ts).
   */
  readonly progress?: Float64Array;
  /**
   * How functions' pending moves are kept: 'post-dated' (the default) keeps a move that
   * nothing can pre-empt in the function's record and applies it when the function is next
   * touched or sampled (rollout/postDatedMoves.ts); 'timers' runs every move as an entity
   * timer when the clock reaches it. Both give the same model: the same time series, patch
   * rows (in another order) and totals (floating-point sums up to rounding); tests compare them.
   */
  readonly moves?: 'post-dated' | 'timers';
}

/**
 * Moves run in time order, so each one reads the record of a function chosen at random (R8's
 * phase-2 draws). Every TOUCH_AHEAD-th move first reads the records of the TOUCH_AHEAD moves
 * after the next TOUCH_AHEAD (EventQueue.timerAhead), so that their cache misses overlap
 * instead of stalling one move each. Reading one record ahead per move gained nothing; the
 * batch of eight is what the entity timers' gain at 1 M functions comes from (docs/performance.md).
 */
const TOUCH_AHEAD = 8;

export function simulateReplication(scenario: Scenario, replication: number, options: SimulateOptions): ReplicationResult {
  const { seed } = options;
  // 1. catalog
  const versions = options.versions ?? buildVersionTable(scenario);
  const spec = scenario.fleet;
  const regionCount = spec.regions.length;
  const runtimeCount = scenario.runtimes.length;
  const runtimeCodes = Uint8Array.from(spec.runtimes.map((w) => scenario.runtimes.findIndex((r) => r.id === w.name)));

  // 2. fleet
  const fleet = new FleetState(spec.functions, spec.publishedVersions.retain);
  // Each function's pending move is its entity timer (EV_MOVE); everything else is an event.
  const queue = new EventQueue(Math.max(1024, versions.count * regionCount + 16), EV_MOVE);
  const groups = new GroupCounts(fleet, {
    regions: regionCount,
    architectures: spec.architectures.length,
    packageTypes: PACKAGE_TYPES.length,
    versions: versions.count,
  });
  const reachedMs = new Float64Array(versions.count * regionCount).fill(Number.POSITIVE_INFINITY);
  const expiresAtMs = new Float64Array(versions.count).fill(Number.POSITIVE_INFINITY);
  const imageReachedMs = new Float64Array(versions.count).fill(Number.POSITIVE_INFINITY);
  for (let v = 0; v < versions.count; v++) {
    const release = versions.releaseIndex[v]!;
    if (release < 0) {
      reachedMs.fill(0, v * regionCount, (v + 1) * regionCount);
      imageReachedMs[v] = 0;
      // R11: any version may expire, a runtime's starting version included.
      const expiresAt = scenario.runtimes[versions.runtimeIndex[v]!]!.expiresAtMs;
      if (expiresAt !== null) expiresAtMs[v] = expiresAt;
    } else if (scenario.releases[release]!.expiresAfterMs !== null) expiresAtMs[v] = scenario.releases[release]!.atMs + scenario.releases[release]!.expiresAfterMs!;
  }
  const latest = new Uint16Array(regionCount * runtimeCount);
  for (let r = 0; r < regionCount; r++) {
    for (let k = 0; k < runtimeCount; k++) latest[r * runtimeCount + k] = versions.currentVersion[k]!;
  }
  const ctx: ReplicationContext = {
    scenario,
    horizonMs: scenario.horizonMs,
    queue,
    versions,
    fleet,
    buckets: new Buckets(regionCount, runtimeCount, PACKAGE_TYPES.length),
    regionCatalogIndex: Uint8Array.from(spec.regions.map((w) => COMMERCIAL_REGIONS.indexOf(w.name))),
    latest,
    runtimeCount,
    sampler: prepareFleetSampler(spec, runtimeCodes, Uint8Array.from(spec.packageTypes.map((w) => PACKAGE_TYPES.indexOf(w.name)))),
    draws: createFunctionDraws(seed, replication),
    createStream: createStream(seed, 'creations', replication),
    staleness: new StalenessMeter(fleet),
    versionStaleness: new VersionStalenessMeter(fleet),
    latestImage: Uint16Array.from(versions.currentVersion),
    imageReachedMs,
    groups,
    patches: new PatchLog(options.keepPatches, options.patchSink ?? null),
    survival: new SurvivalHistogram(scenario.horizonMs),
    exposure: new ExposureTracker({ releases: Math.max(1, scenario.releases.length), regions: regionCount, architectures: spec.architectures.length }),
    changes: options.initStartSample !== undefined ? new ChangeLog() : options.keepChanges ? new ChangeLog(options.changeSink ?? null) : null,
    regionCount,
    reachedMs,
    withdrawn: new Uint8Array(versions.count),
    incompatibleVersion: Uint8Array.from({ length: versions.count }, (_, v) =>
      versions.releaseIndex[v]! >= 0 && scenario.releases[versions.releaseIndex[v]!]!.incompatibility !== null ? 1 : 0),
    haltedAtMs: new Float64Array(versions.count).fill(Number.NaN),
    expiresAtMs,
    deprecatedAtMs: deprecationTimes(scenario),
    keyed: {
      susceptible: createKeyedUniform(seed, 'owners.susceptible', replication),
      hazard: createKeyedUniform(seed, 'owners.firstFailure', replication),
      detection: createKeyedUniform(seed, 'owners.detection', replication),
      alarm: createKeyedUniform(seed, 'owners.alarm', replication),
      neverUnpin: createKeyedUniform(seed, 'owners.neverUnpin', replication),
      deploy: createKeyedUniform(seed, 'owners.deploy', replication),
      config: createKeyedUniform(seed, 'owners.configUpdate', replication),
      phase2: createKeyedUniform(seed, 'lambda.phase2', replication),
      lambdaRollback: createKeyedUniform(seed, 'lambda.haltRollback', replication),
    },
    migrationStream: createStream(seed, 'owners.migrations', replication),
    postDated: options.moves === 'timers' ? null : new PostDatedMoves(scenario.sampleEveryMs, scenario.horizonMs),
  };
  placeInitialFleet(ctx);
  for (let f = 0; f < spec.functions; f++) scheduleNextMigration(ctx, f, 0);

  const lag = new TechnicalLag();

  // 3. schedule
  for (let v = 0; v < versions.count; v++) {
    if (versions.releaseIndex[v]! < 0) continue;
    for (let r = 0; r < regionCount; r++) {
      const atMs = publishedAt(ctx, v, r);
      if (atMs <= scenario.horizonMs) queue.schedule(atMs, EV_PUBLISH, v * regionCount + r);
    }
    // R3: the base image, once for every region (default: the release's first publication).
    const release = scenario.releases[versions.releaseIndex[v]!]!;
    let imageMs = release.baseImageAtMs ?? Number.POSITIVE_INFINITY;
    if (release.baseImageAtMs === null) for (let r = 0; r < REGION_COUNT; r++) imageMs = Math.min(imageMs, versions.publishedMs[v * REGION_COUNT + r]!);
    if (imageMs <= scenario.horizonMs) queue.schedule(imageMs, EV_BASE_IMAGE, v);
  }
  queue.schedule(0, EV_SAMPLE, 0);
  scheduleNextCreation(ctx, 0);

  // 4. run
  const sampleEveryMs = scenario.sampleEveryMs;
  const progress = options.progress;
  let ran = 0;
  let touched = 0;
  let untilTouch = 0;
  const postDated = ctx.postDated;
  const queueEvents = queue.runUntil(scenario.horizonMs, (kind, target, atMs) => {
    ran++;
    // A handler that touches one function first applies its post-dated moves due before it.
    if (postDated !== null && actsOnFunction(kind)) settleMoves(ctx, target, atMs, queue.runningSeq);
    switch (kind) {
      case EV_MOVE: {
        if (--untilTouch <= 0) {
          for (let k = TOUCH_AHEAD; k < 2 * TOUCH_AHEAD; k++) {
            const ahead = queue.timerAhead(k);
            if (ahead >= 0) touched += fleet.touch(ahead);
          }
          untilTouch = TOUCH_AHEAD;
        }
        onPendingMove(ctx, target, atMs);
        break;
      }
      case EV_PUBLISH:
        publishInRegion(ctx, Math.floor(target / regionCount), target % regionCount, atMs);
        break;
      case EV_SAMPLE: {
        // Sample k ends window k of the post-dated moves: those due before it count in it.
        if (postDated !== null) {
          settleWindow(ctx, target, atMs, queue.runningSeq);
          ctx.changes?.seal();
        }
        groups.sample(target);
        lag.sample(ctx, atMs);
        if (progress !== undefined) {
          progress[1] = ran + (postDated === null ? 0 : postDated.applied);
          progress[0] = atMs;
        }
        const next = (target + 1) * sampleEveryMs;
        if (next <= scenario.horizonMs) queue.schedule(next, EV_SAMPLE, target + 1);
        break;
      }
      case EV_CREATE:
        createFunction(ctx, atMs);
        break;
      case EV_FIRST_FAILURE:
        onFirstFailure(ctx, target, atMs);
        break;
      case EV_DETECT:
        onDetect(ctx, target, atMs);
        break;
      case EV_PIN:
        pin(ctx, target, atMs);
        break;
      case EV_UNPIN:
        unpin(ctx, target, atMs);
        break;
      case EV_RESUME:
        resume(ctx, target, atMs);
        break;
      case EV_HALT:
        haltRelease(ctx, target, atMs);
        break;
      case EV_MIGRATE:
        migrate(ctx, target, atMs);
        break;
      case EV_BASE_IMAGE:
        publishBaseImage(ctx, target, atMs);
        break;
      default:
        throw new Error(`unknown event kind ${kind}`);
    }
  });

  if (touched < 0) throw new Error('unreachable: keeps the reads above from being optimised away');
  // 5. close: the post-dated moves due by the horizon first; each counts as an event, as its timer would.
  settleAll(ctx);
  const events = queueEvents + (postDated === null ? 0 : postDated.applied);
  closeAtHorizon(ctx);

  // 6. pack
  return packResult(ctx, replication, seed, events, options.initStartSample, lag.finish(ctx));
}
