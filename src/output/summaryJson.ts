/**
 * summary.json: the run's identity and headline metrics (mean and 95% CI over
 * replications), in the shape summaryShape.ts declares. Holds nothing that varies between
 * identical runs (no clock, no host, no number of workers), so the same scenario and seed
 * give the same bytes.
 */
import type { Scenario } from '../model/spec.js';
import { METRICS, replicationMetrics, summarizeMetricRows } from '../analysis/metrics.js';
import type { ReplicationResult } from '../model/result.js';
import { DAY_MS } from '../model/units.js';
import { pointMetrics, unitsByPoint } from './byPoint.js';
import type { PerReplicationJson, SummaryJson, TargetCiJson } from './summaryShape.js';
import type { UnitSummary } from './unitData.js';
import { deprecatedByRegion, deprecatedByRegionOf } from './deprecatedRuntimeJson.js';

export interface SummaryMeta {
  readonly toolVersion: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly outputs: readonly string[];
}

/** `--target-ci`: the goal and, per point, whether it was met. */
export interface TargetCiOutcome {
  /** Relative half-width asked for, e.g. 0.05. */
  readonly target: number;
  readonly maxReplications: number;
  readonly metrics: readonly string[];
  readonly points: ReadonlyMap<number, PointCiOutcome>;
}

export interface PointCiOutcome {
  readonly met: boolean;
  /** CI half-width / |mean| per target metric; null when the metric is undefined in some replication. */
  readonly relativeHalfWidths: Readonly<Record<string, number | null>>;
}

export interface SweepSummary {
  /** The sweep's keys as written. */
  readonly parameters: readonly string[];
  readonly points: readonly { readonly index: number; readonly values: readonly unknown[] }[];
}

export interface SummaryInput {
  /** The scenario as written (without a sweep point's values). */
  readonly scenario: Scenario;
  readonly seed: number;
  readonly resultHash: string;
  /** Every unit, points in order, replications in order within a point. */
  readonly units: readonly UnitSummary[];
  readonly sweep: SweepSummary | null;
  readonly targetCi: TargetCiOutcome | null;
}

export function summaryObject(input: SummaryInput, meta: SummaryMeta): SummaryJson {
  const { scenario, units, sweep, targetCi } = input;
  const identity = {
    tool: { name: 'lambda-rollout-sim', version: meta.toolVersion },
    scenario: scenario.name,
    scenarioFile: meta.scenarioFile,
    scenarioSha256: meta.scenarioSha256,
    seed: input.seed,
  };
  const shape = {
    functions: scenario.fleet.functions,
    horizonDays: scenario.horizonMs / DAY_MS,
    sampleEveryDays: scenario.sampleEveryMs / DAY_MS,
    // The real calendar: only with startDate, so other summaries are unchanged.
    ...(scenario.calendar === undefined ? {} : { startDate: new Date(scenario.calendar.startDateMs).toISOString().slice(0, 10) }),
  };
  const perReplication = (u: UnitSummary, withPoint: boolean): PerReplicationJson => ({
    ...(withPoint ? { point: u.point } : {}),
    replication: u.replication,
    digest: u.digest,
    functions: u.functions,
    createdFunctions: u.createdFunctions,
    metrics: u.metrics,
  });

  if (sweep === null) {
    const only = targetCi?.points.values().next().value;
    return {
      ...identity,
      replications: units.length,
      ...shape,
      resultHash: input.resultHash,
      metrics: summarizeMetricRows(units.map((u) => u.metrics)),
      ...deprecatedByRegion(scenario, units),
      metricDefinitions: METRICS,
      perReplication: units.map((u) => perReplication(u, false)),
      ...(targetCi === null ? {} : { targetCi: { ...goal(targetCi), ...(only ?? {}) } }),
      outputs: meta.outputs,
    };
  }

  const byPoint = unitsByPoint(units);
  const counts = new Set([...byPoint.values()].map((l) => l.length));
  return {
    ...identity,
    replications: counts.size === 1 ? [...counts][0]! : null,
    units: units.length,
    ...shape,
    resultHash: input.resultHash,
    sweep: { parameters: sweep.parameters, points: sweep.points.length },
    points: sweep.points.map((p) => {
      const outcome = targetCi?.points.get(p.index);
      const rows = pointMetrics(byPoint, p.index);
      return {
        point: p.index,
        parameters: Object.fromEntries(sweep.parameters.map((key, k) => [key, p.values[k]])),
        replications: rows.length,
        metrics: summarizeMetricRows(rows),
        ...deprecatedByRegion(scenario, byPoint.get(p.index) ?? []),
        ...(outcome === undefined ? {} : { targetCi: outcome }),
      };
    }),
    metricDefinitions: METRICS,
    perReplication: units.map((u) => perReplication(u, true)),
    ...(targetCi === null
      ? {}
      : { targetCi: { ...goal(targetCi), metAt: [...targetCi.points.values()].filter((o) => o.met).length } }),
    outputs: meta.outputs,
  };
}

function goal(t: TargetCiOutcome): TargetCiJson {
  return { relativeHalfWidth: t.target, maxReplications: t.maxReplications, metrics: t.metrics };
}

/** The summary of replications run in one process (no sweep). */
export function buildSummary(
  scenario: Scenario,
  seed: number,
  run: { readonly results: readonly ReplicationResult[]; readonly resultHash: string },
  meta: SummaryMeta,
): SummaryJson {
  const units = run.results.map((r): UnitSummary => ({
    point: 0,
    replication: r.replication,
    seed: r.seed,
    digest: r.digest,
    functions: r.totals.functions,
    createdFunctions: r.totals.createdFunctions,
    events: r.totals.events,
    metrics: replicationMetrics(r),
    ...deprecatedByRegionOf(r),
  }));
  return summaryObject({ scenario, seed, resultHash: run.resultHash, units, sweep: null, targetCi: null }, meta);
}
