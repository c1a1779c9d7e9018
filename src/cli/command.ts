/**
 * One CLI command as a small registration record: its yargs usage, description and options,
 * and a `run` that loads the heavy implementation with `await import()` only when the command
 * is chosen. So `--version`, `validate` and `schema` never load vega, arquero, the Parquet
 * writer or the worker pool (test/cli/startup.test.ts checks it). Adding a command is one
 * import of its registration module in cli.ts and one entry in its list.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import type { CliIo } from './io.js';

export interface CliCommand {
  readonly command: string;
  readonly describe: string;
  register(y: Argv, setExitCode: (code: number) => void, io: CliIo): Argv;
}

/** A typed command: the options the builder declares are the argv the runner gets. */
export function defineCommand<A>(spec: {
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<A>;
  readonly run: (argv: ArgumentsCamelCase<A>, io: CliIo) => Promise<number> | number;
}): CliCommand {
  return {
    command: spec.command,
    describe: spec.describe,
    register(y, setExitCode, io) {
      return y.command(spec.command, spec.describe, spec.builder, async (argv) => {
        setExitCode(await spec.run(argv, io));
      }) as Argv;
    },
  };
}

/** A command written as a yargs CommandModule factory (fleet, observe, calibrate). */
export function fromCommandModule<A>(make: (io: CliIo, setExitCode: (code: number) => void) => CommandModule<object, A>): CliCommand {
  return {
    command: '',
    describe: '',
    register: (y, setExitCode, io) => y.command(make(io, setExitCode) as unknown as CommandModule) as Argv,
  };
}
