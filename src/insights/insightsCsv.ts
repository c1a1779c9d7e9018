/**
 * The report as CSV: `period_start_ms,period_start,<one column per rule key>,value`,
 * key columns named by the keys as written in the rule, `period_start` in ISO 8601 UTC.
 */
import { csvLine } from '../output/csv.js';
import type { ContributorRow } from './aggregate.js';

export function insightsCsvHeader(keyNames: readonly string[]): string[] {
  return ['period_start_ms', 'period_start', ...keyNames, 'value'];
}

export function* insightsCsvLines(keyNames: readonly string[], rows: Iterable<ContributorRow>): Generator<string> {
  yield csvLine(insightsCsvHeader(keyNames));
  for (const row of rows) {
    yield csvLine([row.periodStartMs, new Date(row.periodStartMs).toISOString(), ...row.keys, row.value]);
  }
}
