/**
 * Summaries over replications (metrics.md: every figure is a mean with its 95% confidence
 * interval, Student t with n − 1 degrees of freedom), done in arquero.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { studentTQuantile } from '../analysis/studentT.js';

const quantiles = new Map<number, number>();

/** Half-width of the 95% confidence interval of a mean of `n` values with sample deviation `sd`; NaN below two values. */
export function ciHalfWidth(sd: number, n: number): number {
  if (!(n >= 2) || !Number.isFinite(sd)) return Number.NaN;
  let t = quantiles.get(n - 1);
  if (t === undefined) {
    t = studentTQuantile(0.975, n - 1);
    quantiles.set(n - 1, t);
  }
  return (t * sd) / Math.sqrt(n);
}

/**
 * Per group of `keys`: `mean`, `lo`, `hi` (95% CI; NaN with fewer than two values) and `n`
 * of column `value`, one value per replication. NaN values are left out. The interval is
 * clipped to `range` (every quantity in the report is a count, a duration or a share, so
 * never negative; shares are at most 1).
 */
export function meanCi(table: ColumnTable, keys: readonly string[], value: string, range: readonly [number, number] = [0, Infinity]): ColumnTable {
  return table
    .select(...keys, { [value]: 'v' })
    .filter('d => !op.is_nan(d.v) && d.v != null')
    .groupby(...keys)
    .rollup({ mean: 'd => op.mean(d.v)', sd: 'd => op.stdev(d.v)', n: 'd => op.count()' })
    .derive({ half: aq.escape((d: { sd: number; n: number }) => ciHalfWidth(d.sd, d.n)) })
    .params({ min: range[0], max: range[1] })
    .derive({ lo: '(d, $) => op.greatest(d.mean - d.half, $.min)', hi: '(d, $) => op.least(d.mean + d.half, $.max)' })
    .select(...keys, 'mean', 'lo', 'hi', 'n')
    .ungroup();
}

/**
 * Completes per-replication sums: every (set, replication) of `replications` gets a row for
 * every combination of `keys` seen in its set, with 0 in `values` where the table had none
 * (a replication without exposed functions in a wave exposed zero, not "no data").
 */
export function fillReplications(table: ColumnTable, replications: ColumnTable, keys: readonly string[], values: readonly string[]): ColumnTable {
  const combos = table.select('set', ...keys).dedupe();
  const full = replications.join(combos, on('set'));
  const filled = full.join_left(table, on('set', 'replication', ...keys));
  const zeros: Record<string, string> = {};
  for (const v of values) zeros[v] = '() => 0';
  return filled.impute(zeros);
}

/** Rows of a table as plain objects, NaN turned into null (as JSON would). */
export function rows(table: ColumnTable): Record<string, unknown>[] {
  return table.objects().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row as Record<string, unknown>)) out[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    return out;
  });
}

/** Join keys that have the same names in both tables (arquero reads a plain list as [left, right]). */
export function on(...keys: string[]): [string[], string[]] {
  return [keys, keys];
}
