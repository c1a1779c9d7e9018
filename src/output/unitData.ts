/**
 * What the writers read of one unit (a replication at a sweep point): its row data and,
 * separately, its summary (metrics, digest), which is all summary.json and sweep.csv need.
 */
import type { MetricName } from '../analysis/metrics.js';
import type { ReplicationResult } from '../model/result.js';
import type { ChangeRows } from '../model/measure/changeLog.js';
import type { PatchInput } from './patchChunks.js';
import type { ChunkSource } from './rowChunks.js';

/**
 * The row data of a unit: a replication's result without the survival histogram and totals.
 * Patch rows and the change trace may come as sources of chunks (rowChunks.ts), so that
 * writers never need them whole.
 */
export type UnitRows = Pick<
  ReplicationResult,
  'replication' | 'timeseries' | 'functions' | 'exposure' | 'rollout' | 'initStart' | 'initStartFunctions'
> & {
  readonly patches: PatchInput | null;
  /** Set when the unit's patch rows were spilled to a file beside it (batch/patchSpill.ts): their count. */
  readonly patchSpillRows?: number;
  readonly changes: ChangeRows | ChunkSource<ChangeRows> | null;
  /** Set when the unit's change trace was spilled to a file beside it (batch/changeSpill.ts): its row count. */
  readonly changeSpillRows?: number;
};

/** What the main thread keeps of a unit without reading its rows. */
export interface UnitSummary {
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly digest: string;
  readonly functions: number;
  readonly createdFunctions: number;
  /** Kernel events simulated (progress: events per second). */
  readonly events: number;
  readonly metrics: Readonly<Record<MetricName, number | null>>;
  /** With `startDate`: functions on a deprecated runtime at the horizon and their function-days, per fleet region (scenario order). */
  readonly deprecatedRuntimeByRegion?: { readonly functions: readonly number[]; readonly functionDays: readonly number[] };
}
