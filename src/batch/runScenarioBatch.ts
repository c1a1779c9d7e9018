/**
 * A whole batch of a loaded scenario, from plan to output folder: plan (sweep points ×
 * replications) → refuse what would not fit → open the work folder (resume) → simulate the
 * units on worker threads (runBatch.ts) → aggregate → write, all files swapped into the
 * output folder at once (or, for a shard, its partition for `merge`). The command line
 * (cli/commands/run.ts) only checks arguments, shows progress and turns the outcome into
 * text and an exit code.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { UserError } from '../common/userError.js';
import { checkOutputDir, writeOutputDir, writeOutputDirWith, type LateFiles } from '../output/writeOutputDir.js';
import type { SummaryJson } from '../output/summaryShape.js';
import type { Scenario } from '../model/spec.js';
import type { Sweep } from '../scenario/sweep.js';
import { batchOutputs } from './batchOutputs.js';
import { rememberLastUnit } from './lastUnit.js';
import { partitionFiles } from './partition.js';
import { makePlan, planIdentity, planUnits, type BatchPlan, type PlanSettings, type UnitRef } from './plan.js';
import { splitOverThreads } from './outputTask.js';
import { createWorkerPool, defaultWorkers } from './pool.js';
import { runBatch, type BatchProgress, type UnitFailureReport } from './runBatch.js';
import type { UnitSummary } from './unitCodec.js';
import { estimateRun } from './estimate.js';
import { checkResources, defaultResourceLimits } from './resources.js';
import { WorkFolder, workDirFor } from './workDir.js';

/** What to run: the loaded scenario and the run's settings (those of its plan, and more), already checked. */
export interface BatchSpec extends PlanSettings {
  /** The scenario file as named by the user (messages, summary.json's scenarioFile). */
  readonly scenarioFile: string;
  readonly scenario: Scenario;
  readonly sweep: Sweep | null;
  /** The scenario file's text, as run. */
  readonly source: string;
  readonly outDir: string;
  /** Worker threads asked for; the default is one per core, never more than the first round's units. */
  readonly workers: number | undefined;
  readonly resume: boolean;
  readonly force: boolean;
  readonly parquet: boolean;
  readonly toolVersion: string;
}

/** The caller's side of a running batch: its progress display and its stop request. */
export interface BatchSession {
  readonly progress: BatchProgress;
  /** Aborted when the caller wants the batch stopped (e.g. on Ctrl-C): running units finish and are kept. */
  readonly signal: AbortSignal;
  /** Called once the units have stopped running, before anything is written. */
  end(): void;
}

export interface BatchRunOptions {
  /** Units an earlier, interrupted run of the same batch left in the work folder. */
  readonly onResumed?: (units: number, workDir: string) => void;
  /** Called just before the units start, with the number of worker threads. */
  readonly begin: (threads: number) => BatchSession;
  /** Files built from the staged outputs before the folder is swapped in (the report). */
  readonly lateFiles: LateFiles;
  /** Called when every unit has run and the outputs (or a shard's partition) start being written. */
  readonly onWriting?: () => void;
  /** Test hook: units (`point:replication`) that throw instead of simulating. */
  readonly failUnits?: ReadonlySet<string>;
}

interface Ended {
  readonly plan: BatchPlan;
  readonly workDir: string;
  readonly threads: number;
  readonly units: readonly UnitSummary[];
}

export type BatchOutcome =
  | (Ended & { readonly status: 'interrupted' })
  | (Ended & { readonly status: 'failed'; readonly failures: readonly UnitFailureReport[] })
  /** `summary` is null for a shard, whose folder is a partition. */
  | (Ended & { readonly status: 'done'; readonly summary: SummaryJson | null });

