/**
 * Exposure to bad releases (metrics.md): failed invocations over time by region, exposed
 * functions by wave and update mode, and the distributions of time to detect and time to
 * roll back.
 *
 * exposure.csv holds failed invocations per (replication, release, region, architecture,
 * update mode) and episodes.csv when each susceptible function ran the bad version. The time
 * profile places each group's failed invocations on its episodes in proportion to the time
 * each ran the version (functions of one group are taken to have equal invocation rates),
 * spread evenly over the episode. Warm environments keep serving the old version for about
 * one environment lifetime (R15), far shorter than the bins, so the profile ignores it.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { fillReplications, meanCi, on, rows } from '../stats.js';

const GROUP = ['set', 'replication', 'release_version', 'region', 'architecture', 'update_mode'];

/** Bin width (hours) giving at most about 150 bins over `spanDays`. */
export function binHours(spanDays: number): number {
  for (const h of [1, 2, 3, 6, 12, 24, 48, 168]) if ((spanDays * 24) / h <= 150) return h;
  return 168;
}

export interface FailureProfile {
  /** set, region, day (bin start), mean, lo, hi (failed invocations per day), n. */
  readonly byRegion: Record<string, unknown>[];
  /** set, day, mean, lo, hi: all regions together. */
  readonly total: Record<string, unknown>[];
  readonly binHours: number;
  /** Failed invocations of groups without episodes (not placed in time), as a share of all. */
  readonly unplacedShare: number;
}

export function failureProfile(exposure: ColumnTable, episodes: ColumnTable, replications: ColumnTable, horizons: ColumnTable): FailureProfile {
  const spans = episodes
    .lookup(horizons, on('set'), 'horizon')
    .derive({ end: 'd => op.is_nan(d.ended_at_days) ? d.horizon : d.ended_at_days', start: 'd => d.started_at_days' })
    .derive({ hours: 'd => (d.end - d.start) * 24' });
  const groupHours = spans.groupby(...GROUP).rollup({ group_hours: 'd => op.sum(d.hours)', episodes: 'd => op.count()' });
  const failed = exposure.groupby(...GROUP).rollup({ failed: 'd => op.sum(d.failed_invocations)' });
  const totalFailed = (failed.rollup({ f: 'd => op.sum(d.failed)' }).get('f', 0) as number | undefined) ?? 0;
  const placedFailed = (failed.semijoin(groupHours, on(...GROUP)).rollup({ f: 'd => op.sum(d.failed)' }).get('f', 0) as number | undefined) ?? 0;

  const span = (spans.rollup({ lo: 'd => op.min(d.start)', hi: 'd => op.max(d.end)' }).objects()[0] ?? {}) as { lo?: number; hi?: number };
  const hours = binHours(Math.max(1 / 24, (span.hi ?? 1) - (span.lo ?? 0)));
  const w = hours / 24;

  const placed = spans
    .join(groupHours, on(...GROUP))
    .join(failed, on(...GROUP))
    .derive({ amount: 'd => d.group_hours > 0 ? d.failed * d.hours / d.group_hours : d.failed / d.episodes' })
    .params({ w })
    .derive({ b0: '(d, $) => op.floor(d.start / $.w)', b1: '(d, $) => op.floor(d.end / $.w)' })
    .derive({ bin: 'd => op.sequence(d.b0, d.b1 + 1)' })
    .unroll('bin')
    .derive({
      overlap: '(d, $) => d.end > d.start ? (op.least(d.end, (d.bin + 1) * $.w) - op.greatest(d.start, d.bin * $.w)) / (d.end - d.start) : (d.bin === d.b0 ? 1 : 0)',
    })
    .derive({ part: 'd => d.amount * op.greatest(d.overlap, 0)', day: '(d, $) => d.bin * $.w' });
  const perRegion = fillReplications(
    placed.groupby('set', 'replication', 'region', 'day').rollup({ failed: 'd => op.sum(d.part)' }),
    replications, ['region', 'day'], ['failed'],
  ).params({ w }).derive({ rate: '(d, $) => d.failed / $.w' });
  const perTotal = fillReplications(
    placed.groupby('set', 'replication', 'day').rollup({ failed: 'd => op.sum(d.part)' }),
    replications, ['day'], ['failed'],
  ).params({ w }).derive({ rate: '(d, $) => d.failed / $.w' });
  // Zero bins between exposures, so the areas fall to zero instead of bridging gaps.
  return {
    byRegion: rows(meanCi(completeBins(perRegion, ['region'], w), ['set', 'region', 'day'], 'rate').orderby('set', 'region', 'day')),
    total: rows(meanCi(completeBins(perTotal, [], w), ['set', 'day'], 'rate').orderby('set', 'day')),
    binHours: hours,
    unplacedShare: totalFailed > 0 ? (totalFailed - placedFailed) / totalFailed : 0,
  };
}

