/**
 * `startDate`, the real calendar (issue 11 point 6), checked against the lifecycle dates of
 * the facts table (runtimes.csv: nodejs20.x deprecated 2026-04-30; python3.9 deprecated
 * 2025-12-15) and the deprecation policy (domain.md): no release after deprecation (a
 * validation error with a position), no new version on a deprecated runtime, and functions on
 * one counted apart. Tolerances: exact (counts, and function-days of functions that exist from
 * time 0 on a runtime deprecated before it).
 */
import { describe, expect, it } from 'vitest';
import { replicationMetrics } from '../../src/analysis/metrics.js';
import { summaryOf } from '../../src/batch/unitTask.js';
import { deprecatedByRegion } from '../../src/output/deprecatedRuntimeJson.js';
import { runtimeLifecycle } from '../../src/model/catalog/runtimeLifecycle.js';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { timeseriesTable } from '../../src/output/timeseriesCsv.js';
import { parseScenario, type LoadResult } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/spec.js';

const yaml = (lines: string[]): string => lines.join('\n') + '\n';
const base = (startDate: string | null, releaseAt: string, extra: string[] = []): string => yaml([
  'name: calendar',
  ...(startDate === null ? [] : [`startDate: ${startDate}`]),
  'horizon: 40d',
  'sampleEvery: 1d',
  'fleet:',
  '  functions: 400',
  '  regions: { us-east-1: 1 }',
  '  runtimes: { nodejs20.x: 1 }',
  '  deploys: { meanInterval: 10d }',
  'releases:',
  '  - runtime: nodejs20.x',
  '    version: nodejs:20.v2',
  `    at: ${releaseAt}`,
  '    phase2: { startAfter: 1d, duration: 30d }',
  ...extra,
]);
const ok = (r: LoadResult): Scenario => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};