export async function runScenarioBatch(spec: BatchSpec, options: BatchRunOptions): Promise<BatchOutcome> {
  const { scenario, sweep, targetCi, shard } = spec;
  checkOutputDir(spec.outDir, spec.force);
  const plan = makePlan(scenario, sweep, { ...spec, failUnits: options.failUnits ?? new Set() });
  refuseWhatWouldNotFit(spec);
  const scenarioSha256 = createHash('sha256').update(spec.source).digest('hex');
  const workDir = workDirFor(spec.outDir);
  const opened = WorkFolder.open(workDir, { ...planIdentity(plan, scenarioSha256, spec.toolVersion), shard: shard?.index ?? null }, spec.resume);
  const folder = opened.folder;
  if (opened.resumed > 0) options.onResumed?.(opened.resumed, workDir);

  const firstRound = planUnits(plan, new Map()).length;
  const threads = Math.max(1, Math.min(spec.workers ?? defaultWorkers(), targetCi === null ? firstRound : Number.MAX_SAFE_INTEGER));
  const session = options.begin(threads);
  const stop = new AbortController();
  if (session.signal.aborted) stop.abort();
  session.signal.addEventListener('abort', () => stop.abort(), { once: true });
  let poolError: unknown = null;
  const pool = createWorkerPool(threads, (error) => {
    poolError ??= error;
    stop.abort();
  });
  try {
    let batch;
    try {
      // On one machine, workers spill patch rows and the change trace beside their units (bounded
      // memory at any fleet size); a shard's partition carries whole units, so a shard keeps them in the unit.
      const spills = shard === null
        ? { patchSpillFile: (u: UnitRef): string => folder.patchFileOf(u), changeSpillFile: (u: UnitRef): string => folder.changeFileOf(u) }
        : {};
      batch = await runBatch(plan, folder, pool, { signal: stop.signal, progress: session.progress, ...spills });
    } finally {
      session.end();
    }
    if (poolError !== null) throw poolError;
    const ended = { plan, workDir, threads, units: batch.units };
    if (batch.status === 'interrupted') return { ...ended, status: 'interrupted' };
    if (batch.status === 'failed') return { ...ended, status: 'failed', failures: batch.failures };

    options.onWriting?.();
    const load = rememberLastUnit((u) => folder.loadRows(u));
    const scenarioFile = basename(spec.scenarioFile);
    if (shard !== null) {
      writeOutputDir(spec.outDir, partitionFiles({
        plan, shard, units: batch.units, read: (u) => folder.read(u), load, source: spec.source,
        scenarioFile, toolVersion: spec.toolVersion, parquet: spec.parquet,
      }), spec.force);
      folder.remove();
      return { ...ended, status: 'done', summary: null };
    }
    const meta = { scenario, source: spec.source, scenarioFile, toolVersion: spec.toolVersion, parquet: spec.parquet };
    const out = batchOutputs(plan, batch.units, load, batch.targetCi, meta);
    // The Parquet twins are written on the pool's idle threads while this one writes the
    // rest and builds the report (outputTask.ts); the same bytes either way.
    const parquetNames = out.files.map((f) => f.name).filter((name) => name.endsWith('.parquet'));
    const elsewhere = {
      names: new Set(parquetNames),
      write: (dir: string) => Promise.all(splitOverThreads(parquetNames, pool.threads).map((names) =>
        pool.writeFiles({ plan, units: batch.units, targetCi: batch.targetCi, meta, workDir, dir, names }))),
    };
    // The report is built from the staged data files and swapped in with them. It shows no run
    // time: every output file is a function of the scenario and seed alone.
    await writeOutputDirWith(spec.outDir, out.files, spec.force, options.lateFiles, parquetNames.length > 0 ? elsewhere : null);
    folder.remove();
    return { ...ended, status: 'done', summary: out.summary };
  } finally {
    // After the outputs are written: the pool's threads then have long been idle (pool.ts).
    await pool.close();
  }
}

/** Resources (estimate.ts, resources.ts): refuses, before anything is written, a run that would not fit. */
function refuseWhatWouldNotFit(spec: BatchSpec): void {
  const replications = spec.targetCi?.maxReplications ?? spec.replications;
  const points = spec.sweep?.points.length ?? 1;
  const workers = Math.max(1, Math.min(spec.workers ?? defaultWorkers(), points * replications));
  const limits = defaultResourceLimits(getHeapStatistics().heap_size_limit);
  for (const s of spec.sweep?.points.map((p) => p.scenario) ?? [spec.scenario]) {
    const estimate = estimateRun(s, { replications, keepPatches: spec.keepPatches, keepChanges: s.outputs.events, workers, points, spillPatches: spec.shard === null });
    const check = checkResources(estimate, limits, { functions: s.fleet.functions, replications, workers, sampleEveryMs: s.sampleEveryMs });
    if (!check.ok) throw new UserError(`${spec.scenarioFile}: ${check.message}`, 'file');
  }
}
