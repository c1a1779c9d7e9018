/**
 * Shared by `fleet import` and `fleet collect`: options of the fleet file, writing it
 * atomically (readers see the old file or the whole new one; nothing when an input is bad),
 * the salt of `--anonymize` printed once, and the refusal lines (a UserError, shown by the CLI) with exit code 2.
 */
import { newSalt } from '../../fleet/anonymize.js';
import type { BuildOptions, BuildResult } from '../../fleet/buildFleet.js';
import { summaryLines } from '../../fleet/summary.js';
import { fleetFileChunks } from '../../fleet/writeFleet.js';
import { writeFileAtomic } from '../../insights/writeFileAtomic.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import type { FleetWriteArgs } from './fleetArgs.js';

/** Checks the shared options and draws the salt; prints it once on stderr. */
export function buildOptions(args: FleetWriteArgs, io: CliIo): BuildOptions {
  if (!(Number.isFinite(args.windowDays) && args.windowDays > 0)) throw new UsageError(`--window-days: ${args.windowDays} (allowed: a number of days > 0)`);
  let windowEndMs: number | undefined;
  if (args.windowEnd !== undefined) {
    windowEndMs = Date.parse(args.windowEnd);
    if (!Number.isFinite(windowEndMs)) throw new UsageError(`--window-end: ${args.windowEnd} is not an ISO 8601 date or time (e.g. 2026-06-01T00:00:00Z)`);
  }
  let anonymizeSalt: string | undefined;
  if (args.anonymize) {
    anonymizeSalt = newSalt();
    io.stderr(`anonymized with salt ${anonymizeSalt} (printed once, not stored: keep it to map names back)\n`);
  }
  return { windowDays: args.windowDays, windowEndMs, anonymizeSalt };
}

/** Builds, writes atomically and summarises; a bad input or an unwritable --out is exit code 2. */
export function writeFleet(build: () => BuildResult, out: string, io: CliIo): number {
  const result = build();
  writeFileAtomic(out, fleetFileChunks(result.fleet));
  for (const line of summaryLines(result, out)) io.stderr(`${line}\n`);
  return EXIT_OK;
}
