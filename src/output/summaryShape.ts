/**
 * summary.json's shape, declared once: summaryJson.ts writes it, and every reader (the
 * report, the headline `run` and `merge` print) reads it through these types.
 *
 * Without a sweep: `metrics` over the replications, and `perReplication`. With a sweep:
 * `units`, `sweep` and `points: [{point, parameters: {path: value}, replications, metrics}]`
 * instead of `metrics`, and `perReplication` rows carry their `point`.
 */
import type { MetricDefinition, MetricName, MetricSummary } from '../analysis/metrics.js';

/** One metric: mean and 95% CI over replications. */
export type MetricJson = MetricSummary;

/** `--target-ci` as summary.json records it. */
export interface TargetCiJson {
  /** Relative half-width asked for, e.g. 0.05. */
  readonly relativeHalfWidth: number;
  readonly maxReplications: number;
  readonly metrics: readonly string[];
  /** Without a sweep: whether the goal was met, and each target metric's half-width / |mean|. */
  readonly met?: boolean;
  readonly relativeHalfWidths?: Readonly<Record<string, number | null>>;
  /** With a sweep: at how many points the goal was met. */
  readonly metAt?: number;
}

export interface PerReplicationJson {
  /** With a sweep only. */
  readonly point?: number;
  readonly replication: number;
  readonly digest: string;
  readonly functions: number;
  readonly createdFunctions: number;
  readonly metrics: Readonly<Record<MetricName, number | null>>;
}

/** Per fleet region (only with `startDate`): mean functions on a deprecated runtime at the horizon, and their function-days. */
export type DeprecatedRuntimeJson = Readonly<Record<string, { readonly functions: number; readonly functionDays: number }>>;

export interface PointJson {
  readonly point: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly replications: number;
  readonly metrics: Readonly<Record<string, MetricJson>>;
  readonly deprecatedRuntimeByRegion?: DeprecatedRuntimeJson;
  readonly targetCi?: { readonly met: boolean; readonly relativeHalfWidths: Readonly<Record<string, number | null>> };
}

export interface SummaryJson {
  readonly tool: { readonly name: string; readonly version: string };
  readonly scenario: string;
  readonly scenarioFile: string;
  readonly scenarioSha256: string;
  readonly seed: number;
  /** Replications of every point; null in a sweep whose points ran different numbers (--target-ci). */
  readonly replications: number | null;
  /** With a sweep: units over all points. */
  readonly units?: number;
  readonly functions: number;
  readonly horizonDays: number;
  readonly sampleEveryDays: number;
  /** The real calendar's first day (YYYY-MM-DD), only when the scenario sets `startDate`. */
  readonly startDate?: string;
  readonly resultHash: string;
  /** With a sweep: the swept keys as written, and the number of points. */
  readonly sweep?: { readonly parameters: readonly string[]; readonly points: number };
  /** Without a sweep: over the replications. */
  readonly metrics?: Readonly<Record<string, MetricJson>>;
  /** Without a sweep, and only with `startDate`. */
  readonly deprecatedRuntimeByRegion?: DeprecatedRuntimeJson;
  /** With a sweep: each point's. */
  readonly points?: readonly PointJson[];
  readonly metricDefinitions: Readonly<Record<string, MetricDefinition>>;
  readonly perReplication: readonly PerReplicationJson[];
  readonly targetCi?: TargetCiJson;
  /** The output files, as written (Parquet twins not listed). */
  readonly outputs: readonly string[];
}

/** A summary of a run without a sweep. */
export type RunSummaryJson = SummaryJson & { readonly replications: number; readonly metrics: Readonly<Record<string, MetricJson>> };
/** A summary of a sweep. */
export type SweepSummaryJson = SummaryJson & { readonly units: number; readonly points: readonly PointJson[] };

export function isSweepSummary(summary: SummaryJson): summary is SweepSummaryJson {
  return summary.points !== undefined;
}

/** A metric as a reader may rely on it: mean and CI always; the rest may be missing in a folder from another version. */
export type CheckedMetricJson = Pick<MetricJson, 'mean' | 'ci95'> & Partial<MetricJson>;

type Checked = 'scenario' | 'seed' | 'replications' | 'functions' | 'horizonDays' | 'resultHash';

/**
 * summary.json as a reader may rely on it after checking the fields it needs (the report's
 * checkSummary): those fields always; the others may be missing in a folder written by
 * another version of the tool.
 */
export type CheckedSummaryJson = Pick<SummaryJson, Checked> &
  Partial<Omit<SummaryJson, Checked | 'metrics' | 'points'>> & {
    readonly metrics?: Readonly<Record<string, CheckedMetricJson>>;
    readonly points?: readonly (Pick<PointJson, 'point' | 'parameters'> & Partial<Omit<PointJson, 'metrics'>> & { readonly metrics: Readonly<Record<string, CheckedMetricJson>> })[];
  };
