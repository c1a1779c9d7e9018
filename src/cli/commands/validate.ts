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
    io.stdout(`${file}: ok (${loaded.scenario.name})\n`);
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}
