/**
 * `run FILE`: load → validate → simulate every replication → aggregate → write, with all
 * files swapped into the output folder at once. Nothing is written when the input is bad.
 */
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { formatScenarioError, loadScenarioFile } from '../../scenario/load.js';
import { runReplications } from '../../batch/runReplications.js';
import { catalogLines } from '../../output/catalogCsv.js';
import { chunked } from '../../output/csv.js';
import { episodesLines } from '../../output/episodesCsv.js';
import { eventLines } from '../../output/eventsNdjson.js';
import { exposureLines } from '../../output/exposureCsv.js';
import { initStartLines } from '../../output/initStartNdjson.js';
import { patchesLines } from '../../output/patchesCsv.js';
import { releasesLines } from '../../output/releasesCsv.js';
import { buildSummary } from '../../output/summaryJson.js';
import { timeseriesLines } from '../../output/timeseriesCsv.js';
import { checkOutputDir, writeOutputDir, type OutputFile } from '../../output/writeOutputDir.js';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io.js';
import { toolVersion } from '../version.js';
import { formatHeadline } from './headline.js';

export interface RunArgs {
  readonly scenario: string;
  readonly out?: string | undefined;
  readonly seed?: number | undefined;
  readonly replications?: number | undefined;
  readonly patches: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
}

function checkCount(name: string, value: number | undefined, min: number): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${value}`);
}

export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  checkCount('seed', args.seed, 0);
  checkCount('replications', args.replications, 1);
  const loaded = await loadScenarioFile(args.scenario);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(formatScenarioError(e) + '\n');
    return EXIT_USAGE;
  }
  const { scenario } = loaded;
  for (const w of scenario.warnings) io.stderr(`warning: ${w}\n`);
  const outDir = args.out ?? join('reports', basename(args.scenario, extname(args.scenario)));
  checkOutputDir(outDir, args.force);

  const seed = args.seed ?? scenario.seed;
  const replications = args.replications ?? scenario.replications;
  const started = process.hrtime.bigint();
  const run = runReplications(scenario, {
    seed,
    replications,
    keepPatches: args.patches,
    onReplication: (done, total) => {
      if (!args.quiet) io.stderr(`replication ${done}/${total} done (${elapsedSeconds(started).toFixed(1)} s)\n`);
    },
  });

  const first = run.results[0];
  const initStart = first?.initStart ?? null;
  const optional: OutputFile[] = [
    ...(args.patches ? [{ name: 'patches.csv', chunks: chunked(patchesLines(scenario, run.versions, run.results)) }] : []),
    ...(scenario.outputs.events ? [{ name: 'events.ndjson', chunks: chunked(eventLines(scenario, run.versions, run.results)) }] : []),
    ...(initStart !== null && first?.initStartFunctions
      ? [{ name: 'init_start.ndjson', chunks: chunked(initStartLines(scenario, run.versions, initStart, first.initStartFunctions)) }]
      : []),
  ];
  const outputs = [
    'summary.json', 'timeseries.csv', 'exposure.csv', 'episodes.csv', 'releases.csv', ...optional.map((f) => f.name), 'catalog.csv', 'scenario.yaml',
  ];
  const summary = buildSummary(scenario, seed, run, {
    toolVersion: toolVersion(),
    scenarioFile: basename(args.scenario),
    scenarioSha256: createHash('sha256').update(loaded.source).digest('hex'),
    outputs,
  });
  const files: OutputFile[] = [
    { name: 'summary.json', chunks: [JSON.stringify(summary, null, 2) + '\n'] },
    { name: 'timeseries.csv', chunks: chunked(timeseriesLines(scenario, run.versions, run.results)) },
    { name: 'exposure.csv', chunks: chunked(exposureLines(scenario, run.versions, run.results)) },
    { name: 'episodes.csv', chunks: chunked(episodesLines(scenario, run.versions, run.results)) },
    { name: 'releases.csv', chunks: chunked(releasesLines(scenario, run.versions, run.results)) },
    ...optional,
    { name: 'catalog.csv', chunks: chunked(catalogLines(scenario, run.versions)) },
    { name: 'scenario.yaml', chunks: [loaded.source] },
  ];
  writeOutputDir(outDir, files, args.force);

  io.stdout(formatHeadline(summary as Parameters<typeof formatHeadline>[0], outDir));
  if (!args.quiet) io.stderr(`done in ${elapsedSeconds(started).toFixed(1)} s\n`);
  return EXIT_OK;
}

function elapsedSeconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}
