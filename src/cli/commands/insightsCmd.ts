/** Registration of `insights` (options only; the implementation in insights.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const insightsCmd = defineCommand({
  command: 'insights',
  describe: 'Evaluate a CloudWatch Contributor Insights rule over an NDJSON log file; CSV of values per period per contributor',
  builder: (y) => y
    .option('rule', { type: 'string', demandOption: true, describe: 'Rule JSON file (CloudWatchLogRule, version 1)' })
    .option('logs', { type: 'string', demandOption: true, describe: 'Log events, one FilterLogEvents event (JSON) per line' })
    .option('period', { type: 'string', demandOption: true, describe: 'Period length, e.g. 5m, 1h, 1d (aligned to the Unix epoch)' })
    .option('out', { alias: 'o', type: 'string', describe: 'CSV file to write (default: stdout)' }),
  run: async (argv, io) => {
    const { insightsCommand } = await import('./insights.js');
    return insightsCommand({ rule: argv.rule, logs: argv.logs, period: argv.period, out: argv.out }, io);
  },
});