/** Adds zero rows for the bins just before and after each run of non-empty bins. */
function completeBins(table: ColumnTable, keys: readonly string[], w: number): ColumnTable {
  const neighbours = table
    .params({ w })
    .derive({ before: '(d, $) => d.day - $.w', after: '(d, $) => d.day + $.w' })
    .fold(['before', 'after'], { as: ['side', 'nday'] })
    .select('set', 'replication', ...keys, { nday: 'day' })
    .dedupe();
  const missing = neighbours.antijoin(table, on('set', 'replication', ...keys, 'day')).filter('d => d.day >= 0').derive({ rate: '() => 0' });
  return table.select('set', 'replication', ...keys, 'day', 'rate').concat(missing.select('set', 'replication', ...keys, 'day', 'rate'));
}

/** set, wave, mode, mean, lo, hi, n: functions that ran a bad version, by the wave of their region. */
export function exposedByWaveRows(exposure: ColumnTable, replications: ColumnTable): Record<string, unknown>[] {
  const perRep = exposure
    .derive({ mode: "d => d.update_mode === '' ? 'Image' : d.update_mode" })
    .groupby('set', 'replication', 'wave', 'mode')
    .rollup({ exposed: 'd => op.sum(d.exposed_functions)' });
  const full = fillReplications(perRep, replications, ['wave', 'mode'], ['exposed']);
  return rows(meanCi(full, ['set', 'wave', 'mode'], 'exposed').orderby('set', 'wave', 'mode'));
}

export const DETECT = 'time to detect';
export const ROLLBACK = 'time to roll back';
export const NOT_ROLLED_BACK = 'not rolled back';

export interface ResponseTimes {
  /** set, measure, method, hours, share (empirical CDF over all episodes of the method). */
  readonly ecdf: Record<string, unknown>[];
  /** set, measure, method, episodes, done (detected / rolled back), median_hours. */
  readonly counts: Record<string, unknown>[];
}

/** Empirical distributions of the hours from starting to run the bad version to detection and to rollback. */
export function responseTimeRows(episodes: ColumnTable, maxPoints = 200): ResponseTimes {
  const base = episodes
    .params({ none: NOT_ROLLED_BACK })
    .derive({
      method: "(d, $) => d.rollback === '' ? $.none : d.rollback",
      detect: 'd => (d.detected_at_days - d.started_at_days) * 24',
      rollback: 'd => (d.rolled_back_at_days - d.started_at_days) * 24',
    });
  const long = base
    .fold(['detect', 'rollback'], { as: ['which', 'hours'] })
    .params({ detect: DETECT, rollback: ROLLBACK })
    .derive({ measure: "(d, $) => d.which === 'detect' ? $.detect : $.rollback" })
    .params({ none: NOT_ROLLED_BACK, rollback: ROLLBACK })
    .filter('(d, $) => !(d.measure === $.rollback && d.method === $.none)')
    .select('set', 'measure', 'method', 'hours');
  const totals = long.groupby('set', 'measure', 'method').rollup({
    episodes: 'd => op.count()',
    done: 'd => op.valid(d.hours)',
    median_hours: 'd => op.median(d.hours)',
  });
  const ecdf = long
    .filter('d => op.is_finite(d.hours)')
    .join(totals, on('set', 'measure', 'method'))
    .groupby('set', 'measure', 'method')
    .orderby('hours')
    .derive({ k: 'd => op.row_number()' })
    .params({ maxPoints })
    // Keep about maxPoints steps per curve (always the last).
    .filter('(d, $) => d.done <= $.maxPoints || d.k === d.done || op.floor(d.k * $.maxPoints / d.done) !== op.floor((d.k - 1) * $.maxPoints / d.done)')
    .derive({ share: 'd => d.k / d.episodes', hours: 'd => op.greatest(d.hours, 1 / 60)' })
    .ungroup()
    .select('set', 'measure', 'method', 'hours', 'share');
  return { ecdf: rows(ecdf.orderby('set', 'measure', 'method', 'hours')), counts: rows(totals.orderby('set', 'measure', 'method')) };
}
