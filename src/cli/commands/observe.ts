/**
 * `observe <logs..> [--inventory FLEET.json] [--log-group NAME] --out DIR`: reads exported
 * INIT_START logs (four forms, recognised by content) and writes versions.csv, functions.csv,
 * transitions.csv, rollout.csv and status.html. Heavy modules load only when it runs.
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_OK, type CliIo } from '../io.js';

export interface ObserveArgs {
  readonly logs: readonly string[];
  readonly out: string;
  readonly inventory?: string | undefined;
  readonly logGroup?: string | undefined;
  readonly quiet?: boolean | undefined;
}

export function observeModule(io: CliIo, setExit: (code: number) => void): CommandModule<object, ObserveArgs> {
  return {
    command: 'observe <logs..>',
    describe: 'Read exported INIT_START logs: what each function runs, version catalog, moves, rollouts, status.html',
    builder: (y: Argv) =>
      y
        .positional('logs', {
          type: 'string', array: true, demandOption: true,
          describe: 'Log files: filter-log-events JSON (log group /aws/lambda/NAME from --log-group, else from the file name: aws_lambda_NAME.json or NAME.json), NDJSON events, Logs Insights get-query-results JSON or console CSV',
        })
        .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Output folder' })
        .option('inventory', { type: 'string', describe: 'Fleet inventory JSON (adds architecture, package type, update mode, LastModified)' })
        .option('log-group', { type: 'string', describe: 'Log group of filter-log-events files (default: from the file name)' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing when done' }) as unknown as Argv<ObserveArgs>,
    handler: async (argv) => setExit(await observeCommand(argv, io)),
  };
}

export async function observeCommand(args: ObserveArgs, io: CliIo): Promise<number> {
  const { runObserve } = await import('../../observe/runObserve.js');
  const { observation: o, tables, files } = await runObserve(args);
  if (args.quiet !== true) {
    io.stderr(`${o.inits} INIT_START lines from ${tables.functions.length} function versions, ${tables.versions.length} runtime version ARNs; ${o.skipped} other lines skipped\n`);
    if (o.malformed > 0) {
      io.stderr(`${o.malformed} malformed INIT_START line(s)${o.malformed > o.malformedListed.length ? ` (first ${o.malformedListed.length})` : ''}:\n`);
      for (const line of o.malformedListed) io.stderr(`  ${line}\n`);
    }
    io.stderr(`written: ${files.join(', ')}\n`);
  }
  return EXIT_OK;
}
