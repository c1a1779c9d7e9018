/**
 * Opening a file that is read in pieces (a log of any size): a folder is refused with the
 * error a whole-file read gives (code EISDIR, which `ioReason` words as "it is a folder"), and
 * nothing is left open when opening fails. The caller words the error in its own message.
 */
import { open, type FileHandle } from 'node:fs/promises';

/** The error for a folder named where a file is read. */
export function isAFolder(): Error {
  return Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
}

export async function openToRead(file: string): Promise<FileHandle> {
  const handle = await open(file, 'r');
  try {
    if ((await handle.stat()).isDirectory()) throw isAFolder();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
