/** Registration of `schema` (the implementation in schema.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const schemaCmd = defineCommand({
  command: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editors)',
  builder: (y) => y,
  run: async (_argv, io) => {
    const { schemaCommand } = await import('./schema.js');
    return schemaCommand(io);
  },
});
