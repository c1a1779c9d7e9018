/** R15: inits as a thinned Poisson process per function, each on the version live at its init. */
import { describe, expect, it } from 'vitest';
import { buildVersionTable } from '../../../src/model/catalog/versionTable.js';
import { generateInitStartEvents, warmEnvironments, type InitStartInput } from '../../../src/model/logs/initStartLog.js';
import {
  ACTION_CREATE,
  ACTION_DETECT,
  ACTION_MIGRATE,
  ACTION_PIN,
  ACTION_UNPIN,
  NO_VERSION,
} from '../../../src/model/measure/changeLog.js';
import { DAY, HOUR, scenario } from '../scenarioFixture.js';
import { changeRows, fleetColumns, type ChangeSpec, type FunctionSpec } from './initStartFixture.js';

const V1 = 0; // python:3.12.v14, the runtime's current version
const V2 = 1; // python:3.12.v15, the fixture's release

function input(over: Partial<InitStartInput> & Pick<InitStartInput, 'functions' | 'changes' | 'sample'>): InitStartInput {
  const s = over.scenario ?? scenario();
  return { scenario: s, versions: buildVersionTable(s), seed: 7, replication: 0, ...over };
}

describe('generateInitStartEvents (R15)', () => {
  it('writes sample × Σ E_f × (horizon − created) / L inits', () => {
    const s = scenario({ horizonMs: 20 * DAY });
    const specs: FunctionSpec[] = [];
    const created: ChangeSpec[] = [];
    for (let i = 0; i < 300; i++) {
      const createdMs = i % 3 === 0 ? i * HOUR : 0;
      specs.push({ invocationsPerDay: 10 ** (i % 7), createdMs });
      if (createdMs > 0) created.push({ atMs: createdMs, functionId: i, action: ACTION_CREATE, fromVersion: V2, toVersion: V2 });
    }
    const sample = 0.25;
    const events = generateInitStartEvents(input({ scenario: s, functions: fleetColumns(specs), changes: changeRows(created), sample }));
    const expected = specs.reduce(
      (sum, f) => sum + (sample * warmEnvironments(f.invocationsPerDay, 200) * (s.horizonMs - (f.createdMs ?? 0))) / s.fleet.environmentLifetimeMs,
      0,
    );
    // The count is a sum of independent Poisson counts, so Poisson with mean `expected`:
    // accept within 4 standard errors, 4 × √expected (about 1 failure in 16,000 seeds).
    expect(Math.abs(events.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('starts every init on the version live at that instant, never before the switch', () => {
    const s = scenario({ horizonMs: 2 * DAY });
    const n = 60;
    const specs: FunctionSpec[] = [];
    const rows: ChangeSpec[] = [];
    const liveAt: ((t: number) => number)[] = [];
    for (let f = 0; f < n; f++) {
      const moveMs = Math.round(((f + 0.5) / n) * 36 * HOUR);
      if (f % 10 === 9) {
        // Created during the run, on the new version.
        specs.push({ invocationsPerDay: 1e5, createdMs: moveMs });
        rows.push({ atMs: moveMs, functionId: f, action: ACTION_CREATE, fromVersion: V2, toVersion: V2 });
        liveAt.push(() => V2);
      } else if (f % 10 === 3) {
        // Moved, then rolled back by a pin (R12) 4 hours later; detect/unpin rows change nothing.
        specs.push({ invocationsPerDay: 1e5 });
        rows.push({ atMs: moveMs, functionId: f, fromVersion: V1, toVersion: V2 });
        rows.push({ atMs: moveMs + HOUR, functionId: f, action: ACTION_DETECT, fromVersion: NO_VERSION, toVersion: NO_VERSION });
        rows.push({ atMs: moveMs + 4 * HOUR, functionId: f, action: ACTION_PIN, fromVersion: V2, toVersion: V1 });
        rows.push({ atMs: moveMs + 8 * HOUR, functionId: f, action: ACTION_UNPIN, fromVersion: V1, toVersion: NO_VERSION });
        liveAt.push((t) => (t >= moveMs && t < moveMs + 4 * HOUR ? V2 : V1));
      } else {
        specs.push({ invocationsPerDay: 1e5 });
        rows.push({ atMs: moveMs, functionId: f, fromVersion: V1, toVersion: V2 });
        liveAt.push((t) => (t >= moveMs ? V2 : V1));
      }
    }
    const functions = fleetColumns(specs);
    const events = generateInitStartEvents(input({ scenario: s, functions, changes: changeRows(rows), sample: 1 }));
    expect(events.length).toBeGreaterThan(1000);
    const seen = new Set<number>();
    for (let i = 0; i < events.length; i++) {
      const t = events.timestampMs[i]!;
      const f = events.functionId[i]!;
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeGreaterThanOrEqual(functions.createdMs[f]!);
      expect(t).toBeLessThan(s.horizonMs);
      expect(events.version[i]).toBe(liveAt[f]!(t));
      seen.add(events.version[i]!);
      if (i > 0) {
        const before = events.timestampMs[i - 1]!;
        expect(before < t || (before === t && events.functionId[i - 1]! <= f)).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual([V1, V2]);
  });

  it('numbers each function\'s environments 0, 1, 2, … in init order', () => {
    const functions = fleetColumns([{ invocationsPerDay: 1e6 }, { invocationsPerDay: 10 }]);
    const events = generateInitStartEvents(input({ functions, changes: changeRows([]), sample: 1 }));
    for (const f of [0, 1]) {
      const ids = [...events.environmentId].filter((_, i) => events.functionId[i] === f);
      expect(ids).toEqual(ids.map((_, k) => k));
    }
  });

  it('is deterministic: the same input gives the same events; another replication others', () => {
    const functions = fleetColumns(Array.from({ length: 50 }, (_, i) => ({ invocationsPerDay: 100 * (i + 1) })));
    const changes = changeRows(Array.from({ length: 50 }, (_, f) => ({ atMs: f * HOUR, functionId: f, fromVersion: V1, toVersion: V2 })));
    const a = generateInitStartEvents(input({ functions, changes, sample: 0.5 }));
    const b = generateInitStartEvents(input({ functions, changes, sample: 0.5 }));
    expect(b).toEqual(a);
    const other = generateInitStartEvents(input({ functions, changes, sample: 0.5, replication: 1 }));
    expect(other.timestampMs).not.toEqual(a.timestampMs);
  });

  it('gives each init the architecture and the serving qualifier at the init, not at the horizon (R6, R13, R14)', () => {
    // Function 0 (alias, published version 1 serving) migrates to arm64 at day 2 (a
    // configuration update: the alias still serves 1), then deploys v15 as version 2 at day 5.
    const functions = fleetColumns([{ invocationsPerDay: 1e6, hasAlias: true, architecture: 0 }]);
    const changes = changeRows([
      { atMs: 2 * DAY, functionId: 0, action: ACTION_MIGRATE, fromVersion: V1, toVersion: V1, qualifier: 1, architecture: 1 },
      { atMs: 5 * DAY, functionId: 0, fromVersion: V1, toVersion: V2, qualifier: 2, architecture: 1 },
    ]);
    const events = generateInitStartEvents(input({ scenario: scenario({ horizonMs: 8 * DAY }), functions, changes, sample: 1 }));
    expect(events.length).toBeGreaterThan(100);
    for (let i = 0; i < events.length; i++) {
      const t = events.timestampMs[i]!;
      expect(events.architecture[i]).toBe(t >= 2 * DAY ? 1 : 0);
      expect(events.qualifier[i]).toBe(t >= 5 * DAY ? 2 : 1);
      expect(events.version[i]).toBe(t >= 5 * DAY ? V2 : V1);
    }
  });

  it('refuses a sample outside (0, 1]', () => {
    const functions = fleetColumns([{ invocationsPerDay: 1 }]);
    expect(() => generateInitStartEvents(input({ functions, changes: changeRows([]), sample: 0 }))).toThrow(RangeError);
    expect(() => generateInitStartEvents(input({ functions, changes: changeRows([]), sample: 1.5 }))).toThrow(RangeError);
  });
});
