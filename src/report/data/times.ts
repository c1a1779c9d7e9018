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

/** Distinct sample times of the set with the most (what `keepTimes` thins from). */
export function sampleTimeCount(table: ColumnTable, column = 'time_days'): number {
  const counts = table.select('set', column).dedupe().groupby('set').count().array('count') as number[];
  return counts.length === 0 ? 0 : Math.max(...counts);
}

/** The caption's note when a chart shows fewer sample times than the file holds, else ''. */
export function thinnedNote(table: ColumnTable, kept: number, file = 'timeseries.csv'): string {
  const all = sampleTimeCount(table);
  return all > kept ? ` For the page, drawn at about ${kept} of the ${all} sample times (evenly spaced); ${file} holds every one.` : '';
}
