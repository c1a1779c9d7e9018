/** Rules of domain.md that the rollout model implements, each checked on its own. */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/simulate.js';
import { buildVersionTable, REGION_COUNT } from '../../src/model/catalog/versionTable.js';
import { COMMERCIAL_REGIONS } from '../../src/model/catalog/regions.js';
import { HOW_NAMES } from '../../src/model/fleet/fleetState.js';
import { DAY, release, scenario, wavesStartingWith, weights } from './scenarioFixture.js';
import { binomialTolerance, empiricalSurvival } from './survivalOf.js';

const how = (name: (typeof HOW_NAMES)[number]): number => HOW_NAMES.indexOf(name);

describe('R3: container images move only on a rebuild, to the newest base image', () => {
  const N = 10_000;
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: {
      functions: N,
      packageTypes: weights({ Image: 1 }),
      updateModes: weights({ Auto: 1 }),
      imageRebuilds: { meanIntervalMs: 20 * DAY },
      deploys: { meanIntervalMs: 1 * DAY, inactiveShare: 0, rateShape: null },
    },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', phase2: { startAfterMs: 0, durationMs: DAY } })],
  });
  const result = simulateReplication(s, 0, { seed: 21, keepPatches: true });

  it('every patch is a rebuild, although phase 2 ended on day 1 and Zip deploys would be daily', () => {
    const rows = result.patches!;
    let patched = 0;
    for (let i = 0; i < rows.length; i++) {
      if (Number.isNaN(rows.patchedMs[i]!)) continue;
      patched++;
      expect(rows.how[i]).toBe(how('rebuild'));
    }
    expect(patched).toBeGreaterThan(0);
  });

  it.each([5, 20, 40])('S(%i d) = e^(−t/rebuild interval)', (tDays) => {
    const expected = Math.exp(-tDays / 20);
    expect(Math.abs(empiricalSurvival(result, tDays * DAY) - expected)).toBeLessThan(binomialTolerance(expected, N));
  });

  it("image staleness is the owner's (R18)", () => {
    expect(result.totals.lambdaStaleMs).toBe(0);
  });
});

describe('R14: published versions', () => {
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: {
      functions: 4000,
      publishedVersionShare: 1,
      updateModes: weights({ Auto: 1, FunctionUpdate: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null },
    },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', phase2: { startAfterMs: 2 * DAY, durationMs: 5 * DAY } })],
  });
  const result = simulateReplication(s, 0, { seed: 22, keepPatches: true });
  const fn = result.functions!;

  it('phase 2 never moves a FunctionUpdate published version, and moves every Auto one', () => {
    const rows = result.patches!;
    let auto = 0;
    let functionUpdate = 0;
    for (let i = 0; i < rows.length; i++) {
      const mode = fn.mode[rows.functionId[i]!];
      if (mode === 1) {
        functionUpdate++;
        expect(rows.patchedMs[i]).toBeNaN();
      } else {
        auto++;
        expect(rows.how[i]).toBe(how('phase2'));
        expect(rows.patchedMs[i]! - rows.publishedMs[i]!).toBeLessThanOrEqual(7 * DAY);
      }
    }
    expect(auto).toBeGreaterThan(1500);
    expect(functionUpdate).toBeGreaterThan(1500);
  });

  it('a deploy of an alias function moves its live version (phase 1 on the new published version)', () => {
    const active = scenario({
      ...s,
      fleet: { ...s.fleet, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: 5 * DAY, inactiveShare: 0, rateShape: null } },
    });
    const r = simulateReplication(active, 0, { seed: 22, keepPatches: true });
    expect(empiricalSurvival(r, 50 * DAY)).toBeLessThan(0.01);
  });
});

describe('R10: publication region by region', () => {
  const waves = wavesStartingWith('ap-northeast-2', 'eu-west-1');
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: { functions: 3000, regions: weights({ 'us-east-1': 1, 'eu-west-1': 1, 'ap-northeast-2': 1 }) },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 3 * DAY, regionWaves: waves, regionIntervalMs: DAY })],
  });

  it('publication times follow the waves and the interval', () => {
    const table = buildVersionTable(s);
    const at = (region: string): number => table.publishedMs[1 * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(region as never)]!;
    expect(at('ap-northeast-2')).toBe(3 * DAY);
    expect(at('eu-west-1')).toBe(4 * DAY);
    const usEast1Wave = waves.findIndex((w) => w.includes('us-east-1'));
    expect(at('us-east-1')).toBe(3 * DAY + usEast1Wave * DAY);
  });

  it('no function runs a version before it is published in its region', () => {
    const result = simulateReplication(s, 0, { seed: 23, keepPatches: true });
    const rows = result.patches!;
    const table = buildVersionTable(s);
    for (let i = 0; i < rows.length; i++) {
      const region = s.fleet.regions[result.functions!.region[rows.functionId[i]!]!]!.name;
      expect(rows.publishedMs[i]).toBe(table.publishedMs[rows.version[i]! * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(region)]);
      if (!Number.isNaN(rows.patchedMs[i]!)) expect(rows.patchedMs[i]!).toBeGreaterThanOrEqual(rows.publishedMs[i]!);
    }
  });
});

