/** Units grouped by sweep point: the one grouping summary.json, sweep.csv and `--target-ci` rounds use. */
import type { UnitSummary } from './unitData.js';

/** Each point's units, in the order given (replications in order within a point when the units are). */
export function unitsByPoint<U extends Pick<UnitSummary, 'point'>>(units: readonly U[]): ReadonlyMap<number, readonly U[]> {
  const byPoint = new Map<number, U[]>();
  for (const u of units) {
    const list = byPoint.get(u.point);
    if (list === undefined) byPoint.set(u.point, [u]);
    else list.push(u);
  }
  return byPoint;
}

/** The metric rows of one point's units (none when the point has no unit). */
export function pointMetrics(byPoint: ReadonlyMap<number, readonly UnitSummary[]>, point: number): UnitSummary['metrics'][] {
  return (byPoint.get(point) ?? []).map((u) => u.metrics);
}
