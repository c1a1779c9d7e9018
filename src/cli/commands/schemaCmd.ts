/** Registration of `schema` (the implementation in schema.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const schemaCmd = defineCommand({
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editors), or of fleet files with --fleet',
  builder: (y) => y.option('fleet', { type: 'boolean', default: false, describe: 'The fleet file format instead' }),
  run: async (argv, io) => {
    const { schemaCommand } = await import('./schema.js');
    return schemaCommand(io, argv.fleet);
  },
});
