/**
 * `run FILE`: checks the command line, loads and validates the scenario, then hands the batch
 * to batch/runScenarioBatch.ts (plan → simulate on worker threads → aggregate → write, with
 * all files swapped into the output folder at once). Here: progress, Ctrl-C, and the outcome
 * as text and an exit code. Nothing is written when the input is bad; finished units wait in
 * a work folder beside the output, so an interrupted batch resumes (`--resume`) where it stopped.
 *
 * With a shard (`--shard i/K`, or `--shards K` and an index from the cluster engine), the
 * output folder is that shard's partition, for `merge`.
 */
import { basename, extname, join } from 'node:path';
import { HEADLINE_METRICS } from '../../analysis/headline.js';
import { METRIC_NAMES, type MetricName } from '../../analysis/metrics.js';
import { unitId, type BatchPlan } from '../../batch/plan.js';
import type { UnitFailureReport } from '../../batch/runBatch.js';
import { runScenarioBatch } from '../../batch/runScenarioBatch.js';
import { resolveShard, type Env, type Shard } from '../../batch/shard.js';
import type { TargetCiSpec } from '../../batch/targetCi.js';
import { formatScenarioError, loadScenarioFile } from '../../scenario/load.js';
import { show } from '../../scenario/messages.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { UsageError } from '../usageError.js';
import { toolVersion } from '../version.js';
import { headlineOf } from './headline.js';

type ReportModule = typeof import('../../report/reportFiles.js');

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

/** Faults a test injects by calling runCommand directly; the command line never sets them. */
export interface RunTestHooks {
  /** Units (`point:replication`) that throw instead of simulating. */
  readonly failUnits?: ReadonlySet<string>;
}

export async function runCommand(args: RunArgs, io: CliIo, env: Env = process.env, hooks: RunTestHooks = {}): Promise<number> {
  checkCount('seed', args.seed, 0);
  checkCount('replications', args.replications, 1);
  checkCount('workers', args.workers, 1);
  checkCount('max-replications', args.maxReplications, 2);
  checkCount('point', args.point, 0);
  checkCount('replication', args.replication, 0);
  const targetCi = targetSpec(args);
  const shard: Shard | null = resolveShard({ shard: args.shard, shards: args.shards }, env);

  const loaded = await loadScenarioFile(args.scenario);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(formatScenarioError(e) + '\n');
    return EXIT_USAGE;
  }
  const { scenario, sweep, source } = loaded;
  const warnings = new Set([...scenario.warnings, ...(sweep?.points.flatMap((p) => p.scenario.warnings) ?? [])]);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  const outDir = args.out ?? join('reports', basename(args.scenario, extname(args.scenario)));

  const stop = new AbortController();
  let stoppedBy: keyof typeof EXIT_SIGNAL | null = null;
  const onSignal = (signal: keyof typeof EXIT_SIGNAL) => (): void => {
    if (stoppedBy !== null) process.exit(EXIT_SIGNAL[signal]); // a second Ctrl-C: leave at once (stored units are whole)
    stoppedBy = signal;
    if (!args.quiet) io.stderr(`\n${signal}: stopping once the running units finish (they are kept); press Ctrl-C again to quit at once\n`);
    stop.abort();
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  let started = process.hrtime.bigint();
  // The report's modules (vega, arquero: about half a second) load while the workers simulate,
  // once they have started, instead of before; a shard writes no report.
  let report: Promise<ReportModule> | null = null;
  const loadReport = (): Promise<ReportModule> => (report ??= import('../../report/reportFiles.js'));
  const outcome = await runScenarioBatch(
    {
      scenarioFile: args.scenario, scenario, sweep, source, outDir,
      seed: args.seed ?? scenario.seed,
      replications: args.replications ?? scenario.replications,
      keepPatches: args.patches,
      point: args.point ?? null,
      replication: args.replication ?? null,
      targetCi, shard,
      workers: args.workers,
      resume: args.resume === true,
      force: args.force,
      parquet: args.parquet !== false,
      toolVersion: toolVersion(),
    },
    {
      onResumed: (units, workDir) => {
        if (!args.quiet) io.stderr(`resuming: ${units} finished unit(s) found in ${workDir}\n`);
      },
      begin: () => {
        started = process.hrtime.bigint();
        if (shard === null) setImmediate(() => void loadReport().catch(() => undefined)); // after the pool has started; a failure shows when awaited
        process.on('SIGINT', handlers.SIGINT);
        process.on('SIGTERM', handlers.SIGTERM);
        const sigintAfter = Number(env[SIGINT_AFTER_ENV] ?? Number.NaN);
        const progress = createProgress(io, args.quiet, (done) => {
          if (done === sigintAfter) process.kill(process.pid, 'SIGINT');
        });
        return {
          progress,
          signal: stop.signal,
          end: () => {
            progress.stop();
            process.off('SIGINT', handlers.SIGINT);
            process.off('SIGTERM', handlers.SIGTERM);
          },
        };
      },
      lateFiles: async (staging) => (await loadReport()).reportFiles(staging),
      // A large run spends seconds here after the last unit (every output file and the report).
      onWriting: () => {
        if (!args.quiet) io.stderr(`writing ${outDir} (${shard === null ? 'every output file and the report' : `shard ${shard.index}/${shard.count}'s partition`})…\n`);
      },
      ...(hooks.failUnits === undefined ? {} : { failUnits: hooks.failUnits }),
    },
  );

  const { workDir } = outcome;
  if (outcome.status === 'interrupted') {
    io.stderr(
      `interrupted: ${outcome.units.length} unit(s) finished and kept in ${workDir}; nothing was written to ${outDir}\n` +
        `to finish, run the same command again with --resume\n`,
    );
    return EXIT_SIGNAL[stoppedBy ?? 'SIGINT'];
  }
  if (outcome.status === 'failed') {
    for (const f of outcome.failures) io.stderr(failureText(f, outcome.plan, args, outDir) + '\n');
    io.stderr(
      `${outcome.failures.length} unit(s) failed; the ${outcome.units.length} other(s) finished and are kept in ${workDir}; ` +
        `nothing was written to ${outDir}\n`,
    );
    return EXIT_INTERNAL;
  }
  if (outcome.summary === null) {
    io.stdout(`shard ${shard!.index}/${shard!.count} (${shard!.source}): ${outcome.units.length} unit(s) written to ${outDir}; combine the shards with \`lambda-rollout-sim merge\`\n`);
  } else {
    io.stdout(headlineOf(outcome.summary, outDir));
    io.stdout(`report in ${join(outDir, 'report.html')}\n`);
  }
  if (!args.quiet) io.stderr(`done in ${elapsedSeconds(started).toFixed(1)} s with ${outcome.threads} worker thread(s)\n`);
  return EXIT_OK;
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
