/**
 * The writers read each unit's rows once per output file (timeseries.csv, its Parquet twin,
 * patches.csv, …), in unit order. Remembering the last unit read makes that one read and
 * decode per unit for a one-unit run (the large-fleet case: a 1 M-function year), while
 * memory still holds one unit's rows at most.
 */
import type { UnitRef } from './plan.js';

export function rememberLastUnit<R>(load: (unit: UnitRef) => R): (unit: UnitRef) => R {
  let last: { point: number; replication: number; rows: R } | null = null;
  return (unit) => {
    if (last !== null && last.point === unit.point && last.replication === unit.replication) return last.rows;
    last = null; // let the previous unit go before the next one is read
    const rows = load(unit);
    last = { point: unit.point, replication: unit.replication, rows };
    return rows;
  };
}
