/**
 * `run FILE`: load → validate → plan (sweep points × replications) → simulate the units on
 * worker threads → aggregate → write, with all files swapped into the output folder at once.
 * Nothing is written when the input is bad; finished units wait in a work folder beside the
 * output, so an interrupted batch resumes (`--resume`) where it stopped.
 *
 * With a shard (`--shard i/K`, or `--shards K` and an index from the cluster engine), the
 * output folder is that shard's partition, for `merge`.
 */
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { METRIC_NAMES, type MetricName } from '../../analysis/metrics.js';
import { batchOutputs } from '../../batch/batchOutputs.js';
import { FAIL_UNIT_ENV, parseFailUnits } from '../../batch/failHook.js';
import { partitionFiles } from '../../batch/partition.js';
import { makePlan, planIdentity, planUnits, PlanError, unitId, type BatchPlan, type UnitRef } from '../../batch/plan.js';
import { createWorkerPool, defaultWorkers } from '../../batch/pool.js';
import { runBatch, type UnitFailureReport } from '../../batch/runBatch.js';
import { resolveShard, ShardError, type Env, type Shard } from '../../batch/shard.js';
import { HEADLINE_METRICS, type TargetCiSpec } from '../../batch/targetCi.js';
import { rememberLastUnit } from '../../batch/lastUnit.js';
import { WorkFolder, workDirFor, WorkFolderError } from '../../batch/workDir.js';
import { checkResources, defaultResourceLimits, estimateRun } from '../../model/estimate.js';
import { checkOutputDir, writeOutputDir, writeOutputDirWith } from '../../output/writeOutputDir.js';
import { reportFiles } from '../../report/reportFiles.js';
import { formatScenarioError, loadScenarioFile } from '../../scenario/load.js';
import { show } from '../../scenario/messages.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { toolVersion } from '../version.js';
import { formatHeadline, formatSweepHeadline } from './headline.js';

export interface RunArgs {
  readonly scenario: string;
  readonly out?: string | undefined;
  readonly seed?: number | undefined;
  readonly replications?: number | undefined;
  readonly patches: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly parquet?: boolean | undefined;
  readonly workers?: number | undefined;
  readonly resume?: boolean | undefined;
  readonly targetCi?: string | undefined;
  readonly maxReplications?: number | undefined;
  readonly targetMetrics?: string | undefined;
  readonly point?: number | undefined;
  readonly replication?: number | undefined;
  readonly shard?: string | undefined;
  readonly shards?: string | undefined;
}

/** Test-only hook: after this many units, the process sends itself SIGINT (as Ctrl-C would). */
export const SIGINT_AFTER_ENV = 'LAMBDA_ROLLOUT_SIM_TEST_SIGINT_AFTER';

/** Exit codes of a batch stopped by a signal: 128 + the signal's number, as shells report it. */
const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${value}`);
}

/** `5%` or `0.05` → 0.05. */
function parseShare(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = m === null ? Number.NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
  if (!(value > 0 && value < 1)) throw new UsageError(`--target-ci must be a share such as 5% or 0.05, got \`${text}\``);
  return value;
}

