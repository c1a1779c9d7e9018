/**
 * Everything one replication's handlers share. Built once by `simulateReplication`, then
 * mutated only by the event handlers of `rollout/` and `fleet/`.
 */
import type { EventQueue } from '../kernel/eventQueue.js';
import type { KeyedUniform } from '../kernel/keyedRandom.js';
import type { RandomStream } from '../kernel/random.js';
import type { Scenario } from './spec.js';
import { REGION_COUNT, type VersionTable } from './catalog/versionTable.js';
import type { Buckets } from './fleet/buckets.js';
import type { FunctionDraws, FleetSampler } from './fleet/drawFunction.js';
import type { FleetState } from './fleet/fleetState.js';
import type { ExposureTracker } from './exposure/exposureTracker.js';
import type { ChangeLog } from './measure/changeLog.js';
import type { GroupCounts } from './measure/groupCounts.js';
import type { PatchLog } from './measure/patchLog.js';
import type { StalenessMeter } from './measure/staleness.js';
import type { VersionStalenessMeter } from './measure/versionStaleness.js';
import type { SurvivalHistogram } from './measure/survival.js';
import type { PostDatedMoves } from './rollout/postDatedMoves.js';

export interface ReplicationContext {
  readonly scenario: Scenario;
  readonly horizonMs: number;
  readonly queue: EventQueue;
  readonly versions: VersionTable;
  readonly fleet: FleetState;
  readonly buckets: Buckets;
  /** Commercial-region index (catalog) of each fleet region. */
  readonly regionCatalogIndex: Uint8Array;
  /** Latest secure version (metrics.md) at [fleet region × runtimes + runtime]. */
  readonly latest: Uint16Array;
  readonly runtimeCount: number;
  readonly sampler: FleetSampler;
  readonly draws: FunctionDraws;
  /** Arrival times of created functions. */
  readonly createStream: RandomStream;
  readonly staleness: StalenessMeter;
  /** Stale kept function versions (`staleFunctionVersionDays`). */
  readonly versionStaleness: VersionStalenessMeter;
  /** Latest secure base image of each runtime, by runtime index (R3: published once for all regions). */
  readonly latestImage: Uint16Array;
  /** When each version's base image was published, ms; Infinity if not (yet). By version id. */
  readonly imageReachedMs: Float64Array;
  readonly groups: GroupCounts;
  readonly patches: PatchLog;
  readonly survival: SurvivalHistogram;
  readonly exposure: ExposureTracker;
  /** The trace of changes, when an output needs it (events.ndjson, INIT_START log). */
  readonly changes: ChangeLog | null;
  readonly regionCount: number;
  /** When each version actually reached each fleet region, [version × regionCount + region]; Infinity if not (yet). */
  readonly reachedMs: Float64Array;
  /** 1 for a release Lambda has halted and withdrawn (R11), by version id. */
  readonly withdrawn: Uint8Array;
  /** When each release was halted, ms; NaN if never. By version id. */
  readonly haltedAtMs: Float64Array;
  /** 1 for a version whose release carries an incompatibility, by version id. */
  readonly incompatibleVersion: Uint8Array;
  /** When each version starts failing (R11 expiry), ms; Infinity if never. By version id. */
  readonly expiresAtMs: Float64Array;
  /** When each runtime is deprecated (lifecycle.ts), ms; Infinity without a lifecycle. By runtime index. */
  readonly deprecatedAtMs: Float64Array;
  /** Keyed draws: one answer per (function, release, …) whatever the event order. */
  readonly keyed: {
    readonly susceptible: KeyedUniform;
    readonly hazard: KeyedUniform;
    readonly detection: KeyedUniform;
    readonly alarm: KeyedUniform;
    readonly neverUnpin: KeyedUniform;
    /** Keyed by (function, release) or (function, −1 − second): owner's next deploy or rebuild, configuration update. */
    readonly deploy: KeyedUniform;
    readonly config: KeyedUniform;
    /** Place in a phase-2 window, and in a withdrawn release's Lambda rollback window. */
    readonly phase2: KeyedUniform;
    readonly lambdaRollback: KeyedUniform;
  };
  /** Moves kept in the functions' records instead of as timers (rollout/postDatedMoves.ts); null: every move is a timer. */
  readonly postDated: PostDatedMoves | null;
  /** Owners' migrations (R13): next-arrival draws. */
  readonly migrationStream: RandomStream;
}

/** Publication time of version `v` in fleet region `r`. */
export function publishedAt(ctx: ReplicationContext, v: number, r: number): number {
  return ctx.versions.publishedMs[v * REGION_COUNT + ctx.regionCatalogIndex[r]!]!;
}
