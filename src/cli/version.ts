import { readFileSync } from 'node:fs';

/** The tool's version, from package.json (two folders up from both src/cli and dist/cli). */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
