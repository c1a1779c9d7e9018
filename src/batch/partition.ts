/**
 * A shard's output: a partition that `merge` combines with the others.
 *
 *   manifest.json        format, tool, the batch's identity (scenario sha256, seed, options),
 *                        the shard (index/count) and every unit: id, point, replication,
 *                        seed, digest, file, bytes, sha256
 *   scenario.yaml        the scenario as run (merge re-plans the batch from it)
 *   units/p3-r7.unit     each unit, packed (unitCodec.ts): what merge reads
 *   <table>.parquet      the shard's row data (timeseries, patches, exposure, episodes,
 *                        releases; with `point` first when there is a sweep), for loading
 *                        partitions directly without merging
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/userError.js';
import { buildVersionTable } from '../model/catalog/versionTable.js';
import { ROW_TABLES } from '../output/batchFiles.js';
import { parquetChunks } from '../output/parquet.js';
import type { Cell } from '../output/table.js';
import type { OutputFile } from '../output/writeOutputDir.js';
import { planIdentity, unitId, type BatchPlan } from './plan.js';
import type { Shard } from './shard.js';
import type { UnitRows, UnitSummary } from './unitCodec.js';

export const PARTITION_FORMAT = 'lambda-rollout-sim partition 1';
export const MANIFEST_FILE = 'manifest.json';

export interface ManifestUnit {
  readonly id: string;
  readonly point: number;
  readonly replication: number;
  readonly seed: number;
  readonly digest: string;
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface PartitionManifest {
  readonly format: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  /** planIdentity: equal in every partition of one batch. */
  readonly batch: Record<string, unknown>;
  readonly shard: { readonly index: number; readonly count: number };
  readonly parameters: readonly string[] | null;
  readonly units: readonly ManifestUnit[];
}

export interface PartitionInput {
  readonly plan: BatchPlan;
  readonly shard: Shard;
  readonly units: readonly UnitSummary[];
  readonly read: (unit: UnitSummary) => Uint8Array;
  readonly load: (unit: UnitSummary) => UnitRows;
  readonly source: string;
  readonly scenarioFile: string;
  readonly toolVersion: string;
  readonly parquet: boolean;
}

export function partitionFiles(input: PartitionInput): OutputFile[] {
  const { plan } = input;
  const scenarioSha256 = createHash('sha256').update(input.source).digest('hex');
  const unitFiles: OutputFile[] = [];
  const manifestUnits: ManifestUnit[] = input.units.map((u) => {
    const bytes = input.read(u);
    const file = `units/${unitId(u)}.unit`;
    // Read again when written, so that no more than one unit is in memory at a time.
    unitFiles.push({ name: file, chunks: (function* () { yield input.read(u); })() });
    return {
      id: unitId(u),
      point: u.point,
      replication: u.replication,
      seed: u.seed,
      digest: u.digest,
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  });
  const manifest: PartitionManifest = {
    format: PARTITION_FORMAT,
    tool: { name: 'lambda-rollout-sim', version: input.toolVersion },
    scenarioFile: input.scenarioFile,
    scenarioSha256,
    batch: planIdentity(plan, scenarioSha256, input.toolVersion),
    shard: { index: input.shard.index, count: input.shard.count },
    parameters: plan.parameters,
    units: manifestUnits,
  };
  const sweep = plan.parameters !== null;
  const points = new Map(plan.points.map((p) => [p.index, { scenario: p.scenario, versions: buildVersionTable(p.scenario) }]));
  const tables = ROW_TABLES.filter((t) => t.name !== 'patches' || plan.keepPatches);
  const parquet: OutputFile[] = !input.parquet
    ? []
    : tables.map((t) => {
        function* rows(): Generator<readonly Cell[]> {
          for (const u of input.units) {
            const p = points.get(u.point)!;
            for (const row of t.rows(p.scenario, p.versions, input.load(u))) yield sweep ? [u.point, ...row] : row;
          }
        }
        const columns = [...(sweep ? [{ name: 'point', type: 'INT32' as const }] : []), ...t.columns.map(([name, type]) => ({ name, type }))];
        return { name: `${t.name}.parquet`, chunks: parquetChunks(columns, rows(), `lambda-rollout-sim ${input.toolVersion}`) };
      });
  return [
    { name: MANIFEST_FILE, chunks: [JSON.stringify(manifest, null, 2) + '\n'] },
    { name: 'scenario.yaml', chunks: [input.source] },
    ...unitFiles,
    ...parquet,
  ];
}

/** A problem with the partitions given to `merge` (exit code 2). */
export class PartitionError extends UserError {}

export interface Partition {
  readonly dir: string;
  readonly manifest: PartitionManifest;
  readonly source: string;
}

export function readPartition(dir: string): Partition {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new PartitionError(`${dir}: no ${MANIFEST_FILE}; is it the output of \`run --shard\`?`);
  let manifest: PartitionManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as PartitionManifest;
  } catch (error) {
    throw new PartitionError(`${path}: not readable JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (manifest.format !== PARTITION_FORMAT) throw new PartitionError(`${path}: format is \`${String(manifest.format)}\`, expected \`${PARTITION_FORMAT}\``);
  const source = readFileSync(join(dir, 'scenario.yaml'), 'utf8');
  if (createHash('sha256').update(source).digest('hex') !== manifest.scenarioSha256) {
    throw new PartitionError(`${dir}: scenario.yaml does not match the manifest's scenarioSha256`);
  }
  return { dir, manifest, source };
}

/** A unit's bytes from its partition, checked against the manifest. */
export function readPartitionUnit(partition: Partition, unit: ManifestUnit): Uint8Array {
  const path = join(partition.dir, unit.file);
  if (!existsSync(path)) throw new PartitionError(`${partition.dir}: ${unit.file} is missing`);
  const bytes = readFileSync(path);
  if (bytes.length !== unit.bytes || createHash('sha256').update(bytes).digest('hex') !== unit.sha256) {
    throw new PartitionError(`${path}: does not match its sha256 in the manifest (a damaged or partial copy?)`);
  }
  return bytes;
}
