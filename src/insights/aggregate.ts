/**
 * Contributions → one value per period per contributor (a combination of key values):
 * the number of events (`Count`) or the sum of `ValueOf` (`Sum`). Only contributors with
 * at least one contributing event in a period get a row for that period.
 */
import type { Contribution } from './evaluate.js';
import { periodStart } from './period.js';

export interface ContributorRow {
  readonly periodStartMs: number;
  readonly keys: readonly string[];
  readonly value: number;
}

export interface Aggregation {
  readonly periodMs: number;
  /** period start → contributor id (JSON of its keys) → row being summed. */
  readonly periods: Map<number, Map<string, { readonly keys: readonly string[]; value: number }>>;
}

export function newAggregation(periodMs: number): Aggregation {
  return { periodMs, periods: new Map() };
}

export function addContribution(aggregation: Aggregation, timestampMs: number, contribution: Contribution): void {
  const start = periodStart(timestampMs, aggregation.periodMs);
  let contributors = aggregation.periods.get(start);
  if (contributors === undefined) {
    contributors = new Map();
    aggregation.periods.set(start, contributors);
  }
  const id = JSON.stringify(contribution.keys);
  const row = contributors.get(id);
  if (row === undefined) contributors.set(id, { keys: contribution.keys, value: contribution.value });
  else row.value += contribution.value;
}

/** Rows by period, then value (largest first), then keys (ascending, by UTF-16 code units): one fixed order. */
export function contributorRows(aggregation: Aggregation): ContributorRow[] {
  const rows: ContributorRow[] = [];
  for (const [periodStartMs, contributors] of aggregation.periods) {
    for (const { keys, value } of contributors.values()) rows.push({ periodStartMs, keys, value });
  }
  return rows.sort((a, b) => a.periodStartMs - b.periodStartMs || b.value - a.value || compareKeys(a.keys, b.keys));
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
