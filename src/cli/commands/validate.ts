/** `validate FILE...`: checks scenario files, reporting every error of every file. */
import { formatScenarioError, loadScenarioFile } from '../../scenario/load.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io.js';

export async function validateCommand(files: readonly string[], io: CliIo): Promise<number> {
  let failed = false;
  for (const file of files) {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) {
      failed = true;
      for (const e of loaded.errors) io.stderr(formatScenarioError(e) + '\n');
      continue;
    }
    for (const w of loaded.scenario.warnings) io.stderr(`warning: ${w}\n`);
    const points = loaded.sweep === null ? '' : `; a sweep of ${loaded.sweep.points.length} point(s)`;
    io.stdout(`${file}: ok (${loaded.scenario.name}${points})\n`);
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}
