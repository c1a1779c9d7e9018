/**
 * One unit of a batch, as sent to a worker: a plain, structured-cloneable spec. A unit is
 * a pure function of it (`simulateUnit`), so any unit can be rerun alone, anywhere.
 */
import type { ReplicationResult } from '../model/result.js';
import { simulateReplication } from '../model/simulate.js';
import { replicationMetrics } from '../analysis/metrics.js';
import { deprecatedByRegionOf } from '../output/deprecatedRuntimeJson.js';
import type { Scenario } from '../model/spec.js';
import { createChangeSpill } from './changeSpill.js';
import { createPatchSpill } from './patchSpill.js';
import { progressView } from './progressCell.js';
import { encodeUnit, rowsOf, type UnitSummary } from './unitCodec.js';

export interface UnitTask {
  /** The point's scenario (the file with the point's swept values, normalised). */
  readonly scenario: Scenario;
  readonly point: number;
  readonly replication: number;
  /** Base seed: the same at every point, so replication r draws the same streams everywhere. */
  readonly seed: number;
  readonly keepPatches: boolean;
  /** Generate the sampled INIT_START log with this share (one unit of a batch), or null. */
  readonly initStartSample: number | null;
  /** Test hook, injected by tests through the plan (`failUnits`): throw instead of simulating. */
  readonly fail: boolean;
  /** With keepPatches: spill patch rows to this file as they are made (patchSpill.ts), not into the unit. */
  readonly patchSpillPath?: string;
  /**
   * With `outputs.events`: spill the change trace to this file as it is made (changeSpill.ts),
   * not into the unit; not for the unit that makes the INIT_START log, which needs it whole.
   */
  readonly changeSpillPath?: string;
  /** Where the unit reports its progress to the main thread (progressCell.ts), if anyone listens. */
  readonly progress?: SharedArrayBuffer;
}

/** A unit that threw, as the batch reports it. */
export class UnitFailure extends Error {}

export function summaryOf(point: number, result: ReplicationResult): UnitSummary {
  return {
    point,
    replication: result.replication,
    seed: result.seed,
    digest: result.digest,
    functions: result.totals.functions,
    createdFunctions: result.totals.createdFunctions,
    events: result.totals.events,
    metrics: replicationMetrics(result),
    ...deprecatedByRegionOf(result),
  };
}

/** Runs one unit and packs it (unitCodec.ts). */
export function simulateUnit(task: UnitTask): ArrayBuffer {
  if (task.fail) throw new UnitFailure(`test hook: unit p${task.point} r${task.replication} was told to fail`);
  const spill = task.keepPatches && task.patchSpillPath !== undefined ? createPatchSpill(task.patchSpillPath) : null;
  const changeSpill = task.scenario.outputs.events && task.initStartSample === null && task.changeSpillPath !== undefined
    ? createChangeSpill(task.changeSpillPath)
    : null;
  const result = simulateReplication(task.scenario, task.replication, {
    seed: task.seed,
    keepPatches: task.keepPatches,
    ...(spill !== null ? { patchSink: spill.sink } : {}),
    keepChanges: task.scenario.outputs.events,
    ...(changeSpill !== null ? { changeSink: changeSpill.sink } : {}),
    ...(task.initStartSample !== null ? { initStartSample: task.initStartSample } : {}),
    ...(task.progress !== undefined ? { progress: progressView(task.progress) } : {}),
  });
  const rows = rowsOf(result);
  return encodeUnit(summaryOf(task.point, result), {
    ...rows,
    ...(spill !== null ? { patchSpillRows: spill.close() } : {}),
    ...(changeSpill !== null ? { changeSpillRows: changeSpill.close() } : {}),
  });
}