function targetSpec(args: RunArgs): TargetCiSpec | null {
  if (args.targetCi === undefined) {
    if (args.targetMetrics !== undefined) throw new UsageError('--target-metrics needs --target-ci');
    return null;
  }
  let metrics: MetricName[] = [...HEADLINE_METRICS];
  if (args.targetMetrics !== undefined) {
    metrics = args.targetMetrics.split(',').map((m) => m.trim()).filter((m) => m !== '') as MetricName[];
    const unknown = metrics.filter((m) => !METRIC_NAMES.includes(m));
    if (unknown.length > 0 || metrics.length === 0) {
      throw new UsageError(`--target-metrics: unknown metric ${unknown.join(', ') || '(none given)'} (allowed: ${METRIC_NAMES.join(', ')})`);
    }
  }
  return { target: parseShare(args.targetCi), maxReplications: args.maxReplications ?? 100, metrics };
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export async function runCommand(args: RunArgs, io: CliIo, env: Env = process.env): Promise<number> {
  checkCount('seed', args.seed, 0);
  checkCount('replications', args.replications, 1);
  checkCount('workers', args.workers, 1);
  checkCount('max-replications', args.maxReplications, 2);
  checkCount('point', args.point, 0);
  checkCount('replication', args.replication, 0);
  const targetCi = targetSpec(args);
  let shard: Shard | null;
  try {
    shard = resolveShard({ shard: args.shard, shards: args.shards }, env);
  } catch (error) {
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }

  const loaded = await loadScenarioFile(args.scenario);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(formatScenarioError(e) + '\n');
    return EXIT_USAGE;
  }
  const { scenario, sweep, source } = loaded;
  const warnings = new Set([...scenario.warnings, ...(sweep?.points.flatMap((p) => p.scenario.warnings) ?? [])]);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  const outDir = args.out ?? join('reports', basename(args.scenario, extname(args.scenario)));
  checkOutputDir(outDir, args.force);

  let plan: BatchPlan;
  try {
    plan = makePlan(scenario, sweep, {
      seed: args.seed ?? scenario.seed,
      replications: args.replications ?? scenario.replications,
      keepPatches: args.patches,
      point: args.point ?? null,
      replication: args.replication ?? null,
      targetCi,
      shard,
      failUnits: parseFailUnits(env[FAIL_UNIT_ENV]),
    });
  } catch (error) {
    if (error instanceof PlanError) throw new UsageError(error.message);
    throw error;
  }
  // Resources (src/model/estimate.ts): refuse, before anything is written, a run that would not fit.
  {
    const replications = targetCi?.maxReplications ?? args.replications ?? scenario.replications;
    const points = sweep?.points.length ?? 1;
    const workers = Math.max(1, Math.min(args.workers ?? defaultWorkers(), points * replications));
    const limits = defaultResourceLimits(getHeapStatistics().heap_size_limit);
    for (const s of sweep?.points.map((p) => p.scenario) ?? [scenario]) {
      const estimate = estimateRun(s, { replications, keepPatches: args.patches, keepChanges: s.outputs.events, workers, points, spillPatches: shard === null });
      const check = checkResources(estimate, limits, { functions: s.fleet.functions, replications, workers, sampleEveryMs: s.sampleEveryMs });
      if (!check.ok) {
        io.stderr(`${args.scenario}: ${check.message}\n`);
        return EXIT_USAGE;
      }
    }
  }
  const version = toolVersion();
  const scenarioSha256 = createHash('sha256').update(source).digest('hex');
  const workDir = workDirFor(outDir);
  let folder: WorkFolder;
  try {
    const opened = WorkFolder.open(workDir, { ...planIdentity(plan, scenarioSha256, version), shard: shard?.index ?? null }, args.resume === true);
    folder = opened.folder;
    if (opened.resumed > 0 && !args.quiet) io.stderr(`resuming: ${opened.resumed} finished unit(s) found in ${workDir}\n`);
  } catch (error) {
    if (error instanceof WorkFolderError) throw new UsageError(error.message);
    throw error;
  }

  const started = process.hrtime.bigint();
  const firstRound = planUnits(plan, new Map()).length;
  const threads = Math.max(1, Math.min(args.workers ?? defaultWorkers(), targetCi === null ? firstRound : Number.MAX_SAFE_INTEGER));
  const stop = new AbortController();
  let stoppedBy: keyof typeof EXIT_SIGNAL | null = null;
  let poolError: unknown = null;
  const onSignal = (signal: keyof typeof EXIT_SIGNAL) => (): void => {
    if (stoppedBy !== null) process.exit(EXIT_SIGNAL[signal]); // a second Ctrl-C: leave at once (stored units are whole)
    stoppedBy = signal;
    if (!args.quiet) io.stderr(`\n${signal}: stopping once the running units finish (they are kept); press Ctrl-C again to quit at once\n`);
    stop.abort();
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  const sigintAfter = Number(env[SIGINT_AFTER_ENV] ?? Number.NaN);
  const progress = createProgress(io, args.quiet, (done) => {
    if (done === sigintAfter) process.kill(process.pid, 'SIGINT');
  });
  const pool = createWorkerPool(threads, (error) => {
    poolError ??= error;
    stop.abort();
  });
  try {
    return await finish();
  } finally {
    // After the outputs are written: the pool's threads then have long been idle (pool.ts).
    await pool.close();
  }

  async function finish(): Promise<number> {
    let batch;
    try {
      // On one machine, workers spill patch rows beside their units (bounded memory at any fleet
      // size); a shard's partition carries whole units, so a shard keeps them in the unit.
      const patchSpillFile = shard === null ? (u: UnitRef): string => folder.patchFileOf(u) : undefined;
      batch = await runBatch(plan, folder, pool, { signal: stop.signal, progress, ...(patchSpillFile !== undefined ? { patchSpillFile } : {}) });
    } finally {
      progress.stop();
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    }
    if (poolError !== null) throw poolError;

    if (batch.status === 'interrupted') {
      io.stderr(
        `interrupted: ${batch.units.length} unit(s) finished and kept in ${workDir}; nothing was written to ${outDir}\n` +
          `to finish, run the same command again with --resume\n`,
      );
      return EXIT_SIGNAL[stoppedBy ?? 'SIGINT'];
    }
    if (batch.status === 'failed') {
      for (const f of batch.failures) io.stderr(failureText(f, plan, args, outDir) + '\n');
      io.stderr(
        `${batch.failures.length} unit(s) failed; the ${batch.units.length} other(s) finished and are kept in ${workDir}; ` +
          `nothing was written to ${outDir}\n`,
      );
      return EXIT_INTERNAL;
    }

    const load = rememberLastUnit((u) => folder.loadRows(u));
    const common = { scenario, source: source, scenarioFile: basename(args.scenario), toolVersion: version, parquet: args.parquet !== false };
    if (shard !== null) {
      writeOutputDir(outDir, partitionFiles({
        plan, shard, units: batch.units, read: (u) => folder.read(u), load, source: source,
        scenarioFile: common.scenarioFile, toolVersion: version, parquet: common.parquet,
      }), args.force);
      folder.remove();
      io.stdout(`shard ${shard.index}/${shard.count} (${shard.source}): ${batch.units.length} unit(s) written to ${outDir}; combine the shards with \`lambda-rollout-sim merge\`\n`);
    } else {
      const out = batchOutputs(plan, batch.units, load, batch.targetCi, common);
      // The report is built from the staged data files and swapped in with them. It shows no run
      // time: every output file is a function of the scenario and seed alone.
      await writeOutputDirWith(outDir, out.files, args.force, reportFiles);
      folder.remove();
      const summary = out.summary as Parameters<typeof formatHeadline>[0] & Parameters<typeof formatSweepHeadline>[0];
      io.stdout(plan.parameters === null ? formatHeadline(summary, outDir) : formatSweepHeadline(summary, outDir));
      io.stdout(`report in ${join(outDir, 'report.html')}\n`);
    }
    if (!args.quiet) io.stderr(`done in ${elapsedSeconds(started).toFixed(1)} s with ${threads} worker thread(s)\n`);
    return EXIT_OK;
  }
}

/** A failed unit: what it was, why, and one command that runs it alone. */
function failureText(f: UnitFailureReport, plan: BatchPlan, args: RunArgs, outDir: string): string {
  const point = plan.points.find((p) => p.index === f.point);
  const where = plan.parameters === null || point === undefined
    ? ''
    : ` (${plan.parameters.map((key, k) => `${key} = ${show(point.values[k])}`).join(', ')})`;
  const command = [
    'lambda-rollout-sim', 'run', args.scenario, '--seed', String(f.seed),
    ...(plan.parameters === null ? [] : ['--point', String(f.point)]),
    '--replication', String(f.replication),
    ...(args.patches ? [] : ['--no-patches']),
    '--workers', '1', '--out', `${outDir}-${unitId(f)}`,
  ].map(shellWord).join(' ');
  return `unit ${unitId(f)} failed: point ${f.point}${where}, replication ${f.replication}, seed ${f.seed}: ${f.message}\n  reproduce it alone: ${command}`;
}

function elapsedSeconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}
