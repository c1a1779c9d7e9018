/** Registration of `validate` (the implementation in validate.ts loads when it is chosen). */
import { defineCommand } from '../command.js';

export const validateCmd = defineCommand({
  command: 'validate <scenarios..>',
  describe: 'Check scenario files and report every error with file:line:col',
  builder: (y) => y.positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario YAML files' }),
  run: async (argv, io) => {
    const { validateCommand } = await import('./validate.js');
    return validateCommand(argv.scenarios, io);
  },
});
