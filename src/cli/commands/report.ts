/**
 * `report DIR`: (re)builds the report of a results folder written by `run`: DIR/report.html
 * (self-contained, opens offline) and DIR/charts/*.svg, each written atomically.
 */
import { existsSync, statSync } from 'node:fs';
import { buildReport } from '../../report/buildReport.js';
import { folderTarget, writeReport } from '../../report/writeReport.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';

export interface ReportArgs {
  readonly dir: string;
  readonly quiet?: boolean | undefined;
}

/** A results folder the user named: it must exist and be a folder (else exit code 2). */
export function checkResultsDir(dir: string): void {
  if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
}

export async function reportCommand(args: ReportArgs, io: CliIo): Promise<number> {
  checkResultsDir(args.dir);
  const started = process.hrtime.bigint();
  const target = folderTarget(args.dir);
  writeReport(target, await buildReport(args.dir));
  if (args.quiet !== true) io.stderr(`report written to ${target.htmlPath} (${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s)\n`);
  return EXIT_OK;
}
