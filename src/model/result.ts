/**
 * What one replication returns: compact columns and totals, no per-row objects, so it can
 * cross a thread boundary cheaply. Indices refer to the scenario's lists (fleet regions,
 * architectures, runtimes), codes to fleet/fleetState.ts, versions to the version table.
 */
import type { PatchRows } from './measure/patchLog.js';

export interface FunctionColumns {
  readonly region: Uint8Array;
  readonly architecture: Uint8Array;
  readonly runtime: Uint8Array;
  readonly packageType: Uint8Array;
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
  readonly events: number;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly seed: number;
  readonly timeseries: { readonly sample: Int32Array; readonly cell: Int32Array; readonly functions: Int32Array };
  readonly patches: PatchRows | null;
  /** Attributes of every function, for decoding patch rows; null when patches are not kept. */
  readonly functions: FunctionColumns | null;
  readonly survival: { readonly binMs: number; readonly patched: Float64Array; readonly censored: Float64Array };
  readonly totals: ReplicationTotals;
  /** sha256 (hex) of all of this replication's result data. */
  readonly digest: string;
}
