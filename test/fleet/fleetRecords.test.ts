/** Reading a fleet file back for the simulator: the fixture's import round-trips into records; bad files are refused with the key path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFleet } from '../../src/fleet/importFleet.js';
import { fleetFunctionRecords, readFleetFile } from '../../src/fleet/fleetRecords.js';
import { FleetInputError } from '../../src/fleet/issues.js';
import { fleetFileChunks } from '../../src/fleet/writeFleet.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/inventory');
const dir = mkdtempSync(join(tmpdir(), 'fleet-records-'));

describe('fleet records', () => {
  const fleet = importFleet([FIXTURE], { windowDays: 365 }).fleet;
  const path = join(dir, 'fleet.json');
  writeFileSync(path, [...fleetFileChunks(fleet)].join(''));

  it('round-trips and gives the serving alias, modes and deploy rates', () => {
    const records = fleetFunctionRecords(readFleetFile(path));
    const orders = records.find((r) => r.functionArn.endsWith(':orders-api'))!;
    expect(orders.servingAlias).toEqual({ name: 'live', functionVersion: '3', additionalVersionWeights: { '2': 0.1 } });
    expect(orders.servingQualifier).toBe('3');
    expect(orders.versions.map((v) => v.mode)).toEqual(['FunctionUpdate', 'FunctionUpdate', 'FunctionUpdate', 'FunctionUpdate']);
    expect(orders.versions[1]!.lastModifiedMs).toBe(Date.parse('2026-01-05T14:22:10.101Z'));
    const thumb = records.find((r) => r.functionArn.endsWith(':thumbnailer'))!;
    expect([thumb.servingQualifier, thumb.versions[0]!.mode]).toEqual(['$LATEST', 'Manual']);
    expect(thumb.versions[0]!.pinnedRuntimeVersionArn).toMatch(/^arn:aws:lambda:eu-west-1::runtime:[0-9a-f]{64}$/);
    expect(orders.deployRatePerDay).toBeCloseTo(orders.deployRatePosterior.shape / orders.deployRatePosterior.rateDays, 9);
  });

  it('refuses a file that breaks the schema, naming the key path', () => {
    const bad = join(dir, 'bad.json');
    const broken = structuredClone(fleet);
    (broken.functions[0]!.versions[0] as { updateRuntimeOn: string }).updateRuntimeOn = 'Sometimes';
    writeFileSync(bad, JSON.stringify(broken));
    expect(() => readFleetFile(bad)).toThrow(FleetInputError);
    try {
      readFleetFile(bad);
    } catch (error) {
      expect((error as FleetInputError).problems[0]).toMatch(/bad\.json: functions\.0\.versions\.0\.updateRuntimeOn: /);
    }
  });
});

describe('the bundled example inventory', () => {
  it('is a valid, anonymised fleet file of a few hundred functions', () => {
    const example = readFleetFile(join(import.meta.dirname, '../../scenarios/inventory/example-fleet.json'));
    expect(example.anonymized).toBe(true);
    expect(example.functions.length).toBe(300);
    expect(example.functions.every((f) => /^fn-[0-9a-f]{20}$/.test(f.functionName))).toBe(true);
    expect(new Set(example.functions.map((f) => f.packageType))).toEqual(new Set(['Zip', 'Image']));
  });
});
