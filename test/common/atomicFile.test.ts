/** The one file writer: every byte lands even when the system writes a few at a time; a failed write leaves the old file. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Every write stores at most 3 bytes, as a short write may: the writer must continue.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = (fd: number, data: Uint8Array | string, offset?: number, length?: number): number =>
    typeof data === 'string' ? fs.writeSync(fd, data.slice(0, 3)) : fs.writeSync(fd, data, offset ?? 0, Math.min(length ?? data.length - (offset ?? 0), 3));
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { swapFolder, writeFileAtomic } = await import('../../src/common/atomicFile.js');

describe('atomic file writer', () => {
  it('writes every byte of every chunk despite short writes, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-atomic-'));
    const file = join(dir, 'sub', 'out.csv');
    writeFileAtomic(file, ['a,b\n', new Uint8Array([0x31, 0x2c, 0x32, 0x0a]), 'ü,ß\n']);
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\nü,ß\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.csv']);
  });

  it('keeps the old file and removes the temporary one when the chunks fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-atomic-'));
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old\n');
    function* failing(): Generator<string> {
      yield 'new, half';
      throw new Error('source failed');
    }
    expect(() => writeFileAtomic(file, failing())).toThrow('source failed');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('swaps a staged folder in place of the old one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-atomic-'));
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts', 'old.svg'), 'old');
    mkdirSync(join(dir, 'staging'));
    writeFileSync(join(dir, 'staging', 'new.svg'), 'new');
    swapFolder(join(dir, 'charts'), join(dir, 'staging'));
    expect([readdirSync(join(dir, 'charts')), existsSync(join(dir, 'staging')), readdirSync(dir)]).toEqual([['new.svg'], false, ['charts']]);
  });
});
