/**
 * Registration of the `fleet` command group (`fleet import`, `fleet collect`): options only.
 * The implementations (fleetImport.ts, fleetCollect.ts and src/fleet) load with `await import()`
 * when a fleet command is chosen, so registering the group costs the other commands nothing
 * (test/cli/startup.test.ts checks it). The two defaults below are checked against
 * src/fleet's constants by test/cli/fleetCmd.test.ts.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from '../io.js';

/** `DEFAULT_WINDOW_DAYS` of src/fleet/deployRates.ts and `DEFAULT_CONCURRENCY` of src/fleet/collect.ts. */
export const FLEET_DEFAULTS = { windowDays: 365, concurrency: 8 } as const;

function fleetWriteOptions<T>(y: Argv<T>) {
  return y
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Fleet file to write (JSON)' })
    .option('anonymize', { type: 'boolean', default: false, describe: 'Replace function names and account ids by salted hashes (the salt is printed once, never stored)' })
    .option('window-days', { type: 'number', default: FLEET_DEFAULTS.windowDays, describe: 'Deploy-rate observation window, in days' })
    .option('window-end', { type: 'string', describe: 'End of the observation window, ISO 8601 (default: the latest LastModified)' });
}

function fleetImportOptions<T>(y: Argv<T>) {
  return fleetWriteOptions(
    y.positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Files, or folders (their .json files, recursively)' }),
  );
}

function fleetCollectOptions<T>(y: Argv<T>) {
  return fleetWriteOptions(
    y
      .option('region', { type: 'string', array: true, demandOption: true, describe: 'Regions to read (repeat, or give several)' })
      .option('profile', { type: 'string', describe: 'Named profile of the shared AWS config/credentials files' })
      .option('endpoint-url', { type: 'string', describe: 'Lambda endpoint to use instead of the regional one (for tests)' })
      .option('concurrency', { type: 'number', default: FLEET_DEFAULTS.concurrency, describe: 'Most API calls in flight at once' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on stderr' }),
  );
}

export function fleetCommand(io: CliIo, setExit: (code: number) => void): CommandModule {
  return {
    command: 'fleet',
    describe: 'Build a fleet file from a real Lambda inventory (AWS CLI outputs, or the API)',
    builder: (y: Argv) =>
      y
        .command(
          'import <inputs..>',
          'Read AWS CLI JSON outputs (list-functions, get-function, get-runtime-management-config, list-aliases, list-versions-by-function) and write a fleet file',
          fleetImportOptions,
          async (argv) => {
            const { fleetImportCommand } = await import('./fleetImport.js');
            setExit(fleetImportCommand({ ...argv, inputs: argv.inputs, windowDays: argv['window-days'] }, io));
          },
        )
        .command(
          'collect',
          'Ask the Lambda API (AWS SDK, default credentials) for the inventory of some regions and write a fleet file',
          fleetCollectOptions,
          async (argv) => {
            const { fleetCollectCommand } = await import('./fleetCollect.js');
            setExit(await fleetCollectCommand({ ...argv, windowDays: argv['window-days'] }, io));
          },
        )
        .demandCommand(1, 'Name a fleet command: import or collect.'),
    handler: () => undefined,
  };
}
