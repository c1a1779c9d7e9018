/**
 * Start-up stays light: `--version`, `validate` and `schema` must not load the heavy modules
 * (charts, tables, Parquet, worker pool, progress bar), and in their plain forms not even the
 * argument parser: `validate FILE...` runs only the one bundled file of the light path,
 * `schema [--fleet]` only reads generated JSON (src/cli/lightPath.ts). The built CLI runs in a
 * child with a module-resolve hook that logs every module it loads; `--help` (yargs) and a
 * `report` run (vega) are positive controls, so the hook is seen to work. No wall-clock
 * assertion: the time is a bench figure (npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../batch/helpers.js'; // builds dist/ if stale

const HEAVY = ['vega', 'vega-lite', 'vega-embed', 'arquero', 'hyparquet-writer', 'piscina', 'cli-progress'];

const dir = mkdtempSync(join(tmpdir(), 'lrs-startup-'));
writeFileSync(join(dir, 'hooks.mjs'), [
  "import { appendFileSync } from 'node:fs';",
  'export async function resolve(specifier, context, next) {',
  '  const resolved = await next(specifier, context);',
  '  appendFileSync(process.env.LRS_LOAD_LOG, resolved.url + "\\n");',
  '  return resolved;',
  '}',
].join('\n'));
writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The packages (by node_modules folder name) a CLI invocation loads, and its exit status. */
function loadedPackages(args: readonly string[]): { packages: Set<string>; urls: string[]; status: number | null; stdout: string } {
  const log = join(dir, `load-${args[0]!.replace(/\W/g, '')}.log`);
  writeFileSync(log, '');
  const child = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), 'dist/cli/main.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LRS_LOAD_LOG: log },
  });
  const packages = new Set<string>();
  const urls = readFileSync(log, 'utf8').split('\n').filter((url) => url !== '');
  for (const url of urls) {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (m !== null) packages.add(m[1]!);
  }
  return { packages, urls, status: child.status, stdout: child.stdout };
}

describe('start-up loads only what the command uses', () => {
  it('--version loads no package at all', () => {
    const r = loadedPackages(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect([...r.packages]).toEqual([]);
  });

  it('validate FILE... loads no package: only the light path\'s bundle (yaml and zod inside)', () => {
    const r = loadedPackages(['validate', 'scenarios/default.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^scenarios\/default\.yaml: ok /);
    // The bundle is compiled as a script (with V8's code cache), not imported, so the hook sees
    // the entry's modules only: an `ok` with nothing else of ours loaded is the bundle's answer.
    expect(r.urls.some((url) => url.endsWith('/dist/cli/lightPath.js'))).toBe(true); // the hook saw the loads
    expect([...r.packages]).toEqual([]);
    expect(r.urls.filter((url) => /\/dist\/(?!cli\/(main|io|lightPath|version)\.js)/.test(url))).toEqual([]);
  });

  it.each([[['schema']], [['schema', '--fleet']]])('%j loads no package and no module of ours but the entry', (args) => {
    const r = loadedPackages(args);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('$schema');
    expect([...r.packages]).toEqual([]);
    expect(r.urls.filter((url) => /\/dist\/(?!cli\/(main|io|lightPath|version)\.js)/.test(url))).toEqual([]);
  });

  it.each([
    [['--help']],
    [['validate', '--help']],
    [['schema', '--help']],
    [['fleet', '--help']],
  ])('%j goes through yargs and loads no heavy module, nor src/fleet or zod', (args) => {
    const r = loadedPackages(args);
    expect(r.status).toBe(0);
    expect(r.packages.has('yargs')).toBe(true); // the hook saw the loads
    expect(HEAVY.filter((p) => r.packages.has(p))).toEqual([]);
    expect(r.packages.has('zod')).toBe(false);
    expect(r.urls.some((url) => url.includes('/dist/fleet/'))).toBe(false);
  });

  it('the hook catches a heavy load: report loads vega (positive control)', () => {
    const r = loadedPackages(['report', join(dir, 'no-such-folder')]);
    expect(r.status).toBe(2);
    expect(r.packages.has('vega')).toBe(true);
  });
});
