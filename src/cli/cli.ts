/**
 * The command line: the only place that touches argv, exit codes and the terminal.
 * Every user mistake ends as one clear message and exit code 2, never a stack trace.
 */
import yargs from 'yargs';
import { UserError } from '../common/userError.js';
import { fromCommandModule, type CliCommand } from './command.js';
import { calibrateModule } from './commands/calibrate.js';
import { compareCmd } from './commands/compareCmd.js';
import { fleetCommand } from './commands/fleetCmd.js';
import { insightsCmd } from './commands/insightsCmd.js';
import { mergeCmd } from './commands/mergeCmd.js';
import { observeModule } from './commands/observe.js';
import { reportCmd } from './commands/reportCmd.js';
import { runCmd } from './commands/runCmd.js';
import { schemaCmd } from './commands/schemaCmd.js';
import { validateCmd } from './commands/validateCmd.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, internalErrorText, type CliIo } from './io.js';
import { UsageError } from './usageError.js';
import { toolVersion } from './version.js';

/**
 * Every command, in help order. Each is a small registration module (options and a lazy
 * `await import()` of its implementation), so a command loads only what it uses.
 */
const COMMANDS: readonly CliCommand[] = [
  runCmd,
  mergeCmd,
  validateCmd,
  schemaCmd,
  reportCmd,
  compareCmd,
  insightsCmd,
  fromCommandModule(fleetCommand),
  fromCommandModule(observeModule),
  fromCommandModule(calibrateModule),
];

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  let parser = yargs([...args])
    .scriptName('lambda-rollout-sim')
    .usage('$0 <command> [options]\n\nSimulates AWS Lambda managed-runtime updates across a synthetic fleet.');
  for (const command of COMMANDS) parser = command.register(parser, setExitCode, io);
  parser = parser
    .demandCommand(1, 'Name a command: run, merge, report, compare, validate, schema, insights, fleet, observe or calibrate.')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(toolVersion())
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });

  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    // The one place a user's mistake becomes text and an exit code (common/userError.ts).
    if (error instanceof UserError) {
      io.stderr(error.form === 'command' ? `lambda-rollout-sim: ${error.message}\nRun with --help for usage.\n` : error.problems.map((line) => `${line}\n`).join(''));
      return EXIT_USAGE;
    }
    io.stderr(internalErrorText(error));
    return EXIT_INTERNAL;
  }
}
