/**
 * The rollout of each release (R8, R10, R11) from releases.csv: per region, its planned
 * and actual publication and its phase-2 window in replication 0 (publication is planned,
 * so replications differ only where a halt stopped it), and the halts of every replication.
 */
import type { ColumnTable } from 'arquero';
import { rows } from '../stats.js';

export interface RolloutRows {
  /** set, release_version, runtime, region, wave, planned_at_days, published_at_days, phase2_start_days, phase2_end_days, first_at (release order). */
  readonly regions: Record<string, unknown>[];
  /** set, release_version, replication, halted_at_days. */
  readonly halts: Record<string, unknown>[];
  /** Releases in publication order, per set. */
  readonly releaseOrder: string[];
  /** Regions in wave order (then name). */
  readonly regionOrder: string[];
}

export function rolloutRows(releases: ColumnTable): RolloutRows {
  const first = releases.filter('d => d.replication === 0');
  const regions = first
    .groupby('set', 'release_version')
    .derive({ first_at: 'd => op.min(d.planned_at_days)' })
    .ungroup()
    .select('set', 'release_version', 'runtime', 'region', 'wave', 'planned_at_days', 'published_at_days', 'phase2_start_days', 'phase2_end_days', 'first_at')
    .orderby('first_at', 'release_version', 'wave', 'region');
  const halts = releases
    .filter('d => op.is_finite(d.halted_at_days)')
    .groupby('set', 'release_version', 'replication')
    .rollup({ halted_at_days: 'd => op.min(d.halted_at_days)' })
    .orderby('set', 'release_version', 'replication');
  const releaseOrder = [...new Set(regions.array('release_version') as string[])];
  const regionOrder = [...new Set(
    (first.groupby('region').rollup({ wave: 'd => op.min(d.wave)' }).orderby('wave', 'region').array('region') as string[]),
  )];
  return { regions: rows(regions), halts: rows(halts), releaseOrder, regionOrder };
}
