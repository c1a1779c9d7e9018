/** The output folder is swapped in whole, and a killed run's leftovers are tidied up. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_FILE, recoverOutputDir, writeOutputDir } from '../../src/output/writeOutputDir.js';

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
