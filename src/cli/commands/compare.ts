/**
 * `compare DIR DIR... --out FILE`: one report setting two or more results folders side by
 * side (e.g. one policy against another): FILE (HTML) and its charts beside it in
 * `<FILE without extension>-charts/`, each written atomically.
 */
import { buildComparison } from '../../report/buildReport.js';
import { fileTarget, writeReport } from '../../report/writeReport.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { UsageError } from '../usageError.js';
import { checkResultsDir } from './report.js';

export interface CompareArgs {
  readonly dirs: readonly string[];
  readonly out: string;
  /** Names of the result sets, one per folder (default: scenario names, else folder names). */
  readonly label?: readonly string[] | undefined;
  readonly quiet?: boolean | undefined;
}

export async function compareCommand(args: CompareArgs, io: CliIo): Promise<number> {
  if (args.dirs.length < 2) throw new UsageError(`compare needs two or more results folders, got ${args.dirs.length}`);
  if (args.label !== undefined && args.label.length !== args.dirs.length) {
    throw new UsageError(`--label given ${args.label.length} time(s) for ${args.dirs.length} folders: give one per folder, or none`);
  }
  if (args.label !== undefined && new Set(args.label).size !== args.label.length) throw new UsageError('--label: the names must differ');
  if (!/\.html?$/i.test(args.out)) throw new UsageError(`--out ${args.out}: name an .html file`);
  for (const dir of args.dirs) checkResultsDir(dir);
  const report = await buildComparison(args.dirs.map((dir, i) => ({ dir, ...(args.label?.[i] !== undefined ? { label: args.label[i] } : {}) })));
  const target = fileTarget(args.out);
  writeReport(target, report);
  if (args.quiet !== true) io.stderr(`comparison written to ${target.htmlPath} (charts in ${target.chartsDir})\n`);
  return EXIT_OK;
}
