/**
 * `fleet import` of the fixture inventory (test/fixtures/inventory, README there): every field
 * checked against what the fixture documents say, independent of the code's own logic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { importFleet } from '../../src/fleet/importFleet.js';
import { fleetFileSchema, type FleetFunction } from '../../src/fleet/fleetFile.js';
import { fleetFileChunks } from '../../src/fleet/writeFleet.js';

export const FIXTURE = join(import.meta.dirname, '../fixtures/inventory');
const rv = (label: string, arch: string, region: string): string =>
  `arn:aws:lambda:${region}::runtime:${createHash('sha256').update(`${label}/${arch}`).digest('hex')}`;

const result = importFleet([FIXTURE], { windowDays: 365 });
const byName = new Map(result.fleet.functions.map((f) => [f.functionName, f]));
const fn = (name: string): FleetFunction => byName.get(name)!;
const v = (name: string, q: string) => fn(name).versions.find((x) => x.qualifier === q)!;

describe('fleet import of the fixture inventory', () => {
  it('finds the 7 functions in 3 regions, sorted by ARN, and validates against the schema', () => {
    expect(result.fleet.functions.map((f) => f.functionArn)).toEqual([
      'arn:aws:lambda:ap-southeast-2:123456789012:function:edge-auth',
      'arn:aws:lambda:eu-west-1:123456789012:function:image-resizer',
      'arn:aws:lambda:eu-west-1:123456789012:function:legacy-report',
      'arn:aws:lambda:eu-west-1:123456789012:function:orders-api',
      'arn:aws:lambda:eu-west-1:123456789012:function:thumbnailer',
      'arn:aws:lambda:us-east-1:210987654321:function:billing-worker',
      'arn:aws:lambda:us-east-1:210987654321:function:etl-job',
    ]);
    expect(fleetFileSchema.safeParse(result.fleet).success).toBe(true);
    expect(result.documents).toEqual({ 'list-functions': 4, 'list-versions-by-function': 1, 'get-function': 11, 'get-runtime-management-config': 10, 'list-aliases': 7 });
  });

  it('takes region and account from the ARNs', () => {
    expect([fn('billing-worker').region, fn('billing-worker').account]).toEqual(['us-east-1', '210987654321']);
    expect([fn('edge-auth').region, fn('edge-auth').account]).toEqual(['ap-southeast-2', '123456789012']);
  });

  it('runtime, architecture and package type; missing Architectures is x86_64; Image has no runtime (R3)', () => {
    expect([fn('orders-api').runtime, fn('orders-api').architecture, fn('orders-api').packageType]).toEqual(['python3.12', 'x86_64', 'Zip']);
    expect([fn('thumbnailer').runtime, fn('thumbnailer').architecture]).toEqual(['nodejs20.x', 'arm64']);
    expect(fn('legacy-report').architecture).toBe('x86_64');
    expect([fn('image-resizer').runtime, fn('image-resizer').architecture, fn('image-resizer').packageType]).toEqual([null, 'arm64', 'Image']);
    expect(fn('image-resizer').versions.map((x) => [x.qualifier, x.updateRuntimeOn, x.runtimeVersionArn])).toEqual([['$LATEST', null, null], ['1', null, null]]);
  });

  it('versions: $LATEST first, published ascending, LastModified as written', () => {
    expect(fn('orders-api').versions.map((x) => [x.qualifier, x.lastModified])).toEqual([
      ['$LATEST', '2026-03-10T09:00:00.000+0000'],
      ['1', '2026-01-05T14:22:10.101+0000'],
      ['2', '2026-02-01T08:00:00.000+0000'],
      ['3', '2026-03-10T09:00:00.000+0000'],
    ]);
    expect(fn('edge-auth').versions.map((x) => x.qualifier)).toEqual(['$LATEST', '1']); // from list-versions-by-function
  });

  it('modes and pins from get-runtime-management-config; none means Auto (R2), counted', () => {
    expect(fn('orders-api').versions.every((x) => x.updateRuntimeOn === 'FunctionUpdate' && x.pinnedRuntimeVersionArn === null)).toBe(true);
    expect([v('thumbnailer', '$LATEST').updateRuntimeOn, v('thumbnailer', '$LATEST').pinnedRuntimeVersionArn]).toEqual(['Manual', rv('nodejs:20.v40', 'arm64', 'eu-west-1')]);
    expect([v('billing-worker', '2').updateRuntimeOn, v('billing-worker', '2').pinnedRuntimeVersionArn]).toEqual(['Manual', rv('java:21.v35', 'x86_64', 'us-east-1')]);
    expect(v('billing-worker', '$LATEST').updateRuntimeOn).toBe('Auto');
    expect(v('billing-worker', '1').updateRuntimeOn).toBe('Auto');
    expect(v('legacy-report', '$LATEST').updateRuntimeOn).toBe('Auto');
    expect(v('etl-job', '$LATEST').updateRuntimeOn).toBe('FunctionUpdate');
    expect(result.counts.defaultedToAuto).toBe(2);
  });

  it('current runtime version ARN from get-function; none → null, counted', () => {
    expect(v('orders-api', '1').runtimeVersionArn).toBe(rv('python:3.12.v13', 'x86_64', 'eu-west-1'));
    expect(v('orders-api', '3').runtimeVersionArn).toBe(rv('python:3.12.v15', 'x86_64', 'eu-west-1'));
    expect(v('billing-worker', '1').runtimeVersionArn).toBe(rv('java:21.v30', 'x86_64', 'us-east-1'));
    expect(v('etl-job', '$LATEST').runtimeVersionArn).toBeNull();
    expect(result.counts.withoutRuntimeVersion).toBe(1);
    expect(result.counts).toMatchObject({ functions: 7, versions: 14, imageFunctions: 1, aliases: 4 });
  });

  it('aliases with their target and routing weights', () => {
    expect(fn('orders-api').aliases).toEqual([
      { name: 'beta', functionVersion: '$LATEST', additionalVersionWeights: {} },
      { name: 'live', functionVersion: '3', additionalVersionWeights: { '2': 0.1 } },
    ]);
    expect(fn('image-resizer').aliases).toEqual([{ name: 'prod', functionVersion: '1', additionalVersionWeights: {} }]);
    expect(fn('billing-worker').aliases).toEqual([{ name: 'prod', functionVersion: '2', additionalVersionWeights: {} }]);
    expect(fn('thumbnailer').aliases).toEqual([]);
  });

  it('deploys: distinct LastModified times after the first, over the window ending at the latest one', () => {
    // orders-api: 2026-01-05 (first seen), 2026-02-01, 2026-03-10 ($LATEST and 3 share it) → 2 deploys over 63.78 days
    const d = fn('orders-api').deploys;
    expect(d.observedDeploys).toBe(2);
    expect(d.exposureDays).toBeCloseTo((Date.parse('2026-03-10T09:00:00Z') - Date.parse('2026-01-05T14:22:10.101Z')) / 86_400_000, 9);
    const s = result.fleet.deployStatistics;
    expect([s.windowEnd, s.windowStart, s.windowDays]).toEqual(['2026-03-10T09:00:00.000+0000', '2025-03-10T09:00:00.000+0000', 365]);
    // legacy-report last changed 2019: seen before the window, no deploy in it, full exposure
    expect([fn('legacy-report').deploys.observedDeploys, fn('legacy-report').deploys.exposureDays]).toEqual([0, 365]);
    // the posterior mean is (prior shape + n) / (prior rate + T)
    expect(d.ratePerDay).toBeCloseTo((s.priorShape + 2) / (s.priorRateDays + d.exposureDays), 9);
  });

  it('keeps nothing else: no environment, role, code location or tags', () => {
    const text = [...fleetFileChunks(result.fleet)].join('');
    for (const secret of ['not-stored', 'iam::', 'X-Amz-Signature', 'payments', 'index.handler', 'CodeSha256']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toEqual(result.fleet);
  });

  it('the same documents in another order give the same bytes', () => {
    const files = ['aliases.json', 'runtime-management.json', 'get-function.json', 'versions-edge-auth.json', 'functions-us-east-1.json', 'functions-eu-west-1.json', 'functions-ap-southeast-2.json'];
    const reversed = importFleet(files.map((f) => join(FIXTURE, f)), { windowDays: 365 });
    expect([...fleetFileChunks(reversed.fleet)].join('')).toBe([...fleetFileChunks(result.fleet)].join(''));
    expect(readFileSync(join(FIXTURE, 'functions-eu-west-1.json'), 'utf8')).toContain('NextMarker');
  });
});
