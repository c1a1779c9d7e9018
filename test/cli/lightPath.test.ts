/**
 * The light path (src/cli/lightPath.ts, built by src/build/lightPath.ts) must answer exactly as
 * the yargs path does: the same stdout, stderr and exit code for good and bad scenario files and
 * for both schemas; other forms (help, mistakes) are left to yargs. The `validate` bundle's code
 * cache must be the one this Node accepts, and without it, or with a foreign or damaged one,
 * the bundle must still answer the same. And the generated schema files must equal
 * `z.toJSONSchema` of the live zod definitions.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { CACHE_DIGEST_BYTES, runLightPath, validateCodeCache, VALIDATE_BUNDLE } from '../../src/cli/lightPath.js';
import { fleetJsonSchema } from '../../src/fleet/fleetFile.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';
import { captureIo } from '../batch/helpers.js'; // builds dist/ (and the light path) if stale

const dir = mkdtempSync(join(tmpdir(), 'lrs-light-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bad = join(dir, 'bad.yaml');
writeFileSync(bad, 'name: x\nhorizon: 0d\nfoo: 1\n');
const notYaml = join(dir, 'broken.yaml');
writeFileSync(notYaml, 'name: [unclosed\n');

describe('the light path answers as yargs does', () => {
  it.each([
    [['validate', 'scenarios/default.yaml']],
    [['validate', bad, 'scenarios/default.yaml', notYaml]],
    [['validate', join(dir, 'missing.yaml')]],
    [['schema']],
    [['schema', '--fleet']],
  ])('%j', async (args) => {
    const child = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { encoding: 'utf8' });
    const io = captureIo();
    const status = await runCli(args, io);
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr }).toEqual({ status, stdout: io.out, stderr: io.err });
  });

  it.each([
    [['validate']],
    [['validate', '--help']],
    [['validate', 'a.yaml', '--strict']],
    [['validate', '']],
    [['schema', '--fleet', 'x']],
    [['schema', '--fleet=true']],
    [['schema', '--help']],
    [['--help']],
  ])('%j is left to yargs', async (args) => {
    expect(await runLightPath(args, captureIo())).toBeNull();
  });

  it('validate with no file is yargs\' usage error, exit 2', () => {
    const child = spawnSync(process.execPath, ['dist/cli/main.js', 'validate'], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/Not enough non-option arguments/);
  });
});

describe('the code cache of the validate bundle', () => {
  const light = join('dist', 'cli', 'light');
  // Loads the bundle from a light folder in a plain child Node (the test runner's own flags would
  // make V8 refuse the cache), validates the files and prints how the bundle was compiled.
  const probe = join(dir, 'probe.mjs');
  writeFileSync(probe, [
    'const [lightPath, folder, ...files] = process.argv.slice(2);',
    'const { loadValidateBundle } = await import(lightPath);',
    'const bundle = await loadValidateBundle(new URL(folder));',
    "let stdout = '', stderr = '';",
    'const status = await bundle.validateCommand(files, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTty: false });',
    'console.log(JSON.stringify({ codeCache: bundle.codeCache, status, stdout, stderr }));',
  ].join('\n'));
  const files = ['scenarios/default.yaml', bad, notYaml];
  const run = (folder: string): { codeCache: string; status: number; stdout: string; stderr: string } => {
    const child = spawnSync(process.execPath, [probe, pathToFileURL(resolve('dist/cli/lightPath.js')).href, pathToFileURL(folder + '/').href, ...files], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    return JSON.parse(child.stdout);
  };
  const expected = async (): Promise<{ status: number; stdout: string; stderr: string }> => {
    const io = captureIo();
    const status = await runCli(['validate', ...files], io);
    return { status, stdout: io.out, stderr: io.err };
  };

  it('the build leaves one for this Node, and this Node accepts it', async () => {
    const { codeCache, ...answer } = run(resolve(light));
    expect(codeCache).toBe('accepted');
    expect(answer).toEqual(await expected());
  });

  /** A cache file as the build writes it: the SHA-256 of bundle and V8's data, then the data. */
  const withDigest = (bundle: Buffer, data: Buffer): Buffer => Buffer.concat([createHash('sha256').update(bundle).update(data).digest(), data]);
  const V8_DATA = CACHE_DIGEST_BYTES;

  it.each([
    ['none', 'missing', null],
    ['rejected', 'not a cache', () => Buffer.from('not a code cache at all')],
    ['rejected', 'cut short', (cache: Buffer) => cache.subarray(0, cache.length >> 1)],
    ['rejected', 'damaged, its length kept', (cache: Buffer) => Buffer.from(cache.map((byte, i) => (i > 1000 && i % 997 === 0 ? byte ^ 0x5a : byte)))],
    // Our digest matches, so V8's own check decides: its header's version hash (bytes 4-7) is another V8's.
    ['rejected', "another V8's", (cache: Buffer, bundle: Buffer) => {
      const data = Buffer.from(cache.subarray(V8_DATA));
      data.writeUInt32LE(data.readUInt32LE(4) ^ 1, 4);
      return withDigest(bundle, data);
    }],
  ] as const)('%s when the cache is %s: the same answers', async (codeCache, _what, damage) => {
    const folder = mkdtempSync(join(dir, 'light-'));
    const bundle = readFileSync(join(light, VALIDATE_BUNDLE));
    writeFileSync(join(folder, VALIDATE_BUNDLE), bundle);
    if (damage !== null) writeFileSync(join(folder, validateCodeCache()), damage(readFileSync(join(light, validateCodeCache())), bundle));
    const { codeCache: used, ...answer } = run(folder);
    expect(used).toBe(codeCache);
    expect(answer).toEqual(await expected());
  });

  it('the digest guards against a stale cache: a rebuilt bundle of the same length', () => {
    const folder = mkdtempSync(join(dir, 'light-'));
    const bundle = readFileSync(join(light, VALIDATE_BUNDLE), 'utf8');
    const changed = bundle.replace('a number from 0 to 1', 'a number from 0 to 2');
    expect(changed.length).toBe(bundle.length);
    expect(changed).not.toBe(bundle);
    writeFileSync(join(folder, VALIDATE_BUNDLE), changed);
    copyFileSync(join(light, validateCodeCache()), join(folder, validateCodeCache()));
    expect(run(folder).codeCache).toBe('rejected');
  });
});

describe('the generated schema files', () => {
  it('equal z.toJSONSchema of the live definitions', () => {
    const built = (name: string): unknown => JSON.parse(readFileSync(join('dist', 'cli', 'light', name), 'utf8'));
    expect(built('scenario.schema.json')).toEqual(scenarioJsonSchema());
    expect(built('fleet.schema.json')).toEqual(fleetJsonSchema());
  });
});
