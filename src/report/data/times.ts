/** Sample times kept for a chart: at most about `target` per set, evenly spaced, first and last included. */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { thin } from '../chart.js';

export function keepTimes(table: ColumnTable, target: number, column = 'time_days'): ColumnTable {
  const bySet = new Map<string, number[]>();
  for (const row of table.select('set', column).dedupe().objects() as Record<string, unknown>[]) {
    const set = String(row.set);
    const list = bySet.get(set) ?? [];
    list.push(Number(row[column]));
    bySet.set(set, list);
  }
  const out = { set: [] as string[], [column]: [] as number[] } as Record<string, (string | number)[]>;
  for (const [set, times] of bySet) {
    for (const t of thin(times, target)) {
      out.set!.push(set);
      out[column]!.push(t);
    }
  }
  return aq.table(out);
}
