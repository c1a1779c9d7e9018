/** The output folder is swapped in whole, and a killed run's leftovers are tidied up. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_FILE, recoverOutputDir, writeOutputDir, writeOutputDirWith, type ElsewhereFiles } from '../../src/output/writeOutputDir.js';

const DEAD_PID = 2 ** 22 + 12345; // above Linux's default pid_max: no such process

describe('writeOutputDir', () => {
  it('replaces a previous run whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const out = join(dir, 'out');
    writeOutputDir(out, [{ name: 'a.csv', chunks: ['x\n'] }, { name: 'b.csv', chunks: ['y\n'] }], false);
    writeOutputDir(out, [{ name: 'a.csv', chunks: ['z\n'] }], false);
    expect(readdirSync(out).sort()).toEqual([MARKER_FILE, 'a.csv']);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('z\n');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('puts back complete previous results if a run was killed between its two renames', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const previous = join(dir, `.out.previous-${DEAD_PID}`);
    mkdirSync(previous);
    writeFileSync(join(previous, 'a.csv'), 'old\n');
    mkdirSync(join(dir, `.out.staging-${DEAD_PID}`));
    recoverOutputDir(join(dir, 'out'));
    expect(readFileSync(join(dir, 'out', 'a.csv'), 'utf8')).toBe('old\n');
    expect(existsSync(join(dir, `.out.staging-${DEAD_PID}`))).toBe(false);
  });

  it('leaves the leftovers of a live process alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const live = join(dir, `.out.staging-${process.ppid}`);
    mkdirSync(live);
    recoverOutputDir(join(dir, 'out'));
    expect(existsSync(live)).toBe(true);
  });
});

describe('writeOutputDirWith, files written elsewhere (worker threads)', () => {
  const late = async (): Promise<[]> => [];
  /** Writes its files into the staging folder a little later, as a worker thread would, or fails. */
  const elsewhere = (names: string[], fail = false): ElsewhereFiles => ({
    names: new Set(names),
    write: async (staging) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (fail) throw new Error('the worker could not write');
      for (const name of names) writeFileSync(join(staging, name), `elsewhere ${name}\n`);
    },
  });

  it('swaps in the files of both, each written once, by the thread that was given it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const out = join(dir, 'out');
    const files = [{ name: 'a.csv', chunks: ['main\n'] }, { name: 'a.parquet', chunks: ['not this one\n'] }];
    await writeOutputDirWith(out, files, false, late, elsewhere(['a.parquet']));
    expect(readdirSync(out).sort()).toEqual([MARKER_FILE, 'a.csv', 'a.parquet']);
    expect(readFileSync(join(out, 'a.parquet'), 'utf8')).toBe('elsewhere a.parquet\n');
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('main\n');
  });

  it('keeps the previous results and leaves nothing behind when a worker fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const out = join(dir, 'out');
    writeOutputDir(out, [{ name: 'a.csv', chunks: ['old\n'] }], false);
    const files = [{ name: 'a.csv', chunks: ['new\n'] }, { name: 'a.parquet', chunks: [] }];
    await expect(writeOutputDirWith(out, files, false, late, elsewhere(['a.parquet'], true))).rejects.toThrow('the worker could not write');
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('waits for the workers before it removes the staging folder when the main thread fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-out-'));
    const out = join(dir, 'out');
    const failing = async (): Promise<[]> => {
      throw new Error('the report failed');
    };
    let finished = false;
    const slow: ElsewhereFiles = {
      names: new Set(['a.parquet']),
      write: async (staging) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        writeFileSync(join(staging, 'a.parquet'), 'late\n'); // throws if the folder was removed
        finished = true;
      },
    };
    await expect(writeOutputDirWith(out, [{ name: 'a.csv', chunks: ['x\n'] }], false, failing, slow)).rejects.toThrow('the report failed');
    expect(finished).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});
