/** Runs a built benchmark entry in a child process and parses the JSON line it prints. */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runChild<T>(entry: string, args: readonly (string | number)[]): T {
  const script = fileURLToPath(new URL(`./${entry}`, import.meta.url));
  const child = spawnSync(process.execPath, [script, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`${entry} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

/** The same, without waiting: for children that run side by side. */
export function runChildAsync<T>(entry: string, args: readonly (string | number)[]): Promise<T> {
  const script = fileURLToPath(new URL(`./${entry}`, import.meta.url));
  const child = spawn(process.execPath, [script, ...args.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => void (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${entry} ${args.join(' ')} failed (${code}):\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
    });
  });
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
