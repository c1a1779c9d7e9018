/**
 * `compare DIR DIR... --out FILE`: one report setting two or more results folders side by
 * side (e.g. one policy against another): FILE (HTML) and its charts beside it in
 * `<FILE without extension>-charts/`, each written atomically.
 */
import type { Argv } from 'yargs';
import { buildComparison } from '../../report/buildReport.js';
import { ResultsFileError } from '../../report/readResults.js';
import { fileTarget, writeReport } from '../../report/writeReport.js';
import { EXIT_OK, UsageError, type CliIo } from '../io.js';
import { checkResultsDir } from './report.js';

export const COMPARE_COMMAND = 'compare <dirs..>';
export const COMPARE_DESCRIPTION = 'Build one HTML report setting two or more results folders side by side';

export interface CompareArgs {
  readonly dirs: readonly string[];
  readonly out: string;
  /** Names of the result sets, one per folder (default: scenario names, else folder names). */
  readonly label?: readonly string[] | undefined;
  readonly quiet?: boolean | undefined;
}

export function compareOptions<T>(y: Argv<T>) {
  return y
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Two or more results folders written by run' })
    .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'HTML file to write (charts go to <name>-charts/ beside it)' })
    .option('label', { type: 'string', array: true, describe: 'Name of each result set, in folder order (repeat the option)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing when done' });
}

export async function compareCommand(args: CompareArgs, io: CliIo): Promise<number> {
  if (args.dirs.length < 2) throw new UsageError(`compare needs two or more results folders, got ${args.dirs.length}`);
  if (args.label !== undefined && args.label.length !== args.dirs.length) {
    throw new UsageError(`--label given ${args.label.length} time(s) for ${args.dirs.length} folders: give one per folder, or none`);
  }
  if (args.label !== undefined && new Set(args.label).size !== args.label.length) throw new UsageError('--label: the names must differ');
  if (!/\.html?$/i.test(args.out)) throw new UsageError(`--out ${args.out}: name an .html file`);
  for (const dir of args.dirs) checkResultsDir(dir);
  try {
    const report = await buildComparison(args.dirs.map((dir, i) => ({ dir, ...(args.label?.[i] !== undefined ? { label: args.label[i] } : {}) })));
    const target = fileTarget(args.out);
    writeReport(target, report);
    if (args.quiet !== true) io.stderr(`comparison written to ${target.htmlPath} (charts in ${target.chartsDir})\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ResultsFileError) throw new UsageError(error.message);
    throw error;
  }
}
