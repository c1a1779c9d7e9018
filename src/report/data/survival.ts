/**
 * Time-to-patch survival (metrics.md): the Kaplan–Meier estimate of S(t), the share of
 * (function, release) pairs not yet running the release t days after its publication in
 * their region, right-censored at the horizon. Times are binned on `SURVIVAL_BINS` bins over
 * the longest horizon (about 16 minutes for 90 days), censorings in a bin after its patches,
 * as in the run's own metrics, so S is exact at bin edges. One curve per replication and
 * group (update mode, image functions apart; and package type), evaluated on a common grid
 * and summarised as mean and 95% CI; half-life (S = 0.5) and p95 (S = 0.05) per
 * replication, then averaged when every replication reached them.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { MODE_DIMENSION, PACKAGE_DIMENSION } from './staleShare.js';
import { meanCi, rows } from '../stats.js';

export interface KmStep {
  readonly t: number;
  readonly s: number;
}

export const SURVIVAL_BINS = 8000;

/**
 * Kaplan–Meier per group of `keys` from counts per time: input rows `keys…, t_days, events,
 * n` (n = events + censorings at t); one row per time with `s` (S just after t), `at_risk`,
 * `events`. Censorings at t count as at risk at t.
 */
export function kaplanMeierTable(counts: ColumnTable, keys: readonly string[]): ColumnTable {
  return counts
    .groupby(...keys, 't_days')
    .rollup({ events: 'd => op.sum(d.events)', n: 'd => op.sum(d.n)' })
    .groupby(...keys)
    .orderby(aq.desc('t_days'))
    .derive({ at_risk: aq.rolling('d => op.sum(d.n)') })
    .orderby('t_days')
    .derive({ log_s: aq.rolling('d => op.sum(d.events > 0 ? op.log(1 - d.events / d.at_risk) : 0)') })
    .derive({ s: 'd => op.exp(d.log_s)' })
    .ungroup()
    .select(...keys, 't_days', 's', 'at_risk', 'events');
}

/** S(t) of a step curve sorted by t: 1 before the first step; null after the last observation. */
export function survivalAt(steps: readonly KmStep[], t: number, lastObservedT: number): number | null {
  if (t > lastObservedT) return null;
  let lo = 0;
  let hi = steps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.t <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? 1 : steps[found]!.s;
}

export interface SurvivalRows {
  /** set, dimension, group, t_days, mean, lo, hi, n. */
  readonly curves: Record<string, unknown>[];
  /** set, dimension, group, quantile ('half-life' | 'p95'), s, t_days (mean over replications; null if not reached in all), reached, replications. */
  readonly marks: Record<string, unknown>[];
  readonly observations: number;
}

export function survivalRows(patches: ColumnTable, horizonDays: number, gridPoints = 200): SurvivalRows {
  const keys = ['set', 'replication', 'dimension', 'group'];
  const w = horizonDays / SURVIVAL_BINS;
  const binned = patches
    .params({ w })
    .derive({ t_days: '(d, $) => op.ceil(d.t_days / $.w - 1e-9) * $.w' })
    .groupby('set', 'replication', 'package_type', 'update_mode', 't_days')
    .rollup({ events: 'd => op.sum(d.patched)', n: 'd => op.count()' });
  const obs = binned
    .params({ mode: MODE_DIMENSION, pkg: PACKAGE_DIMENSION })
    .derive({ dimension: '(d, $) => $.mode', group: "d => d.update_mode === '' ? 'Image' : d.update_mode" })
    .concat(binned.params({ pkg: PACKAGE_DIMENSION }).derive({ dimension: '(d, $) => $.pkg', group: 'd => d.package_type' }))
    .select(...keys, 't_days', 'events', 'n');
  const km = kaplanMeierTable(obs, keys);
  const maxT = (obs.rollup({ m: 'd => op.max(d.t_days)' }).get('m', 0) as number | undefined) ?? 0;

  // Evaluate every curve on one grid (the step function between events).
  const grid = Array.from({ length: gridPoints + 1 }, (_, i) => (maxT * i) / gridPoints);
  const lastSeen = new Map<string, number>();
  for (const r of obs.groupby(...keys).rollup({ last: 'd => op.max(d.t_days)' }).objects() as Record<string, unknown>[]) {
    lastSeen.set(JSON.stringify(keys.map((k) => r[k])), r.last as number);
  }
  const curves = new Map<string, { key: unknown[]; steps: KmStep[] }>();
  for (const r of km.objects() as Record<string, unknown>[]) {
    const key = keys.map((k) => r[k]);
    const id = JSON.stringify(key);
    let c = curves.get(id);
    if (c === undefined) {
      c = { key, steps: [] };
      curves.set(id, c);
    }
    c.steps.push({ t: r.t_days as number, s: r.s as number });
  }
  const evaluated = { set: [] as unknown[], replication: [] as unknown[], dimension: [] as unknown[], group: [] as unknown[], t_days: [] as number[], s: [] as number[] };
  for (const [id, c] of curves) {
    // A curve that reached 0 stays there; otherwise S is unknown after the last observation.
    const last = c.steps[c.steps.length - 1]?.s === 0 ? Number.POSITIVE_INFINITY : lastSeen.get(id) ?? 0;
    for (const t of grid) {
      const s = survivalAt(c.steps, t, last);
      if (s === null) continue;
      evaluated.set.push(c.key[0]);
      evaluated.replication.push(c.key[1]);
      evaluated.dimension.push(c.key[2]);
      evaluated.group.push(c.key[3]);
      evaluated.t_days.push(t);
      evaluated.s.push(s);
    }
  }
  // Only where every replication's curve is known, so that the mean does not jump where one ends.
  const curveRows = rows(
    meanCi(aq.table(evaluated), ['set', 'dimension', 'group', 't_days'], 's', [0, 1])
      .groupby('set', 'dimension', 'group')
      .filter('d => d.n === op.max(d.n)')
      .ungroup()
      .orderby('set', 'dimension', 'group', 't_days'),
  );

  // Quantiles per replication from the exact curves.
  const perRep = km.groupby(...keys).rollup({
    half: 'd => op.min(d.s <= 0.5 + 1e-12 ? d.t_days : null)',
    p95: 'd => op.min(d.s <= 0.05 + 1e-12 ? d.t_days : null)',
  });
  const marks: Record<string, unknown>[] = [];
  for (const [quantile, column, s] of [['half-life', 'half', 0.5], ['p95', 'p95', 0.05]] as const) {
    const summary = perRep
      .derive({ v: `d => d.${column}` })
      .groupby('set', 'dimension', 'group')
      .rollup({ mean: 'd => op.mean(d.v)', reached: 'd => op.valid(d.v)', replications: 'd => op.count()' })
      .objects() as Record<string, unknown>[];
    for (const m of summary) {
      const all = m.reached === m.replications;
      marks.push({ set: m.set, dimension: m.dimension, group: m.group, quantile, s, t_days: all ? m.mean : null, reached: m.reached, replications: m.replications });
    }
  }
  return { curves: curveRows, marks, observations: patches.numRows() };
}
