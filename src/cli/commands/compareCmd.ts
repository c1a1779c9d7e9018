/** Registration of `compare` (options only; the implementation in compare.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const compareCmd = defineCommand({
  command: 'compare <dirs..>',
  describe: 'Build one HTML report setting two or more results folders side by side',
  builder: (y) => y
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Two or more results folders written by run' })
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'HTML file to write (charts go to <name>-charts/ beside it)' })
    .option('label', { type: 'string', array: true, describe: 'Name of each result set, in folder order (repeat the option)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing when done' }),
  run: async (argv, io) => {
    const { compareCommand } = await import('./compare.js');
    return compareCommand({ dirs: argv.dirs, out: argv.out, label: argv.label, quiet: argv.quiet }, io);
  },
});
