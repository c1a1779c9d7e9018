/**
 * Headline metrics across result sets (sweep points or compared runs), and the
 * staleness/exposure trade-off with its Pareto front (both to be minimised).
 */
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { HEADLINE_METRICS } from '../../analysis/headline.js';
import { on, rows } from '../stats.js';


/** set, metric, mean, lo, hi, replications, unit, label ("metric (unit)"), order: the headline metrics that are defined somewhere. */
export function headlineRows(setMetrics: ColumnTable): Record<string, unknown>[] {
  const order = aq.table({ metric: [...HEADLINE_METRICS], order: HEADLINE_METRICS.map((_, i) => i) });
  const picked = setMetrics.join(order, on('metric'));
  const defined = picked.filter('d => op.is_finite(d.mean)').select('metric').dedupe();
  return rows(
    picked
      .semijoin(defined, on('metric'))
      .derive({
        label: "d => d.unit === '' ? d.metric : d.metric + ' (' + d.unit + ')'",
        // Every headline metric is a count, a duration or a share: never below zero.
        lo: 'd => op.is_finite(d.lo) ? op.greatest(d.lo, 0) : d.lo',
      })
      .orderby('order', 'set'),
  );
}

export interface TradeoffPoint {
  readonly set: string;
  readonly stale: number;
  readonly staleLo: number | null;
  readonly staleHi: number | null;
  readonly failed: number;
  readonly failedLo: number | null;
  readonly failedHi: number | null;
  readonly pareto: boolean;
}

/** True for the points no other point beats on both (≤ on both, < on one). */
export function paretoFront(points: readonly { x: number; y: number }[]): boolean[] {
  return points.map((p, i) => !points.some((q, j) => j !== i && q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)));
}

export function tradeoffRows(setMetrics: ColumnTable): TradeoffPoint[] {
  const pick = (metric: string): ColumnTable => setMetrics
    .params({ metric })
    .filter('(d, $) => d.metric === $.metric')
    .derive({ lo: 'd => op.is_finite(d.lo) ? op.greatest(d.lo, 0) : d.lo' })
    .select('set', 'mean', 'lo', 'hi');
  const joined = pick('staleFunctionDays')
    .rename({ mean: 'stale', lo: 'staleLo', hi: 'staleHi' })
    .join(pick('failedInvocations').rename({ mean: 'failed', lo: 'failedLo', hi: 'failedHi' }), on('set'))
    .filter('d => op.is_finite(d.stale) && op.is_finite(d.failed)');
  const found = rows(joined) as { set: string; stale: number; staleLo: number | null; staleHi: number | null; failed: number; failedLo: number | null; failedHi: number | null }[];
  const front = paretoFront(found.map((p) => ({ x: p.stale, y: p.failed })));
  return found.map((p, i) => ({ ...p, pareto: front[i]! }));
}
