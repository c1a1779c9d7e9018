/**
 * The inventory adapter with a small hand-written file in Lambda's member names
 * (FunctionConfiguration as ListFunctions --function-version ALL returns it, plus
 * GetRuntimeManagementConfig's UpdateRuntimeOn; ../shared/aws-shapes.md), and its columns in
 * functions.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importFleet } from '../../src/fleet/importFleet.js';
import { fleetFileChunks } from '../../src/fleet/writeFleet.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { inventoryKey, parseInventory, readInventory } from '../../src/observe/inventory.js';
import { ObserveInputError } from '../../src/observe/observeError.js';
import { captureIo } from '../report/runResults.js';
import { EVENTS, ndjson, tempDir, write } from './fixtures.js';

const FLEET = {
  Functions: [
    { FunctionName: 'checkout', FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:checkout', Runtime: 'python3.12', Version: '$LATEST', LastModified: '2026-03-01T10:00:00.000+0000', PackageType: 'Zip', Architectures: ['arm64'], UpdateRuntimeOn: 'Auto' },
    { FunctionName: 'checkout', FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:checkout:7', Runtime: 'python3.12', Version: '7', LastModified: '2026-02-01T10:00:00.000+0000', PackageType: 'Zip', UpdateRuntimeOn: 'FunctionUpdate' },
    { FunctionName: 'render', Region: 'us-east-1', PackageType: 'Image' },
  ],
};

describe('inventory adapter on the fleet file `fleet import` writes', () => {
  it('reads every kept version of the fixture inventory as the CLI documents give it (README of the fixture)', () => {
    const dir = tempDir();
    const file = join(dir, 'fleet.json');
    writeFileSync(file, [...fleetFileChunks(importFleet([join(import.meta.dirname, '../fixtures/inventory')], { windowDays: 365 }).fleet)].join(''));
    const inv = readInventory(file);
    // orders-api: $LATEST, 1, 2, 3, all FunctionUpdate; thumbnailer $LATEST Manual arm64; billing-worker 1 Auto (R2: no output).
    expect(['$LATEST', '1', '2', '3'].map((q) => inv.get(inventoryKey('orders-api', 'eu-west-1', q))?.updateMode)).toEqual(['FunctionUpdate', 'FunctionUpdate', 'FunctionUpdate', 'FunctionUpdate']);
    expect(inv.get(inventoryKey('thumbnailer', 'eu-west-1', '$LATEST'))).toMatchObject({ architecture: 'arm64', updateMode: 'Manual', packageType: 'Zip' });
    expect(inv.get(inventoryKey('billing-worker', 'us-east-1', '1'))?.updateMode).toBe('Auto');
    expect(inv.get(inventoryKey('image-resizer', 'eu-west-1', '1'))).toMatchObject({ packageType: 'Image', updateMode: null });
    expect(inv.get(inventoryKey('orders-api', 'eu-west-1', '$LATEST'))?.lastModifiedMs).toBe(Date.UTC(2026, 2, 10, 9));
  });

  it('reports a fleet file that does not match its schema, without a stack trace', () => {
    const dir = tempDir();
    const file = write(dir, 'fleet.json', JSON.stringify({ format: 'lambda-rollout-sim/fleet', formatVersion: 1, functions: 'none' }));
    expect(() => readInventory(file)).toThrow(ObserveInputError);
  });
});

describe('inventory adapter', () => {
  it('reads the minimal fields, with Lambda\'s defaults for absent ones', () => {
    const inv = parseInventory('fleet.json', FLEET);
    expect([...inv.values()]).toEqual([
      { fn: 'checkout', region: 'eu-west-1', qualifier: '$LATEST', architecture: 'arm64', packageType: 'Zip', updateMode: 'Auto', lastModifiedMs: Date.UTC(2026, 2, 1, 10) },
      { fn: 'checkout', region: 'eu-west-1', qualifier: '7', architecture: 'x86_64', packageType: 'Zip', updateMode: 'FunctionUpdate', lastModifiedMs: Date.UTC(2026, 1, 1, 10) },
      { fn: 'render', region: 'us-east-1', qualifier: '$LATEST', architecture: 'x86_64', packageType: 'Image', updateMode: null, lastModifiedMs: null },
    ]);
  });

  it('names the entry and key of a bad value', () => {
    const bad = (entry: object): string => {
      try {
        parseInventory('fleet.json', { Functions: [FLEET.Functions[0], entry] });
      } catch (error) {
        if (error instanceof ObserveInputError) return error.problems.join('\n');
      }
      throw new Error('expected an error');
    };
    expect(bad({ FunctionArn: 'nope' })).toMatch(/^fleet\.json: Functions\[1\]\.FunctionArn: must be a function ARN/);
    expect(bad({ FunctionName: 'x', Region: 'eu-west-1', Architectures: ['sparc'] })).toMatch(/Functions\[1\]\.Architectures: must be a list of exactly one of x86_64, arm64/);
    expect(bad({ FunctionName: 'x', Region: 'eu-west-1', UpdateRuntimeOn: 'Sometimes' })).toMatch(/UpdateRuntimeOn: must be Auto, FunctionUpdate or Manual/);
    expect(bad({ FunctionName: 'x', Region: 'eu-west-1', LastModified: 'yesterday' })).toMatch(/LastModified: must be a time like/);
  });

  it('adds architecture, package type, update mode and LastModified to functions.csv', async () => {
    const dir = tempDir();
    const fleet = write(dir, 'fleet.json', JSON.stringify(FLEET));
    expect(readInventory(fleet).size).toBe(3);
    const io = captureIo();
    const code = await runCli(['observe', write(dir, 'log.ndjson', ndjson(EVENTS)), '--inventory', fleet, '--out', join(dir, 'out'), '--quiet'], io);
    expect(code, io.err).toBe(0);
    const lines = readFileSync(join(dir, 'out', 'functions.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('function,region,qualifier,runtime,runtime_version,runtime_version_arn,last_init,versions_behind,days_behind,first_init,inits,architecture,package_type,update_mode,last_modified');
    expect(lines[1]).toMatch(/^checkout,eu-west-1,\$LATEST,python3\.12,python:3\.12\.v15,.*,arm64,Zip,Auto,2026-03-01T10:00:00\.000Z$/);
    expect(lines[2]).toMatch(/^checkout,eu-west-1,7,python3\.12,python:3\.12\.v14,.*,1,\d+(\.\d+)?,.*,x86_64,Zip,FunctionUpdate,2026-02-01T10:00:00\.000Z$/);
  });
});
