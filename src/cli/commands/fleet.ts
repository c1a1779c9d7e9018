/** The `fleet` command group: `fleet import` and `fleet collect`, registered with one line in cli.ts. */
import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import { FLEET_COLLECT_COMMAND, FLEET_COLLECT_DESCRIPTION, fleetCollectCommand, fleetCollectOptions } from './fleetCollect.js';
import { FLEET_IMPORT_COMMAND, FLEET_IMPORT_DESCRIPTION, fleetImportCommand, fleetImportOptions } from './fleetImport.js';

export function fleetCommand(io: CliIo, setExit: (code: number) => void): CommandModule {
  return {
    command: 'fleet',
    describe: 'Build a fleet file from a real Lambda inventory (AWS CLI outputs, or the API)',
    builder: (y: Argv) =>
      y
        .command(FLEET_IMPORT_COMMAND, FLEET_IMPORT_DESCRIPTION, fleetImportOptions, (argv) => {
          setExit(fleetImportCommand({ ...argv, inputs: argv.inputs, windowDays: argv['window-days'] as number }, io));
        })
        .command(FLEET_COLLECT_COMMAND, FLEET_COLLECT_DESCRIPTION, fleetCollectOptions, async (argv) => {
          setExit(await fleetCollectCommand({ ...argv, windowDays: argv['window-days'] as number }, io));
        })
        .demandCommand(1, 'Name a fleet command: import or collect.'),
    handler: () => undefined,
  };
}
