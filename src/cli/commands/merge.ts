/**
 * `merge DIR... --out OUT`: combines the partitions that `run --shard` wrote into the same
 * output folder, byte for byte and with the same resultHash, as one run on one machine.
 * Refuses, before writing anything, partitions of different batches (scenario text, seed,
 * options, tool version), a shard given twice, and any unit missing or present twice.
 */
import { basename } from 'node:path';
import { batchOutputs } from '../../batch/batchOutputs.js';
import { readPartition, readPartitionUnit, PartitionError, type ManifestUnit, type Partition } from '../../batch/partition.js';
import { makePlan, planIdentity, planUnits, unitId } from '../../batch/plan.js';
import { rememberLastUnit } from '../../batch/lastUnit.js';
import { decodeUnit, decodeUnitSummary, type UnitSummary } from '../../batch/unitCodec.js';
import { writeOutputDirWith, checkOutputDir } from '../../output/writeOutputDir.js';
import { formatScenarioError, parseScenario } from '../../scenario/load.js';
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

const MAX_LISTED = 10;

function listed(ids: readonly string[]): string {
  return ids.length <= MAX_LISTED ? ids.join(', ') : `${ids.slice(0, MAX_LISTED).join(', ')} and ${ids.length - MAX_LISTED} more`;
}

export async function mergeCommand(args: MergeArgs, io: CliIo): Promise<number> {
  checkOutputDir(args.out, args.force);
  const partitions = args.dirs.map(readPartition);
  const first = partitions[0];
  if (first === undefined) throw new UsageError('merge needs at least one partition folder');

  // The same batch everywhere, each shard once.
  const identity = JSON.stringify(first.manifest.batch);
  const shardOf = new Map<number, string>();
  for (const p of partitions) {
    if (JSON.stringify(p.manifest.batch) !== identity) {
      const a = first.manifest.batch;
      const b = p.manifest.batch;
      const keys = Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      throw new PartitionError(`${p.dir} is not from the same batch as ${first.dir} (differs in ${keys.join(', ') || 'its settings'})`);
    }
    const seen = shardOf.get(p.manifest.shard.index);
    if (seen !== undefined) throw new PartitionError(`${seen} and ${p.dir} are both shard ${p.manifest.shard.index}/${p.manifest.shard.count}`);
    shardOf.set(p.manifest.shard.index, p.dir);
  }

  // Re-plan the whole batch from the scenario the shards ran.
  const loaded = parseScenario(first.source, first.manifest.scenarioFile);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.stderr(formatScenarioError(e) + '\n');
    throw new PartitionError(`${first.dir}/scenario.yaml no longer loads with this version of the tool`);
  }
  const batch = first.manifest.batch as {
    seed: number; keepPatches: boolean; points: number[]; replications: number; onlyReplication: number | null; toolVersion: string;
  };
  const allPoints = loaded.sweep?.points.length ?? 1;
  const plan = makePlan(loaded.scenario, loaded.sweep, {
    seed: batch.seed,
    replications: batch.replications,
    keepPatches: batch.keepPatches,
    point: batch.points.length === 1 && allPoints > 1 ? batch.points[0]! : null,
    replication: batch.onlyReplication,
    targetCi: null,
    shard: null,
    failUnits: new Set(),
  });
  const expectedIdentity = { ...planIdentity(plan, first.manifest.scenarioSha256, batch.toolVersion), shards: first.manifest.shard.count };
  if (JSON.stringify(expectedIdentity) !== identity) {
    throw new PartitionError(`${first.dir}: its manifest does not describe a batch of its own scenario.yaml`);
  }

  // Every unit exactly once.
  const found = new Map<string, { partition: Partition; unit: ManifestUnit }>();
  const twice: string[] = [];
  for (const p of partitions) {
    for (const unit of p.manifest.units) {
      const other = found.get(unit.id);
      if (other !== undefined) twice.push(`${unit.id} (${other.partition.dir} and ${p.dir})`);
      else found.set(unit.id, { partition: p, unit });
    }
  }
  if (twice.length > 0) throw new PartitionError(`unit(s) present more than once: ${listed(twice)}`);
  const expected = planUnits(plan, new Map());
  const expectedIds = new Set(expected.map(unitId));
  const missing = expected.map(unitId).filter((id) => !found.has(id));
  const extra = [...found.keys()].filter((id) => !expectedIds.has(id));
  if (missing.length > 0) {
    const count = first.manifest.shard.count;
    const absent = [...Array(count).keys()].filter((i) => !shardOf.has(i));
    throw new PartitionError(
      `${missing.length} unit(s) missing: ${listed(missing)}` + (absent.length > 0 ? ` (no partition given for shard(s) ${absent.join(', ')} of ${count})` : ''),
    );
  }
  if (extra.length > 0) throw new PartitionError(`unit(s) that are not part of the batch: ${listed(extra)}`);

  const units: UnitSummary[] = expected.map((ref) => {
    const { partition, unit } = found.get(unitId(ref))!;
    const summary = decodeUnitSummary(readPartitionUnit(partition, unit));
    if (summary.digest !== unit.digest || summary.point !== unit.point || summary.replication !== unit.replication) {
      throw new PartitionError(`${partition.dir}/${unit.file}: does not match its manifest entry`);
    }
    return summary;
  });
  const load = rememberLastUnit((u) => {
    const { partition, unit } = found.get(unitId(u))!;
    return decodeUnit(readPartitionUnit(partition, unit)).rows;
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
