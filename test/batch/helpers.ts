/**
 * Shared by the batch tests. Workers run the built JavaScript, so the build is made fresh
 * (or found fresh) once, here, before any test starts a pool: never skipped.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { workerFile } from '../../src/batch/workerFile.js';
import type { CliIo } from '../../src/cli/io.js';

/** The worker script, built now if dist/ is missing or older than src/. */
export const WORKER = workerFile();

export const SMALL = 'test/batch/fixtures/small.yaml';
export const SWEEP = 'test/batch/fixtures/sweep.yaml';

export function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

export const tmp = (): string => mkdtempSync(join(tmpdir(), 'lrs-batch-'));

/** Every file under `dir` (recursively), as bytes, keyed by relative path. */
export function readTree(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  return out;
}

/** Asserts two folders hold the same files with the same bytes; returns the file names. */
export function sameTree(a: string, b: string): string[] {
  const ta = readTree(a);
  const tb = readTree(b);
  const names = Object.keys(ta);
  if (JSON.stringify(names) !== JSON.stringify(Object.keys(tb))) {
    throw new Error(`different files:\n${names.join(', ')}\n${Object.keys(tb).join(', ')}`);
  }
  for (const name of names) {
    if (!ta[name]!.equals(tb[name]!)) throw new Error(`${name} differs between ${a} and ${b}`);
  }
  return names;
}

export const summaryOf = (dir: string): Record<string, any> => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
