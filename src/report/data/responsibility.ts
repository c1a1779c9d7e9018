/**
 * Window of exposure split by responsibility (R18): stale functions over time, Lambda's
 * (`Auto` functions the rollout has not reached; image functions have no mode and are the
 * owner's) and the owner's, from timeseries.csv; and the totals in function-days per
 * replication from summary.json, as mean and 95% CI.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { meanCi, on, rows } from '../stats.js';
import { keepTimes } from './times.js';

export const LAMBDA = 'Lambda';
export const OWNER = 'Owner';

export function staleByResponsibilityRows(timeseries: ColumnTable, replications: ColumnTable, maxTimes = 240): Record<string, unknown>[] {
  const perRep = timeseries
    .semijoin(keepTimes(timeseries, maxTimes), on('set', 'time_days'))
    .filter('d => d.stale === 1')
    .params({ lambda: LAMBDA, owner: OWNER })
    .derive({ who: "(d, $) => d.update_mode === 'Auto' ? $.lambda : $.owner" })
    .groupby('set', 'replication', 'time_days', 'who')
    .rollup({ stale: 'd => op.sum(d.functions)' });
  // Every sample time of the set, for both parties, in every replication (0 where none was stale).
  const times = timeseries.select('set', 'time_days').dedupe().semijoin(keepTimes(timeseries, maxTimes), on('set', 'time_days'));
  const whoTable = aq.table({ who: [LAMBDA, OWNER] });
  const grid = replications.join(times, on('set')).cross(whoTable);
  const full = grid.join_left(perRep, on('set', 'replication', 'time_days', 'who')).impute({ stale: '() => 0' });
  return rows(meanCi(full, ['set', 'time_days', 'who'], 'stale').orderby('set', 'who', 'time_days'));
}

/**
 * set, who, mean, lo, hi, n: stale function-days per party. From the per-replication
 * metrics when summary.json has them for every set, else from the summary's mean and CI.
 */
export function responsibilityTotals(perReplication: ColumnTable | null, setMetrics: ColumnTable): Record<string, unknown>[] {
  const names = aq.table({ metric: ['lambdaStaleFunctionDays', 'ownerStaleFunctionDays'], who: [LAMBDA, OWNER] });
  if (perReplication !== null && perReplication.numRows() > 0) {
    const values = perReplication.join(names, on('metric'));
    if (values.numRows() > 0) return rows(meanCi(values, ['set', 'who'], 'value').orderby('set', 'who'));
  }
  return rows(setMetrics.join(names, on('metric')).select('set', 'who', 'mean', 'lo', 'hi', { replications: 'n' }).orderby('set', 'who'));
}
