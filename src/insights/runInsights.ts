/**
 * The `insights` pipeline: evaluate a CloudWatch Contributor Insights rule over a log
 * file, as CloudWatch would over the same events.
 *
 *   1. rule       read + validate + compile the rule JSON              (readRuleFile.ts → compileRule.ts)
 *   2. read       stream the NDJSON events, one line at a time         (readLogEvents.ts)
 *   3. evaluate   log group, filters, keys, value per event            (evaluate.ts)
 *   4. aggregate  sum per period (aligned to the epoch) per contributor (aggregate.ts)
 *   5. format     rows in a fixed order → CSV lines                    (insightsCsv.ts)
 *
 * Writing the CSV (stdout or a file) is the caller's job.
 */
import { addContribution, contributorRows, newAggregation, type ContributorRow } from './aggregate.js';
import type { CompiledRule } from './compileRule.js';
import { contributionOf } from './evaluate.js';
import { insightsCsvLines } from './insightsCsv.js';
import { readLogEvents } from './readLogEvents.js';
import { readRuleFile } from './readRuleFile.js';

export interface InsightsReport {
  readonly rule: CompiledRule;
  readonly rows: readonly ContributorRow[];
  readonly eventsRead: number;
  readonly eventsMatched: number;
}

/** Throws `InsightsInputError` for a bad rule or log file. */
export async function runInsights(ruleFile: string, logFile: string, periodMs: number): Promise<InsightsReport> {
  const rule = await readRuleFile(ruleFile);
  const aggregation = newAggregation(periodMs);
  let eventsRead = 0;
  let eventsMatched = 0;
  for await (const event of readLogEvents(logFile)) {
    eventsRead++;
    const contribution = contributionOf(rule, event);
    if (contribution === undefined) continue;
    eventsMatched++;
    addContribution(aggregation, event.timestampMs, contribution);
  }
  return { rule, rows: contributorRows(aggregation), eventsRead, eventsMatched };
}

export function reportCsvLines(report: InsightsReport): Generator<string> {
  return insightsCsvLines(report.rule.keyNames, report.rows);
}
