/**
 * Share of each runtime's functions on each runtime version over time, as stacked bands:
 * per replication, a version's band runs from the share of older versions (`lower`) to
 * that plus its own share (`upper`); the report shows the means over replications and the
 * 95% CI of each boundary.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { meanCi, on, rows } from '../stats.js';
import { keepTimes } from './times.js';

export function fleetShareRows(timeseries: ColumnTable, versions: ColumnTable, maxTimes = 240): Record<string, unknown>[] {
  const sampled = timeseries.semijoin(keepTimes(timeseries, maxTimes), on('set', 'time_days'));
  const counts = sampled
    .groupby('set', 'replication', 'time_days', 'runtime', 'runtime_version')
    .rollup({ f: 'd => op.sum(d.functions)' });
  const totals = counts.groupby('set', 'replication', 'time_days', 'runtime').rollup({ total: 'd => op.sum(d.f)' });
  const bounds = totals
    .join(versions, on('set', 'runtime'))
    .join_left(counts, on('set', 'replication', 'time_days', 'runtime', 'runtime_version'))
    .impute({ f: '() => 0' })
    .derive({ share: 'd => d.total > 0 ? d.f / d.total : 0' })
    .groupby('set', 'replication', 'time_days', 'runtime')
    .orderby('rank')
    .derive({ upper: aq.rolling('d => op.sum(d.share)') })
    .derive({ lower: 'd => d.upper - d.share' })
    .ungroup();
  const keys = ['set', 'time_days', 'runtime', 'runtime_version', 'rank'];
  const upper = meanCi(bounds, keys, 'upper', [0, 1]);
  const lower = bounds.groupby(...keys).rollup({ lower: 'd => op.mean(d.lower)' });
  const joined = upper
    .join(lower, on(...keys))
    .derive({ share: 'd => d.mean - d.lower' })
    .groupby('set', 'runtime', 'runtime_version')
    .orderby('time_days')
    // Keep a version's band where it is non-empty, plus one empty sample either side.
    .derive({ thick: 'd => d.share > 1e-9' })
    .derive({ near: 'd => d.thick || op.lag(d.thick, 1, false) || op.lead(d.thick, 1, false)' })
    .filter('d => d.near')
    .ungroup()
    .select('set', 'time_days', 'runtime', 'runtime_version', 'rank', 'lower', { mean: 'upper' }, 'lo', 'hi', 'share')
    .orderby('set', 'runtime', 'rank', 'time_days');
  return rows(joined);
}
