/**
 * Share of functions that are stale (metrics.md) over time, by update mode (image
 * functions, which have none, as their own group) and by package type, plus the whole
 * fleet: per replication, stale functions / functions of the group; then mean and 95% CI.
 */
import type { ColumnTable } from 'arquero';
import { meanCi, on, rows } from '../stats.js';
import { keepTimes } from './times.js';

export const MODE_DIMENSION = 'by update mode';
export const PACKAGE_DIMENSION = 'by package type';

export function staleShareRows(timeseries: ColumnTable, maxTimes = 240): Record<string, unknown>[] {
  const sampled = timeseries
    .semijoin(keepTimes(timeseries, maxTimes), on('set', 'time_days'))
    .derive({ staleFunctions: 'd => d.stale === 1 ? d.functions : 0' });
  const byGroup = (dimension: string, group: string): ColumnTable => sampled
    .params({ dimension })
    .derive({ dimension: '(d, $) => $.dimension', group })
    .groupby('set', 'replication', 'time_days', 'dimension', 'group')
    .rollup({ functions: 'd => op.sum(d.functions)', stale: 'd => op.sum(d.staleFunctions)' });
  const perReplication = byGroup(MODE_DIMENSION, "d => d.update_mode === '' ? 'Image' : d.update_mode")
    .concat(byGroup(PACKAGE_DIMENSION, 'd => d.package_type'))
    .concat(byGroup(PACKAGE_DIMENSION, "d => 'All functions'"))
    .filter('d => d.functions > 0')
    .derive({ share: 'd => d.stale / d.functions' });
  return rows(meanCi(perReplication, ['set', 'dimension', 'group', 'time_days'], 'share', [0, 1]).orderby('set', 'dimension', 'group', 'time_days'));
}
