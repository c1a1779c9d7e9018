/** Runs a built benchmark entry in a child process and parses the JSON line it prints. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runChild<T>(entry: string, args: readonly (string | number)[]): T {
  const script = fileURLToPath(new URL(`./${entry}`, import.meta.url));
  const child = spawnSync(process.execPath, [script, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${entry} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
