/** INIT_START lines per period and runtime version (R16's rule, see initStartRule.ts), with each version's runtime and rank. */
import type { ColumnTable } from 'arquero';
import { on, rows } from '../stats.js';

export function initStartRows(counts: ColumnTable, versions: ColumnTable): Record<string, unknown>[] {
  return rows(
    counts
      .join_left(versions, on('set', 'runtime_version'))
      .derive({ runtime: "d => d.runtime == null ? '(unknown runtime)' : d.runtime", rank: 'd => d.rank == null ? 0 : d.rank' })
      .orderby('set', 'runtime', 'rank', 'period_days'),
  );
}
