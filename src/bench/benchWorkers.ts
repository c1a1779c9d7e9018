/**
 * For the benchmark: a batch of `units` replications of a scenario on `workers` threads,
 * timed from the pool's start to the last unit's answer (thread start-up included, output
 * writing excluded). Units are kept as summaries only. The result hash is returned too, so
 * a caller can show that every worker count gives the same answer.
 */
import type { Scenario } from '../model/spec.js';
import { batchResultHash } from '../batch/batchOutputs.js';
import { makePlan, unitId, type UnitRef } from '../batch/plan.js';
import { createWorkerPool } from '../batch/pool.js';
import { runBatch } from '../batch/runBatch.js';
import type { UnitSummary } from '../batch/unitCodec.js';
import type { UnitStore } from '../batch/workDir.js';

export interface WorkerBench {
  readonly workers: number;
  readonly units: number;
  readonly wallMs: number;
  /** Kernel events simulated over all units. */
  readonly events: number;
  readonly resultHash: string;
}

export async function benchWorkers(scenario: Scenario, workers: number, units = 64, seed = scenario.seed): Promise<WorkerBench> {
  const plan = makePlan(scenario, null, {
    seed, replications: units, keepPatches: false, point: null, replication: null, targetCi: null, shard: null, failUnits: new Set(),
  });
  const kept = new Map<string, UnitSummary>();
  const store: UnitStore = { get: (u: UnitRef) => kept.get(unitId(u)), put: (s) => void kept.set(unitId(s), s) };
  let poolError: unknown = null;
  const started = performance.now();
  const pool = createWorkerPool(workers, (error) => { poolError ??= error; });
  try {
    const run = await runBatch(plan, store, pool);
    const wallMs = performance.now() - started;
    if (poolError !== null) throw poolError;
    if (run.status !== 'done') throw new Error(`benchmark batch ${run.status}: ${run.failures.map((f) => f.message).join('; ')}`);
    return {
      workers,
      units: run.units.length,
      wallMs,
      events: run.units.reduce((n, u) => n + u.events, 0),
      resultHash: batchResultHash(run.units, false),
    };
  } finally {
    await pool.close();
  }
}
