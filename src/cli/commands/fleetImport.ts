/** `fleet import <file|dir>... --out FLEET.json [--anonymize]`: AWS CLI output files → fleet file. */
import type { Argv } from 'yargs';
import { importFleet } from '../../fleet/importFleet.js';
import type { CliIo } from '../io.js';
import { buildOptions, fleetWriteOptions, writeFleet, type FleetWriteArgs } from './fleetWrite.js';

export const FLEET_IMPORT_COMMAND = 'import <inputs..>';
export const FLEET_IMPORT_DESCRIPTION =
  'Read AWS CLI JSON outputs (list-functions, get-function, get-runtime-management-config, list-aliases, list-versions-by-function) and write a fleet file';

export function fleetImportOptions<T>(y: Argv<T>) {
  return fleetWriteOptions(
    y.positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'Files, or folders (their .json files, recursively)' }),
  );
}

export function fleetImportCommand(args: FleetWriteArgs & { readonly inputs: readonly string[] }, io: CliIo): number {
  const options = buildOptions(args, io);
  return writeFleet(() => importFleet(args.inputs, options), args.out, io);
}
