/**
 * Start-up time of CLI commands: the built CLI run in a fresh child process, median wall
 * time over several runs (the process's whole life: Node's own start-up, module loading,
 * the command, exit).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './childRun.js';

export function startupMs(args: readonly string[], runs: number): number {
  return nodeMs([fileURLToPath(new URL('../cli/main.js', import.meta.url)), ...args], runs);
}

/** The floor the start-up figures sit on: a Node process that does nothing (`node -e 0`). */
export function nodeFloorMs(runs: number): number {
  return nodeMs(['-e', '0'], runs);
}

function nodeMs(argv: readonly string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, argv, { encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.status !== 0) throw new Error(`node ${argv.join(' ')} failed (${child.status}):\n${child.stderr}`);
  }
  return median(times);
}
