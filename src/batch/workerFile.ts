/**
 * Where the pool's worker script is. Workers always run the built JavaScript
 * (`dist/batch/worker.js`): Node cannot load a TypeScript worker by itself.
 *
 * Installed or built, this module is `dist/batch/workerFile.js` and the worker sits beside
 * it. When this module runs from the TypeScript sources (the test runner, tsx), the worker
 * is taken from `dist/`, and built first (`tsc -p tsconfig.json`) if it is missing or older
 * than any source file (then the CLI's light path too, src/build/lightPath.ts, as `npm run build`
 * does), under a lock so parallel test files build once. A build that still
 * leaves no worker is an error, never a silent fallback.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCK_STALE_MS = 180_000;

export function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'worker.js');
  const root = resolve(dirname(here), '..', '..');
  return ensureBuilt(root);
}

/** Newest modification time (ms) of the `.ts` files under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The worker and the CLI's light path (made after tsc, as `npm run build` does) are newer than src/. */
function isFresh(root: string, worker: string): boolean {
  const newest = newestSource(join(root, 'src'));
  return [worker, join(root, 'dist', 'cli', 'light', 'validate.bundle.js')].every((file) => existsSync(file) && statSync(file).mtimeMs >= newest);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds `dist/` when stale; returns the worker's path. */
export function ensureBuilt(root: string): string {
  const worker = join(root, 'dist', 'batch', 'worker.js');
  if (isFresh(root, worker)) return worker;
  const lock = join(root, 'node_modules', '.cache', 'lambda-rollout-sim-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    if (isFresh(root, worker)) return worker; // another process built it meanwhile
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    // tsc emits even with type errors elsewhere in the tree; what matters here is a fresh worker.
    const light = spawnSync(process.execPath, [join(root, 'dist', 'build', 'lightPath.js')], { cwd: root, encoding: 'utf8' });
    if (!isFresh(root, worker)) {
      throw new Error(`the worker script ${worker} or the CLI's light path could not be built (run \`npm run build\`):\n${build.stdout}${build.stderr}${light.stdout}${light.stderr}`);
    }
    return worker;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
