/**
 * `insights --rule RULE.json --logs FILE --period 1h [--out FILE]`: evaluates a CloudWatch
 * Contributor Insights rule over an NDJSON log file and writes one CSV row per period per
 * contributor, to stdout or (atomically) to `--out`. Nothing is written when an input is bad.
 */
import { chunked } from '../../output/csv.js';
import { msg } from '../../insights/messages.js';
import { parsePeriod } from '../../insights/period.js';
import { reportCsvLines, runInsights } from '../../insights/runInsights.js';
import { writeFileAtomic } from '../../insights/writeFileAtomic.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';

export interface InsightsArgs {
  readonly rule: string;
  readonly logs: string;
  readonly period: string;
  readonly out?: string | undefined;
}

export async function insightsCommand(args: InsightsArgs, io: CliIo): Promise<number> {
  const period = parsePeriod(args.period);
  if (!period.ok) throw new UsageError(msg.period(args.period));
  const report = await runInsights(args.rule, args.logs, period.periodMs);
  if (args.out === undefined) {
    for (const chunk of chunked(reportCsvLines(report))) io.stdout(chunk);
  } else {
    writeFileAtomic(args.out, chunked(reportCsvLines(report)));
  }
  io.stderr(
    `${report.eventsRead} events read, ${report.eventsMatched} matched the rule, ${report.rows.length} rows` +
      (args.out === undefined ? '\n' : ` written to ${args.out}\n`),
  );
  return EXIT_OK;
}
