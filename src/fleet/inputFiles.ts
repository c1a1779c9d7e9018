/**
 * The files `fleet import` reads: each path named on the command line (whatever its name), and
 * for a folder every `.json` file under it, recursively, in sorted order. Which documents they
 * hold is decided by shape (shapes.ts), never by the name.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from './arn.js';
import type { IssueLog } from './issues.js';
import { ioReason } from '../common/messages.js';

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
}

export function inputFiles(paths: readonly string[], issues: IssueLog): string[] {
  const files: string[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) walk(path, files);
      else files.push(path);
    } catch (error) {
      issues.add('file', `${path}:`, ioReason(error));
    }
  }
  return files;
}
