/**
 * `merge DIR... --out OUT`: combines the partitions that `run --shard` wrote into the same
 * output folder, byte for byte and with the same resultHash, as one run on one machine.
 * Refuses, before writing anything, partitions of different batches (scenario text, seed,
 * options, tool version), a shard given twice, and any unit missing or present twice: the
 * checks live beside the partition code (batch/mergeCheck.ts).
 */
import { basename } from 'node:path';
import { batchOutputs } from '../../batch/batchOutputs.js';
import { checkPartitions } from '../../batch/mergeCheck.js';
import { readPartition } from '../../batch/partition.js';
import { writeOutputDirWith, checkOutputDir } from '../../output/writeOutputDir.js';
import { formatScenarioError } from '../../scenario/load.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import { reportFiles } from '../../report/reportFiles.js';
import { toolVersion } from '../version.js';
import { headlineOf } from './headline.js';

export interface MergeArgs {
  readonly dirs: readonly string[];
  readonly out: string;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly parquet?: boolean | undefined;
}

export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<number> {
  checkOutputDir(args.out, args.force);
  const partitions = args.dirs.map(readPartition);
  const first = partitions[0];
  if (first === undefined) throw new UsageError('merge needs at least one partition folder');

  const { plan, units, load, batch, loaded } = checkPartitions(partitions, (errors) => {
    for (const e of errors) io.stderr(formatScenarioError(e) + '\n');
  });
  const version = toolVersion();
  if (version !== batch.toolVersion && !args.quiet) {
    io.stderr(`warning: the shards were run by version ${batch.toolVersion}, this is ${version}\n`);
  }
  const out = batchOutputs(plan, units, load, null, {
    scenario: loaded.scenario,
    source: first.source,
    scenarioFile: basename(first.manifest.scenarioFile),
    toolVersion: batch.toolVersion,
    parquet: args.parquet !== false,
  });
  await writeOutputDirWith(args.out, out.files, args.force, reportFiles);
  io.stdout(`merged ${partitions.length} partition(s), ${units.length} unit(s)\n`);
  io.stdout(headlineOf(out.summary, args.out));
  return EXIT_OK;
}
