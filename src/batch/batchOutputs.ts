/**
 * From a finished batch to its output files: the result hash and every file, for a run on
 * one machine and for a merge of shards alike (so both give the same bytes).
 */
import { createHash } from 'node:crypto';
import { buildVersionTable } from '../model/catalog/versionTable.js';
import { batchOutputFiles, type BatchOutput } from '../output/batchFiles.js';
import type { TargetCiOutcome } from '../output/summaryJson.js';
import type { Scenario } from '../model/spec.js';
import { initStartUnitOf, type BatchPlan } from './plan.js';
import type { UnitRows, UnitSummary } from './unitCodec.js';

/**
 * sha256 over the units' digests in plan order: `replication:digest` lines without a
 * sweep (as a run of replications always hashed), `point:replication:digest` with one.
 */
export function batchResultHash(units: readonly Pick<UnitSummary, 'point' | 'replication' | 'digest'>[], sweep: boolean): string {
  const hash = createHash('sha256');
  for (const u of units) hash.update(sweep ? `${u.point}:${u.replication}:${u.digest}\n` : `${u.replication}:${u.digest}\n`);
  return hash.digest('hex');
}

export interface BatchOutputMeta {
  readonly scenario: Scenario;
  readonly source: string;
  readonly scenarioFile: string;
  readonly toolVersion: string;
  readonly parquet: boolean;
}

export function batchOutputs(
  plan: BatchPlan,
  units: readonly UnitSummary[],
  load: (unit: UnitSummary) => UnitRows,
  targetCi: TargetCiOutcome | null,
  meta: BatchOutputMeta,
): BatchOutput & { resultHash: string } {
  const sweep = plan.parameters !== null;
  const resultHash = batchResultHash(units, sweep);
  const init = initStartUnitOf(plan);
  const initStartUnit = init === null ? null : units.find((u) => u.point === init.point && u.replication === init.replication) ?? null;
  const out = batchOutputFiles({
    scenario: meta.scenario,
    source: meta.source,
    seed: plan.seed,
    parameters: plan.parameters,
    points: plan.points.map((p) => ({ index: p.index, values: p.values, scenario: p.scenario, versions: buildVersionTable(p.scenario) })),
    units,
    load,
    initStartUnit,
    resultHash,
    keepPatches: plan.keepPatches,
    parquet: meta.parquet,
    targetCi,
    toolVersion: meta.toolVersion,
    scenarioFile: meta.scenarioFile,
    scenarioSha256: createHash('sha256').update(meta.source).digest('hex'),
  });
  return { ...out, resultHash };
}
