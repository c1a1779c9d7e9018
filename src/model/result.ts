/**
 * What one replication returns: compact columns and totals, no per-row objects, so it can
 * cross a thread boundary cheaply. Indices refer to the scenario's lists (fleet regions,
 * architectures, runtimes), codes to fleet/fleetState.ts, versions to the version table.
 */
import type { InitStartEvents, InitStartFunctions } from './logs/initStartLog.js';
import type { ChangeRows } from './measure/changeLog.js';
import type { PatchRows } from './measure/patchLog.js';
import type { DeprecatedRuntimeResult } from './measure/deprecatedRuntime.js';

export interface FunctionColumns {
  readonly region: Uint8Array;
  readonly architecture: Uint8Array;
  readonly runtime: Uint8Array;
  readonly packageType: Uint8Array;
  /** The configured mode each function was created with (owners' pins never change it; R7).*/
  readonly mode: Uint8Array;
}

export interface ReplicationTotals {
  /** Functions at the horizon (initial + created). */
  readonly functions: number;
  readonly createdFunctions: number;
  readonly lambdaStaleMs: number;
  readonly ownerStaleMs: number;
  /** Stale ms by mode slot (Auto, FunctionUpdate, Manual, none = image). */
  readonly staleMsByMode: readonly number[];
  readonly staleInvocations: number;
  /** Patch rows of functions that existed at the release's publication: the time-to-patch population. */
  readonly patchObservations: number;
  readonly unpatchedAtHorizon: number;
  /** Functions still pinned by a rollback at the horizon (R12, R18). */
  readonly pinnedAtHorizon: number;
  /** R13: changes refused because `$LATEST` was pinned for a rollback (they waited for the unpin). */
  readonly blockedChanges: number;
  /** R14: alias redirects that rolled nothing back (every earlier kept version ran the bad version). */
  readonly aliasRedirectsWithoutRollback: number;
  /** Stale time of every kept function version (`$LATEST` and published), split by R18. */
  readonly lambdaStaleVersionMs: number;
  readonly ownerStaleVersionMs: number;
  /** Technical lag of the serving version: time-averaged over the samples, and p95 over functions at the horizon. */
  readonly technicalLagVersionsMean: number;
  readonly technicalLagDaysMean: number;
  readonly technicalLagVersionsP95: number;
  readonly technicalLagDaysP95: number;
  /** Invocations that failed on an expired version (R11). */
  readonly expiryFailures: number;
  readonly events: number;
}

export interface ExposureResult {
  /** Per group (release × region × architecture × mode slot) × EXPOSURE_FIELDS. */
  readonly totals: Float64Array;
  readonly shape: { readonly releases: number; readonly regions: number; readonly architectures: number };
  /** Episode start → detection, and → rollback, ms. */
  readonly detectDelaysMs: Float64Array;
  readonly rollbackDelaysMs: Float64Array;
  /** One row per finished episode of running an incompatible version (ROLLBACK_* kinds). */
  readonly episodes: {
    readonly functionId: Int32Array;
    readonly release: Int32Array;
    readonly episode: Int32Array;
    readonly startMs: Float64Array;
    readonly firstFailureMs: Float64Array;
    readonly detectedMs: Float64Array;
    readonly rolledBackMs: Float64Array;
    readonly rollbackKind: Uint8Array;
    readonly endMs: Float64Array;
  };
}

export interface RolloutResult {
  /** When each version reached each fleet region, [version × fleet regions + region]; Infinity if never. */
  readonly reachedMs: Float64Array;
  /** When each version was halted (R11), NaN if never. */
  readonly haltedAtMs: Float64Array;
  /** When each version's base image was published, once for every region (R3); Infinity if never. */
  readonly imageReachedMs: Float64Array;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly seed: number;
  readonly timeseries: { readonly sample: Int32Array; readonly cell: Int32Array; readonly functions: Int32Array };
  readonly patches: PatchRows | null;
  /** Attributes of every function (at the horizon), for decoding rows. */
  readonly functions: FunctionColumns;
  readonly survival: { readonly binMs: number; readonly patched: Float64Array; readonly censored: Float64Array };
  readonly totals: ReplicationTotals;
  /** With `startDate`: functions on a deprecated runtime at the horizon (measure/deprecatedRuntime.ts). */
  readonly deprecatedRuntime?: DeprecatedRuntimeResult;
  readonly exposure: ExposureResult;
  readonly rollout: RolloutResult;
  /** The change trace, when kept (events.ndjson). */
  readonly changes: ChangeRows | null;
  /** The sampled INIT_START log, when asked for. */
  readonly initStart: InitStartEvents | null;
  /** Fleet columns the INIT_START writer needs, when the log is asked for. */
  readonly initStartFunctions: InitStartFunctions | null;
  /** sha256 (hex) of all of this replication's result data. */
  readonly digest: string;
}
