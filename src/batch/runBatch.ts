/**
 * Runs a batch's units on a worker pool and stores each one as it finishes. The main
 * thread only plans, stores and counts; the workers simulate.
 *
 *   1. round     the units the plan needs (and this shard's share); those already stored
 *                (a resumed batch) are not run again
 *   2. run       one unit per thread in flight; each answer is stored at once
 *   3. grow      with --target-ci, points whose CI is still too wide get more replications
 *                (deterministically, from the results alone) and 1–2 repeat
 *
 * A unit that throws is reported with its point, replication and seed; the other units
 * still run. An abort (Ctrl-C) starts no new unit; those running finish and are stored
 * (a thread is never terminated mid-unit, see pool.ts).
 */
import type { MetricName } from '../analysis/metrics.js';
import { pointMetrics, unitsByPoint } from '../output/byPoint.js';
import type { PointCiOutcome, TargetCiOutcome } from '../output/summaryJson.js';
import { planUnits, taskOf, unitId, type BatchPlan, type UnitRef } from './plan.js';
import type { UnitRunner } from './pool.js';
import { nextReplications, pointOutcome } from './targetCi.js';
import { decodeUnitSummary, type UnitSummary } from './unitCodec.js';
import type { UnitStore } from './workDir.js';

export interface UnitFailureReport {
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly message: string;
}

export interface BatchProgress {
  /** Units the batch needs so far (grows with --target-ci rounds), and how many are stored. */
  planned(total: number, done: number): void;
  /**
   * A unit is sent to a worker; a reporter that follows progress inside units answers with
   * a progress cell (progressCell.ts) for the worker to write into, else undefined.
   */
  unitStarted?(unit: UnitRef, horizonMs: number): SharedArrayBuffer | undefined;
  /** A unit ended, stored or failed (after `unitDone` when stored). */
  unitEnded?(unit: UnitRef): void;
  unitDone(summary: UnitSummary): void;
}

export type BatchStatus = 'done' | 'failed' | 'interrupted';

export interface BatchRun {
  readonly status: BatchStatus;
  /** Every unit of the batch in plan order (complete only when `status` is `done`). */
  readonly units: readonly UnitSummary[];
  readonly failures: readonly UnitFailureReport[];
  readonly targetCi: TargetCiOutcome | null;
}

export interface BatchOptions {
  readonly signal?: AbortSignal;
  readonly progress?: BatchProgress;
  /**
   * Where a unit's worker spills its patch rows chunk by chunk (patchSpill.ts) instead of
   * returning them in the unit; absent: the rows travel in the unit.
   */
  readonly patchSpillFile?: (unit: UnitRef) => string;
  /** The same for the change trace behind events.ndjson (changeSpill.ts). */
  readonly changeSpillFile?: (unit: UnitRef) => string;
}

export async function runBatch(plan: BatchPlan, store: UnitStore, runner: UnitRunner, options: BatchOptions = {}): Promise<BatchRun> {
  const counts = new Map(plan.points.map((p) => [p.index, plan.replications]));
  const outcomes = new Map<number, PointCiOutcome>();
  for (;;) {
    // 1. round
    const units = planUnits(plan, counts);
    const missing = units.filter((u) => store.get(u) === undefined);
    options.progress?.planned(units.length, units.length - missing.length);
    // 2. run
    const { failures, interrupted } = await runUnits(plan, missing, store, runner, options);
    const stored = (): UnitSummary[] => units.map((u) => store.get(u)).filter((s): s is UnitSummary => s !== undefined);
    if (interrupted) return { status: 'interrupted', units: stored(), failures, targetCi: null };
    if (failures.length > 0) return { status: 'failed', units: stored(), failures, targetCi: null };
    const summaries = stored();
    // 3. grow
    const spec = plan.targetCi;
    if (spec === null) return { status: 'done', units: summaries, failures: [], targetCi: null };
    let grew = false;
    const byPoint = unitsByPoint(summaries);
    for (const p of plan.points) {
      const outcome = pointOutcome(pointMetrics(byPoint, p.index), spec);
      outcomes.set(p.index, outcome);
      const n = counts.get(p.index)!;
      const next = nextReplications(n, outcome, spec);
      if (next > n) {
        counts.set(p.index, next);
        grew = true;
      }
    }
    if (!grew) {
      const targetCi: TargetCiOutcome = { target: spec.target, maxReplications: spec.maxReplications, metrics: spec.metrics as MetricName[], points: outcomes };
      return { status: 'done', units: summaries, failures: [], targetCi };
    }
  }
}

async function runUnits(
  plan: BatchPlan,
  units: readonly UnitRef[],
  store: UnitStore,
  runner: UnitRunner,
  options: BatchOptions,
): Promise<{ failures: UnitFailureReport[]; interrupted: boolean }> {
  const failures: UnitFailureReport[] = [];
  const signal = options.signal;
  let fatal: unknown = null;
  const stopped = (): boolean => signal?.aborted === true || fatal !== null;
  let next = 0;
  await new Promise<void>((resolve) => {
    let active = 0;
    const launch = (): void => {
      while (active < runner.threads && next < units.length && !stopped()) {
        const unit = units[next++]!;
        active++;
        const patchSpill = plan.keepPatches ? options.patchSpillFile?.(unit) : undefined;
        const changeSpill = options.changeSpillFile?.(unit);
        const task = {
          ...taskOf(plan, unit),
          ...(patchSpill !== undefined ? { patchSpillPath: patchSpill } : {}),
          ...(changeSpill !== undefined ? { changeSpillPath: changeSpill } : {}),
        };
        const cell = options.progress?.unitStarted?.(unit, task.scenario.horizonMs);
        runner
          .run(cell === undefined ? task : { ...task, progress: cell })
          .then(
            (packed) => {
              const summary = decodeUnitSummary(new Uint8Array(packed));
              if (summary.point !== unit.point || summary.replication !== unit.replication) {
                throw new Error(`asked for unit ${unitId(unit)}, got ${unitId(summary)}`);
              }
              store.put(summary, packed);
              options.progress?.unitDone(summary);
            },
            (error: unknown) => {
              failures.push({
                point: unit.point,
                replication: unit.replication,
                seed: plan.seed,
                message: error instanceof Error ? error.message : String(error),
              });
            },
          )
          .catch((error: unknown) => {
            // Storing failed (disk full, …): nothing after this can be trusted; stop.
            fatal ??= error;
          })
          .finally(() => {
            options.progress?.unitEnded?.(unit);
            active--;
            launch();
          });
      }
      if (active === 0) resolve();
    };
    launch();
  });
  if (fatal !== null) throw fatal;
  return { failures, interrupted: signal?.aborted === true };
}
