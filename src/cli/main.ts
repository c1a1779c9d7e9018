#!/usr/bin/env node
/**
 * Entry point of the `lambda-rollout-sim` command. A bare `--version` is answered before the
 * argument parser loads (start-up, README Performance); everything else goes through cli.ts.
 */
import { processIo } from './io.js';
import { toolVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  processIo.stdout(toolVersion() + '\n');
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(args, processIo);
}
