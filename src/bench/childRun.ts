/** Runs a built benchmark entry in a child process and parses the JSON line it prints. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scriptOf = (entry: string): string => fileURLToPath(new URL(`./${entry}`, import.meta.url));
const lastJsonLine = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').pop() ?? '') as T;
const failed = (entry: string, args: readonly (string | number)[], code: number | null, stderr: string): Error =>
  new Error(`${entry} ${args.join(' ')} failed (${code}):\n${stderr}`);

export function runChild<T>(entry: string, args: readonly (string | number)[]): T {
  const child = spawnSync(process.execPath, [scriptOf(entry), ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw failed(entry, args, child.status, child.stderr);
  return lastJsonLine<T>(child.stdout);
}

/** The same, without waiting: for children that run side by side. */
export function runChildAsync<T>(entry: string, args: readonly (string | number)[]): Promise<T> {
  const child = spawn(process.execPath, [scriptOf(entry), ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => void (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(lastJsonLine<T>(stdout)) : reject(failed(entry, args, code, stderr))));
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
