/** Registration of `merge` (options only; the implementation in merge.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const mergeCmd = defineCommand({
  command: 'merge <dirs..>',
  describe: 'Combine the partitions of `run --shard` into the outputs of one run',
  builder: (y) => y
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Partition folders written by run --shard' })
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Output folder' })
    .option('parquet', { type: 'boolean', default: true, describe: 'Also write the row tables as Parquet (--no-parquet to skip)' })
    .option('force', { type: 'boolean', default: false, describe: 'Replace an output folder this tool did not make' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No warnings on stderr' }),
  run: async (argv, io) => {
    const { mergeCommand } = await import('./merge.js');
    return mergeCommand({ dirs: argv.dirs, out: argv.out, parquet: argv.parquet, force: argv.force, quiet: argv.quiet }, io);
  },
});
