/**
 * The light path (src/cli/lightPath.ts, built by src/build/lightPath.ts) must answer exactly as
 * the yargs path does: the same stdout, stderr and exit code for good and bad scenario files and
 * for both schemas; other forms (help, mistakes) are left to yargs. And the generated schema
 * files must equal `z.toJSONSchema` of the live zod definitions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { runLightPath } from '../../src/cli/lightPath.js';
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

describe('the generated schema files', () => {
  it('equal z.toJSONSchema of the live definitions', () => {
    const built = (name: string): unknown => JSON.parse(readFileSync(join('dist', 'cli', 'light', name), 'utf8'));
    expect(built('scenario.schema.json')).toEqual(scenarioJsonSchema());
    expect(built('fleet.schema.json')).toEqual(fleetJsonSchema());
  });
});