describe('overlapping releases: a newer release overtakes an older one', () => {
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: { functions: 2000, deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null } }, // only phase 2 moves them
    releases: [
      release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 0, phase2: { startAfterMs: 20 * DAY, durationMs: 10 * DAY } }),
      release({ runtime: 'python3.12', version: 'python:3.12.v16', atMs: 5 * DAY, phase2: { startAfterMs: 20 * DAY, durationMs: 10 * DAY } }),
    ],
  });
  const result = simulateReplication(s, 0, { seed: 24, keepPatches: true });

  it('functions skip v15 and go straight to the latest secure version, v16', () => {
    const rows = result.patches!;
    const patchedAt = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) patchedAt.set(`${rows.functionId[i]}:${rows.version[i]}`, rows.patchedMs[i]!);
    for (let f = 0; f < 2000; f++) {
      const v15 = patchedAt.get(`${f}:1`)!;
      const v16 = patchedAt.get(`${f}:2`)!;
      expect(v15).toBe(v16); // one move passes over both releases
      expect(v16).toBeLessThanOrEqual(30 * DAY); // by the older release's phase-2 end
    }
    const final = result.timeseries;
    const lastSample = final.sample[final.sample.length - 1]!;
    for (let i = 0; i < final.sample.length; i++) {
      if (final.sample[i] === lastSample) expect(final.cell[i]! % 3).toBe(2); // everyone on v16
    }
  });
});

describe('created functions start on the latest secure version (R8 phase 1)', () => {
  const s = scenario({
    horizonMs: 40 * DAY,
    fleet: { functions: 500, createdPerDay: 50, updateModes: weights({ Manual: 1 }) },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 10 * DAY })],
  });
  const result = simulateReplication(s, 0, { seed: 25, keepPatches: true });

  it('creates about rate × horizon functions, counted in every sample', () => {
    const created = result.totals.createdFunctions;
    expect(Math.abs(created - 2000)).toBeLessThan(4 * Math.sqrt(2000));
    const bySample = new Map<number, number>();
    const ts = result.timeseries;
    for (let i = 0; i < ts.sample.length; i++) bySample.set(ts.sample[i]!, (bySample.get(ts.sample[i]!) ?? 0) + ts.functions[i]!);
    expect(bySample.get(0)).toBe(500);
    expect(bySample.get(40)).toBe(500 + created);
  });

  it('a Manual function created after publication runs the new version; older ones never move', () => {
    const rows = result.patches!;
    let creates = 0;
    for (let i = 0; i < rows.length; i++) {
      if (rows.how[i] === how('create')) {
        creates++;
        expect(rows.patchedMs[i]!).toBeGreaterThanOrEqual(10 * DAY);
      } else {
        expect(rows.patchedMs[i]).toBeNaN();
      }
    }
    expect(creates).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  const s = scenario({
    fleet: {
      functions: 3000,
      regions: weights({ 'us-east-1': 2, 'eu-west-1': 1 }),
      architectures: weights({ x86_64: 1, arm64: 1 }),
      packageTypes: weights({ Zip: 9, Image: 1 }),
      updateModes: weights({ Auto: 8, FunctionUpdate: 1.5, Manual: 0.5 }),
      publishedVersionShare: 0.3,
      createdPerDay: 5,
    },
  });

  it('the same scenario, replication and seed give the same digest; another seed does not', () => {
    const a = simulateReplication(s, 0, { seed: 5, keepPatches: true });
    const b = simulateReplication(s, 0, { seed: 5, keepPatches: false });
    const c = simulateReplication(s, 0, { seed: 6, keepPatches: false });
    const d = simulateReplication(s, 1, { seed: 5, keepPatches: false });
    expect(b.digest).toBe(a.digest); // keeping patch rows or not changes nothing
    expect(c.digest).not.toBe(a.digest);
    expect(d.digest).not.toBe(a.digest);
  });
});
