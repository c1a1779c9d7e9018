/** Opening a file to read in pieces: a file opens, a folder or a missing file is refused with the words every reader uses. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioReason } from '../../src/common/messages.js';
import { openToRead } from '../../src/common/openToRead.js';

const reasonOf = async (path: string): Promise<string> => openToRead(path).then(
  async (handle) => {
    await handle.close();
    return 'opened';
  },
  (error: unknown) => ioReason(error),
);

describe('openToRead', () => {
  it('opens a file, and refuses a folder or a missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-open-'));
    writeFileSync(join(dir, 'a.log'), 'x\n');
    expect(await reasonOf(join(dir, 'a.log'))).toBe('opened');
    expect(await reasonOf(dir)).toBe('it is a folder');
    expect(await reasonOf(join(dir, 'missing.log'))).toBe('no such file or folder');
  });
});
