/**
 * What a report is made of: the result sets it shows (one run, the points of a sweep, or
 * several runs side by side), their tables, and the files it produces.
 */
import type { ColumnTable } from 'arquero';
import type { CheckedSummaryJson as SummaryJson } from '../output/summaryShape.js';

/** The files of a report: `report.html` and `charts/<name>.svg`. */
export interface ReportFiles {
  readonly files: { readonly name: string; readonly content: string | Buffer }[];
}

/** summary.json as the report reads it: the contract of the results folder (output/summaryShape.ts). */
export type { CheckedMetricJson as MetricJson, CheckedSummaryJson as SummaryJson, DeprecatedRuntimeJson as DeprecatedByRegionJson } from '../output/summaryShape.js';

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

/** What a report's caller may add that the results folder cannot tell. */
export interface ReportOptions {
  /**
   * Wall-clock time of the run, in seconds, when the caller measured it (summary.json holds
   * no clock time, so a report rebuilt later from the folder cannot know it).
   */
  readonly runSeconds?: number;
}
