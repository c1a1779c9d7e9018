/**
 * INIT_START lines per runtime version and period, counted by the Contributor Insights rule
 * of the source page (R16), evaluated unchanged by the project's own rule engine.
 */
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { addContribution, contributorRows, newAggregation } from '../insights/aggregate.js';
import { compileRule, type CompiledRule } from '../insights/compileRule.js';
import { contributionOf } from '../insights/evaluate.js';
import type { LogEvent } from '../insights/logEvent.js';
import { SIM_EPOCH_MS } from '../model/logs/names.js';
import { DAY_MS, HOUR_MS } from '../model/units.js';

/** The rule exactly as the page gives it (R16). */
export const R16_RULE = {
  Schema: { Name: 'CloudWatchLogRule', Version: 1 },
  AggregateOn: 'Count',
  Contribution: { Filters: [{ Match: 'eventType', In: ['INIT_START'] }], Keys: ['runtimeVersion', 'runtimeVersionArn'] },
  LogFormat: 'CLF',
  LogGroupNames: ['/aws/lambda/*'],
  Fields: { '1': 'eventType', '4': 'runtimeVersion', '8': 'runtimeVersionArn' },
} as const;

export function r16Rule(): CompiledRule {
  const compiled = compileRule(R16_RULE);
  if (!compiled.ok) throw new Error(`R16 rule does not compile: ${JSON.stringify(compiled.issues)}`);
  return compiled.rule;
}

/** A period (whole hours) giving at most about 240 periods over the horizon. */
export function initStartPeriodHours(horizonDays: number): number {
  for (const hours of [1, 2, 3, 6, 12, 24, 48, 168]) if ((horizonDays * 24) / hours <= 240) return hours;
  return 168;
}

/**
 * Evaluates the rule over the log's events; one row per period and runtime version (the
 * rule's contributors are version × ARN; their counts are summed over ARNs, i.e. regions and
 * architectures): `period_days` (start of the period, days from simulated time 0, dated `epochMs`: the run's startDate),
 * `runtime_version`, `inits`.
 */
export async function countInitStarts(events: AsyncIterable<LogEvent> | Iterable<LogEvent>, periodHours: number, epochMs = SIM_EPOCH_MS): Promise<ColumnTable> {
  const rule = r16Rule();
  const aggregation = newAggregation(periodHours * HOUR_MS);
  for await (const event of events) {
    const contribution = contributionOf(rule, event);
    if (contribution !== undefined) addContribution(aggregation, event.timestampMs, contribution);
  }
  const found = contributorRows(aggregation);
  const table = aq.table({
    period_days: found.map((r) => (r.periodStartMs - epochMs) / DAY_MS),
    runtime_version: found.map((r) => r.keys[0] ?? ''),
    inits: found.map((r) => r.value),
  });
  return table.groupby('period_days', 'runtime_version').rollup({ inits: 'd => op.sum(d.inits)' }).orderby('period_days', 'runtime_version');
}
