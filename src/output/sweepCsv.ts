/**
 * sweep.csv: one row per (sweep point, metric): `point`, one column per swept key (named by
 * the key as written, holding the point's value), `metric, mean, ci95_lo, ci95_hi,
 * replications, unit`. Mean and CI are empty when the metric is undefined in some
 * replication, the CI also with fewer than two replications.
 */
import { METRIC_NAMES, summarizeMetricRows } from '../analysis/metrics.js';
import { csvField, csvLine } from './csv.js';
import type { SweepSummary } from './summaryJson.js';
import { pointMetrics, unitsByPoint } from './byPoint.js';
import type { ColumnType } from './table.js';
import type { UnitSummary } from './unitData.js';

/** A swept value in a CSV cell: numbers and text as they are, anything else as JSON. */
function valueCell(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? csvField(value) : csvField(JSON.stringify(value));
}

/** The columns after `point` and the swept parameters' own. */
export const SWEEP_METRIC_COLUMNS = [
  ['metric', 'STRING'], ['mean', 'DOUBLE'], ['ci95_lo', 'DOUBLE'], ['ci95_hi', 'DOUBLE'], ['replications', 'INT32'], ['unit', 'STRING'],
] as const satisfies readonly (readonly [string, ColumnType])[];

export function* sweepLines(sweep: SweepSummary, units: readonly UnitSummary[]): Generator<string> {
  yield csvLine(['point', ...sweep.parameters, ...SWEEP_METRIC_COLUMNS.map(([name]) => name)]);
  const byPoint = unitsByPoint(units);
  for (const point of sweep.points) {
    const metrics = summarizeMetricRows(pointMetrics(byPoint, point.index));
    const lead = [String(point.index), ...point.values.map(valueCell)].join(',') + ',';
    for (const name of METRIC_NAMES) {
      const m = metrics[name];
      yield lead + csvLine([name, m.mean, m.ci95?.[0] ?? null, m.ci95?.[1] ?? null, m.replications, m.unit]);
    }
  }
}