describe('startDate and the runtime lifecycle', () => {
  it('takes the facts table dates', () => {
    expect(runtimeLifecycle('nodejs20.x')).toMatchObject({ deprecated: '2026-04-30', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' });
    expect(runtimeLifecycle('python3.9')?.deprecated).toBe('2025-12-15');
  });

  it('refuses a release after its runtime\'s deprecation, at the release\'s `at`', () => {
    // 2026-04-01 + 30d = 2026-05-01, after 2026-04-30; 29d = 2026-04-30, not after.
    const bad = parseScenario(base('2026-04-01', '30d'), 's.yaml');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatchObject({ line: 13, path: 'releases[0].at' });
    expect(bad.errors[0]!.message).toMatch(/2026-05-01 comes after the runtime's deprecation on 2026-04-30/);
    expect(parseScenario(base('2026-04-01', '29d'), 's.yaml').ok).toBe(true);
    // Without startDate no lifecycle applies: the same release is fine.
    expect(parseScenario(base(null, '30d'), 's.yaml').ok).toBe(true);
  });

  it('refuses a malformed date at its position', () => {
    const bad = parseScenario(base('2026-02-30', '1d'), 's.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ line: 2, path: 'startDate' });
  });

  it('gives no new version after deprecation: phase 1 and 2 stop on 2026-04-30', () => {
    // Start 2026-04-20: the release on day 1, phase 2 spread over days 2–32, deprecation on day 10.
    const withCalendar = ok(parseScenario(base('2026-04-20', '1d'), 's.yaml'));
    const without = ok(parseScenario(base(null, '1d'), 's.yaml'));
    const onNewVersion = (s: Scenario): Map<number, number> => {
      const out = new Map<number, number>();
      for (const r of timeseriesTable.rows(s, buildVersionTable(s), simulateReplication(s, 0, { seed: 5, keepPatches: false }))) {
        if (r[7] === 'nodejs:20.v2') out.set(Number(r[1]), (out.get(Number(r[1])) ?? 0) + Number(r[8]));
      }
      return out;
    };
    const a = onNewVersion(withCalendar);
    const b = onNewVersion(without);
    expect(a.get(10)).toBeGreaterThan(0);
    expect(a.get(40)).toBe(a.get(10)); // nothing moves after deprecation (day 10)
    expect(b.get(40)!).toBeGreaterThan(b.get(10)!); // without the calendar phase 2 goes on
    expect(a.get(10)).toBe(b.get(10)); // same draws until then
  });

  it('counts functions on a deprecated runtime and their days (python3.9, deprecated before the start)', () => {
    const s = ok(parseScenario(yaml([
      'name: deprecated', 'startDate: 2026-01-01', 'horizon: 30d',
      'fleet:', '  functions: 250', '  regions: { eu-west-1: 1 }', '  runtimes: { python3.9: 3, python3.12: 1 }',
    ]), 's.yaml'));
    const result = simulateReplication(s, 0, { seed: 9, keepPatches: false });
    const onOld = [...result.functions.runtime].filter((k) => s.runtimes[k]!.id === 'python3.9').length;
    const m = replicationMetrics(result);
    expect(onOld).toBeGreaterThan(0);
    expect(m.deprecatedRuntimeFunctions).toBe(onOld);
    expect(m.deprecatedRuntimeFunctionDays).toBeCloseTo(onOld * 30, 9);
    // By region in summary.json: each region's count from the result's own function columns.
    const two = ok(parseScenario(yaml([
      'name: deprecated', 'startDate: 2026-01-01', 'horizon: 30d',
      'fleet:', '  functions: 300', '  regions: { eu-west-1: 1, us-east-1: 2 }', '  runtimes: { python3.9: 1, python3.12: 1 }',
    ]), 's.yaml'));
    const r2 = simulateReplication(two, 0, { seed: 4, keepPatches: false });
    const byRegion = (deprecatedByRegion(two, [summaryOf(0, r2)]) as { deprecatedRuntimeByRegion: Record<string, { functions: number; functionDays: number }> }).deprecatedRuntimeByRegion;
    for (const [i, w] of two.fleet.regions.entries()) {
      const n = [...r2.functions.runtime].filter((k, f) => two.runtimes[k]!.id === 'python3.9' && r2.functions.region[f] === i).length;
      expect(byRegion[w.name]).toEqual({ functions: n, functionDays: n * 30 });
    }
    // Without startDate the metrics are undefined.
    const plain = ok(parseScenario(yaml(['name: plain', 'horizon: 30d', 'fleet:', '  functions: 10', '  regions: { eu-west-1: 1 }', '  runtimes: { python3.9: 1 }']), 's.yaml'));
    expect(replicationMetrics(simulateReplication(plain, 0, { seed: 9, keepPatches: false })).deprecatedRuntimeFunctions).toBeNull();
  });

  it('creates no function on a runtime after its block-create date (python3.9: 2027-02-01)', () => {
    const src = (startDate: string | null): string => yaml([
      'name: block-create', ...(startDate === null ? [] : [`startDate: ${startDate}`]), 'horizon: 30d', 'sampleEvery: 1d',
      'fleet:', '  functions: 100', '  regions: { eu-west-1: 1 }', '  runtimes: { python3.9: 1, python3.12: 1 }', '  createdPerDay: 40',
    ]);
    const onOld = (s: Scenario): Map<number, number> => {
      const out = new Map<number, number>();
      for (const r of timeseriesTable.rows(s, buildVersionTable(s), simulateReplication(s, 0, { seed: 2, keepPatches: false }))) {
        if (r[4] === 'python3.9') out.set(Number(r[1]), (out.get(Number(r[1])) ?? 0) + Number(r[8]));
      }
      return out;
    };
    // Start 2027-01-20: python3.9 is blocked from day 12 on.
    const a = onOld(ok(parseScenario(src('2027-01-20'), 's.yaml')));
    const b = onOld(ok(parseScenario(src(null), 's.yaml')));
    expect(a.get(12)!).toBeGreaterThan(a.get(0)!); // still created before the block
    expect(a.get(30)).toBe(a.get(12)); // none after it
    expect(b.get(30)!).toBeGreaterThan(b.get(12)!); // without the calendar they still are
  });
});
