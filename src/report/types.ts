/**
 * What a report is made of: the result sets it shows (one run, the points of a sweep, or
 * several runs side by side), their tables, and the files it produces.
 */
import type { ColumnTable } from 'arquero';

/** The files of a report: `report.html` and `charts/<name>.svg`. */
export interface ReportFiles {
  readonly files: { readonly name: string; readonly content: string | Buffer }[];
}

/** One metric of summary.json: mean and 95% CI over replications. */
export interface MetricJson {
  readonly mean: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly unit?: string;
  readonly replications?: number;
  readonly definedIn?: number;
  readonly censoredShare?: number | null;
}

export interface SummaryJson {
  readonly tool?: { readonly name?: string; readonly version?: string };
  readonly scenario: string;
  readonly scenarioFile?: string;
  readonly seed: number;
  /** Replications of every point; null in a sweep whose points ran different numbers (--target-ci). */
  readonly replications: number | null;
  readonly functions: number;
  readonly horizonDays: number;
  readonly sampleEveryDays?: number;
  /** Calendar date of time 0 (`startDate`), when the scenario set one. */
  readonly startDate?: string;
  readonly resultHash: string;
  /** Over the replications; absent in a sweep, whose points each have theirs. */
  readonly metrics?: Readonly<Record<string, MetricJson>>;
  /** With startDate: functions on a deprecated runtime by region (output/deprecatedRuntimeJson.ts). */
  readonly deprecatedRuntimeByRegion?: DeprecatedByRegionJson;
  readonly metricDefinitions?: Readonly<Record<string, { readonly unit: string; readonly description: string }>>;
  readonly perReplication?: readonly {
    readonly replication: number;
    readonly point?: number;
    readonly metrics: Readonly<Record<string, number | null>>;
  }[];
  readonly points?: readonly {
    readonly point: number;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly replications?: number;
    readonly metrics: Readonly<Record<string, MetricJson>>;
    readonly deprecatedRuntimeByRegion?: DeprecatedByRegionJson;
  }[];
}

export type DeprecatedByRegionJson = Readonly<Record<string, { readonly functions: number; readonly functionDays: number }>>;

/** One results folder as read. */
export interface RunInfo {
  readonly dir: string;
  /** How the run is named in a comparison (unique among the runs of a report). */
  readonly label: string;
  readonly summary: SummaryJson;
  /** scenario.yaml as run; null if the folder has none. */
  readonly scenarioText: string | null;
}

/**
 * A result set: one run, or one point of a sweep. `key` is its value in every table's
 * `set` column and its label in charts.
 */
export interface ReportSet {
  readonly key: string;
  readonly run: number;
  readonly point: number | null;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly horizonDays: number;
  readonly replications: number;
}

/** Everything the charts are computed from; every table has a `set` column. */
export interface ReportData {
  readonly runs: readonly RunInfo[];
  readonly sets: readonly ReportSet[];
  /** set, replication: every replication of every set. */
  readonly replications: ColumnTable;
  /** set, metric, mean, lo, hi, replications, unit (summary.json or sweep.csv). */
  readonly setMetrics: ColumnTable;
  /** set, replication, metric, value (summary.json `perReplication`); null when it cannot be tied to sets. */
  readonly perReplication: ColumnTable | null;
  /** set, replication, time_days, runtime, package_type, update_mode, runtime_version, functions, stale. */
  readonly timeseries: ColumnTable | null;
  /** set, replication, package_type, update_mode, t_days, patched (1 | 0 censored); `create` rows left out. */
  readonly patches: ColumnTable | null;
  readonly exposure: ColumnTable | null;
  readonly episodes: ColumnTable | null;
  readonly releases: ColumnTable | null;
  /** set, runtime, runtime_version, rank (release order; 0 = the version at time 0). */
  readonly versions: ColumnTable;
  /** set, period_days, runtime_version, inits: R16's rule over init_start.ndjson. */
  readonly initStart: ColumnTable | null;
  readonly initStartPeriodHours: number;
  /** Swept parameter paths, in sweep.csv's column order; empty without a sweep. */
  readonly sweepPaths: readonly string[];
}
