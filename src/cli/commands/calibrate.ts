/**
 * `calibrate DIR [--inventory FLEET.json] --out SCENARIO.yaml [--check]`: fits a scenario to a
 * folder written by `observe` (with --inventory there, its columns are already in
 * functions.csv; --inventory here replaces them). Heavy modules load only when it runs.
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_OK, type CliIo } from '../io.js';

export interface CalibrateArgs {
  readonly dir: string;
  readonly out: string;
  readonly check?: boolean | undefined;
  readonly inventory?: string | undefined;
  readonly quiet?: boolean | undefined;
}

export function calibrateModule(io: CliIo, setExit: (code: number) => void): CommandModule<object, CalibrateArgs> {
  return {
    command: 'calibrate <dir>',
    describe: 'Fit a scenario (runtimes, releases per region, phase-2 window, modes, deploy rate) to what observe saw',
    builder: (y: Argv) =>
      y
        .positional('dir', { type: 'string', demandOption: true, describe: 'Folder written by observe (versions.csv, functions.csv, transitions.csv)' })
        .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Scenario YAML to write' })
        .option('inventory', { type: 'string', describe: 'Fleet inventory JSON (update modes, architectures, package types, LastModified); default: the one observe was given' })
        .option('check', { type: 'boolean', default: false, describe: 'Simulate the fitted scenario and print, per release and region, the largest distance between simulated and observed time-to-patch curves' })
        .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but the check' }) as unknown as Argv<CalibrateArgs>,
    handler: async (argv) => setExit(await calibrateCommand(argv, io)),
  };
}

export async function calibrateCommand(args: CalibrateArgs, io: CliIo): Promise<number> {
  const { runCalibrate } = await import('../../calibrate/runCalibrate.js');
  const result = await runCalibrate({ dir: args.dir, out: args.out, inventory: args.inventory, check: args.check === true });
  if (args.quiet !== true) io.stderr(`scenario written to ${args.out} (${result.fitted.releases.length} release(s), ${result.fitted.functions.value} functions)\n`);
  if (result.check !== null) {
    io.stdout('release\tregion\tobserved_functions\tsimulated_functions\tmax_distance\n');
    for (const r of result.check) io.stdout(`${r.label}\t${r.region}\t${r.observedFunctions}\t${r.simulatedFunctions.toFixed(1)}\t${r.maxDistance.toFixed(3)}\n`);
  }
  return EXIT_OK;
}
