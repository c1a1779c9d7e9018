/**
 * The checks of `merge`, beside the partition code: the partitions that `run --shard` wrote
 * must come from one batch (scenario text, seed, options, tool version), each shard once, and
 * hold every unit of the re-planned batch exactly once, each matching its manifest entry.
 * Any failure is a PartitionError (a user error: nothing is written).
 */
import { parseScenario, type LoadResult } from '../scenario/load.js';
import { rememberLastUnit } from './lastUnit.js';
import { readPartitionUnit, PartitionError, type ManifestUnit, type Partition } from './partition.js';
import { makePlan, planIdentity, planUnits, unitId, type BatchPlan } from './plan.js';
import { decodeUnit, decodeUnitSummary, type UnitRows, type UnitSummary } from './unitCodec.js';

const MAX_LISTED = 10;

function listed(ids: readonly string[]): string {
  return ids.length <= MAX_LISTED ? ids.join(', ') : `${ids.slice(0, MAX_LISTED).join(', ')} and ${ids.length - MAX_LISTED} more`;
}

/** The batch settings a partition's manifest records. */
export interface ManifestBatch {
  readonly seed: number;
  readonly keepPatches: boolean;
  readonly points: number[];
  readonly replications: number;
  readonly onlyReplication: number | null;
  readonly toolVersion: string;
}

export interface CheckedPartitions {
  readonly loaded: Extract<LoadResult, { ok: true }>;
  readonly batch: ManifestBatch;
  readonly plan: BatchPlan;
  /** Every unit of the batch, in plan order. */
  readonly units: UnitSummary[];
  readonly load: (unit: UnitSummary) => UnitRows;
}

type ScenarioErrors = Extract<LoadResult, { ok: false }>['errors'];

/** `onScenarioErrors` hears why the shards' scenario no longer loads, before the refusal. */
export function checkPartitions(partitions: readonly Partition[], onScenarioErrors: (errors: ScenarioErrors) => void): CheckedPartitions {
  const first = partitions[0]!;
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
    onScenarioErrors(loaded.errors);
    throw new PartitionError(`${first.dir}/scenario.yaml no longer loads with this version of the tool`);
  }
  const batch = first.manifest.batch as unknown as ManifestBatch;
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
  return { loaded, batch, plan, units, load };
}
