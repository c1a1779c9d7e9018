#!/usr/bin/env node
/**
 * Entry point of the `lambda-rollout-sim` command. A bare `--version`, and `validate FILE...` /
 * `schema [--fleet]` in their plain forms (lightPath.ts), are answered before the argument
 * parser loads (start-up, docs/performance.md); everything else goes through cli.ts.
 */
import { EXIT_INTERNAL, internalErrorText, processIo } from './io.js';
import { runLightPath } from './lightPath.js';
import { toolVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  processIo.stdout(toolVersion() + '\n');
} else {
  let code: number | null;
  try {
    code = await runLightPath(args, processIo);
  } catch (error) {
    processIo.stderr(internalErrorText(error));
    code = EXIT_INTERNAL;
  }
  if (code === null) {
    const { runCli } = await import('./cli.js');
    code = await runCli(args, processIo);
  }
  process.exitCode = code;
}
