/**
 * summary.json: the run's identity and headline metrics (mean and 95% CI over
 * replications). Holds nothing that varies between identical runs (no clock, no host),
 * so the same scenario and seed give the same bytes.
 */
import type { Scenario } from '../scenario/types.js';
import { METRICS, summarizeMetrics, replicationMetrics } from '../analysis/metrics.js';
import type { RunResult } from '../batch/runReplications.js';
import { DAY_MS } from '../model/units.js';

export interface SummaryMeta {
  readonly toolVersion: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly outputs: readonly string[];
}

export function buildSummary(scenario: Scenario, seed: number, run: RunResult, meta: SummaryMeta): object {
  const metrics = summarizeMetrics(run.results);
  return {
    tool: { name: 'lambda-rollout-sim', version: meta.toolVersion },
    scenario: scenario.name,
    scenarioFile: meta.scenarioFile,
    scenarioSha256: meta.scenarioSha256,
    seed,
    replications: run.results.length,
    functions: scenario.fleet.functions,
    horizonDays: scenario.horizonMs / DAY_MS,
    sampleEveryDays: scenario.sampleEveryMs / DAY_MS,
    resultHash: run.resultHash,
    metrics,
    metricDefinitions: METRICS,
    perReplication: run.results.map((r) => ({
      replication: r.replication,
      digest: r.digest,
      functions: r.totals.functions,
      createdFunctions: r.totals.createdFunctions,
      metrics: replicationMetrics(r),
    })),
    outputs: meta.outputs,
  };
}
