/** Registration of `report` (options only; the implementation in report.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const reportCmd = defineCommand({
  command: 'report <dir>',
  describe: 'Build the HTML report (report.html, charts/*.svg) of a results folder written by run',
  builder: (y) => y
    .positional('dir', { type: 'string', demandOption: true, describe: 'Results folder (summary.json, timeseries.csv, …)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing when done' }),
  run: async (argv, io) => {
    const { reportCommand } = await import('./report.js');
    return reportCommand({ dir: argv.dir, quiet: argv.quiet }, io);
  },
});
