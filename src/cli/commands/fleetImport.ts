/** `fleet import <file|dir>... --out FLEET.json [--anonymize]`: AWS CLI output files → fleet file. */
import { importFleet } from '../../fleet/importFleet.js';
import type { CliIo } from '../io.js';
import type { FleetWriteArgs } from './fleetArgs.js';
import { buildOptions, writeFleet } from './fleetWrite.js';

export function fleetImportCommand(args: FleetWriteArgs & { readonly inputs: readonly string[] }, io: CliIo): number {
  const options = buildOptions(args, io);
  return writeFleet(() => importFleet(args.inputs, options), args.out, io);
}
