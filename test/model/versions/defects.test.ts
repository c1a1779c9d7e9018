/**
 * Regression tests for the five defects of issue 10 ("function versions as the unit of
 * state"), each on a small scenario and each stating what Lambda would do (domain.md rules).
 * They were written before the fix and failed on the code of that day.
 */
import { describe, expect, it } from 'vitest';
import { buildVersionTable } from '../../../src/model/catalog/versionTable.js';
import { FIELD, EXPOSURE_FIELDS } from '../../../src/model/exposure/exposureState.js';
import { HOW_NAMES, MODE_AUTO } from '../../../src/model/fleet/fleetState.js';
import { ACTION_MIGRATE_REFUSED, ACTION_MOVE, ACTION_CREATE, ACTION_PIN, ACTION_ALIAS_ROLLBACK, ACTION_IMAGE_ROLLBACK } from '../../../src/model/measure/changeLog.js';
import { simulateReplication } from '../../../src/model/simulate.js';
import type { ReleaseSpec, Scenario } from '../../../src/model/spec.js';
import { DAY, HOUR, release, scenario, weights } from '../scenarioFixture.js';

const howCode = (name: string): number => (HOW_NAMES as readonly string[]).indexOf(name);

function bad(over: Partial<ReleaseSpec> = {}): ReleaseSpec {
  return release({
    runtime: 'python3.12',
    version: 'python:3.12.v15',
    atMs: 1 * DAY,
    phase2: { startAfterMs: 0, durationMs: 1 * DAY },
    incompatibility: { share: 0.3, errorRate: 1, architectures: null, regions: null, packageTypes: null },
    ...over,
  });
}

const owners = (over: Partial<Scenario['owners']> = {}): Scenario['owners'] => ({
  detectionDelay: { medianMs: 6 * HOUR, sigma: 1 },
  alarms: { share: 0, medianMs: 5 * 60_000, sigma: 0.5 },
  rollback: { unpinAfterMs: 5 * DAY, neverUnpinShare: 0 },
  migrations: { perFunctionPerDay: 0, retryAfterMs: DAY },
  ...over,
});

/** Version-changing actions of the change log (what serves traffic). */
const LIVE_CHANGES = new Set([ACTION_MOVE, ACTION_CREATE, ACTION_PIN, ACTION_ALIAS_ROLLBACK, ACTION_IMAGE_ROLLBACK]);

describe('defect 1: unpinning and R13 keep the owner\'s mode (R7, R9, R12, R13, R18)', () => {
  it('an all-FunctionUpdate fleet never becomes Auto after pins expire: no phase-2 move, no Lambda stale time', () => {
    // Lambda: unpinning restores the version's configured mode (FunctionUpdate); phase 2 never
    // touches FunctionUpdate versions (R9), so Lambda owns none of their stale time (R18).
    const s = scenario({
      horizonMs: 40 * DAY,
      fleet: { functions: 2000, updateModes: weights({ FunctionUpdate: 1 }), deploys: { meanIntervalMs: 3 * DAY, inactiveShare: 0, rateShape: null } },
      releases: [bad()],
      owners: owners(),
    });
    const r = simulateReplication(s, 0, { seed: 7, keepPatches: true, keepChanges: true });
    const pins = r.changes!.action.filter((a) => a === ACTION_PIN).length;
    expect(pins).toBeGreaterThan(50); // the scenario does pin and unpin
    expect(r.totals.lambdaStaleMs).toBe(0);
    expect(r.totals.staleMsByMode[MODE_AUTO]).toBe(0);
    expect(Array.from(r.patches!.how).filter((h) => h === howCode('phase2')).length).toBe(0);
  });

  it('an all-Manual fleet that migrates is never moved by phase 2 (R9, R13: the owner sets Manual again)', () => {
    const s = scenario({
      horizonMs: 30 * DAY,
      fleet: { functions: 2000, updateModes: weights({ Manual: 1 }), architectures: weights({ x86_64: 1, arm64: 1 }) },
      releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: DAY, phase2: { startAfterMs: 0, durationMs: 2 * DAY } })],
      owners: owners({ migrations: { perFunctionPerDay: 0.2, retryAfterMs: HOUR } }),
    });
    const r = simulateReplication(s, 0, { seed: 8, keepPatches: true, keepChanges: true });
    expect(r.totals.lambdaStaleMs).toBe(0);
    const how = Array.from(r.patches!.how);
    expect(how.filter((h) => h === howCode('phase2')).length).toBe(0);
  });
});

describe('defect 2: a pin on the published version behind an alias does not freeze $LATEST (R7, R13, R17)', () => {
  it('an all-alias Auto fleet that migrates after pinning gets no R13 refusal', () => {
    // Lambda: the pin is PutRuntimeManagementConfig on the published version (Qualifier = its
    // number); $LATEST stays Auto, so architecture changes to $LATEST go through.
    const s = scenario({
      horizonMs: 30 * DAY,
      fleet: { functions: 2000, publishedVersionShare: 1, architectures: weights({ x86_64: 1, arm64: 1 }) },
      releases: [bad({ incompatibility: { share: 0.5, errorRate: 1, architectures: null, regions: null, packageTypes: null } })],
      owners: owners({ rollback: { unpinAfterMs: 14 * DAY, neverUnpinShare: 0 }, migrations: { perFunctionPerDay: 0.3, retryAfterMs: HOUR } }),
    });
    const r = simulateReplication(s, 0, { seed: 9, keepPatches: false, keepChanges: true });
    expect(r.changes!.action.filter((a) => a === ACTION_PIN).length).toBeGreaterThan(50);
    expect(r.totals.blockedChanges).toBe(0);
    expect(r.changes!.action.filter((a) => a === ACTION_MIGRATE_REFUSED).length).toBe(0);
  });
});

describe('defect 3: withdrawn releases (R11)', () => {
  const s = scenario({
    horizonMs: 40 * DAY,
    fleet: {
      functions: 3000,
      updateModes: weights({ Auto: 1, FunctionUpdate: 1 }),
      deploys: { meanIntervalMs: 20 * DAY, inactiveShare: 0, rateShape: null },
    },
    releases: [
      bad({ phase2: { startAfterMs: 0, durationMs: 0 }, incompatibility: { share: 0.05, errorRate: 1, architectures: null, regions: null, packageTypes: null }, halt: { afterFailingFunctions: 3, delayMs: 2 * DAY, rollback: { startAfterMs: 0, durationMs: DAY } } }),
      release({ runtime: 'python3.12', version: 'python:3.12.v16', atMs: 15 * DAY, phase2: { startAfterMs: 10 * DAY, durationMs: 5 * DAY } }),
    ],
    owners: owners({ rollback: { unpinAfterMs: 100 * DAY, neverUnpinShare: 0 } }),
  });
  const versions = buildVersionTable(s);
  const v15 = versions.label.indexOf('python:3.12.v15');
  const v16 = versions.label.indexOf('python:3.12.v16');
  const r = simulateReplication(s, 0, { seed: 10, keepPatches: true, keepChanges: true });
  const rows = r.changes!;
  const ranV15 = new Uint8Array(r.totals.functions);
  const liveAt = (beforeMs: number): Uint16Array => {
    const live = new Uint16Array(r.totals.functions).fill(versions.byRuntime[0]![0]!);
    for (let i = 0; i < rows.atMs.length && rows.atMs[i]! <= beforeMs; i++) {
      if (LIVE_CHANGES.has(rows.action[i]!)) live[rows.functionId[i]!] = rows.toVersion[i]!;
    }
    return live;
  };
  for (let i = 0; i < rows.atMs.length; i++) if (LIVE_CHANGES.has(rows.action[i]!) && rows.toVersion[i] === v15) ranV15[rows.functionId[i]!] = 1;
  const haltMs = r.rollout.haltedAtMs[v15]!;

  it('the release is halted early, before the next release', () => {
    expect(haltMs).toBeLessThan(5 * DAY);
  });

  it('a function that never ran the withdrawn release is written with how = withdrawn and no patch time', () => {
    const p = r.patches!;
    let never = 0;
    for (let i = 0; i < p.length; i++) {
      if (p.version[i] !== v15 || ranV15[p.functionId[i]!] === 1) continue;
      never++;
      expect(HOW_NAMES[p.how[i]!]).toBe('withdrawn');
      expect(Number.isNaN(p.patchedMs[i]!)).toBe(true);
    }
    expect(never).toBeGreaterThan(100);
  });

  it('Lambda moves Auto functions off the withdrawn version within the default rollback window (1 day)', () => {
    // Before v16 is published, the latest secure version is v14 again: no Auto function is
    // left on v15 one rollback window after the halt.
    const live = liveAt(haltMs + DAY + HOUR);
    let autoLeft = 0;
    for (let f = 0; f < r.totals.functions; f++) if (live[f] === v15 && r.functions.mode[f] === MODE_AUTO) autoLeft++;
    expect(autoLeft).toBe(0);
    expect(v16).toBeGreaterThan(v15);
  });

  it('functions on the withdrawn version are stale: exactly the time their live version is not the latest secure one', () => {
    // Latest secure (metrics.md): v14 before v15's publication, v15 until the halt, v14 again
    // until v16, then v16. A function is stale while its live version differs from it (a
    // function left on withdrawn v15 is stale); Auto time is Lambda's, the rest the owner's
    // (R18), an Auto function pinned by its owner being the owner's from the pin on.
    const v14 = versions.byRuntime[0]![0]!;
    const v16At = r.rollout.reachedMs[v16]!;
    const latestAt = (t: number): number => (t < DAY ? v14 : t < haltMs ? v15 : t < v16At ? v14 : v16);
    const cuts = [0, DAY, haltMs, v16At, s.horizonMs].filter((t) => t <= s.horizonMs);
    let lambdaMs = 0;
    let ownerMs = 0;
    const perFunction = new Map<number, { atMs: number; to: number; pin: boolean }[]>();
    for (let i = 0; i < rows.atMs.length; i++) {
      if (!LIVE_CHANGES.has(rows.action[i]!)) continue;
      const list = perFunction.get(rows.functionId[i]!) ?? [];
      list.push({ atMs: rows.atMs[i]!, to: rows.toVersion[i]!, pin: rows.action[i] === ACTION_PIN });
      perFunction.set(rows.functionId[i]!, list);
    }
    for (let f = 0; f < r.totals.functions; f++) {
      const steps = perFunction.get(f) ?? [];
      const times = [...new Set([...cuts, ...steps.map((x) => x.atMs)])].sort((a, b) => a - b);
      let live = v14;
      let pinned = false;
      let k = 0;
      for (let j = 0; j + 1 < times.length; j++) {
        const t = times[j]!;
        while (k < steps.length && steps[k]!.atMs <= t) { live = steps[k]!.to; pinned ||= steps[k]!.pin; k++; }
        if (live === latestAt(t)) continue;
        const ms = times[j + 1]! - t;
        if (r.functions.mode[f] === MODE_AUTO && !pinned) lambdaMs += ms;
        else ownerMs += ms;
      }
    }
    expect(Math.abs(r.totals.lambdaStaleMs - lambdaMs)).toBeLessThanOrEqual(1e-9 * lambdaMs);
    expect(Math.abs(r.totals.ownerStaleMs - ownerMs)).toBeLessThanOrEqual(1e-9 * ownerMs);
  });
});

describe('defect 4: only Lambda-applied runtime updates keep old environments warm (R15)', () => {
  it('after a deploy every invocation runs the new version at once', () => {
    // Lambda: a deploy (UpdateFunctionCode) serves new invocations from new environments at
    // once, so a function that deploys onto the bad version at t serves r × (H − t) invocations
    // on it, not r × (H − t − L(1 − e^(−(H−t)/L))). L = 5 days makes the two far apart.
    const H = 20 * DAY;
    const perDay = 1000;
    const s = scenario({
      horizonMs: H,
      fleet: {
        functions: 500,
        updateModes: weights({ FunctionUpdate: 1 }),
        deploys: { meanIntervalMs: 5 * DAY, inactiveShare: 0, rateShape: null },
        invocationsPerDay: { median: perDay, sigma: 0 },
        environmentLifetimeMs: 5 * DAY,
      },
      releases: [bad({ incompatibility: { share: 1, errorRate: 0, architectures: null, regions: null, packageTypes: null } })],
      owners: owners({ detectionDelay: { medianMs: 365 * DAY, sigma: 0 } }),
    });
    const r = simulateReplication(s, 0, { seed: 11, keepPatches: false, keepChanges: true });
    const rows = r.changes!;
    let expected = 0;
    let moved = 0;
    for (let i = 0; i < rows.atMs.length; i++) {
      if (rows.action[i] !== ACTION_MOVE) continue;
      moved++;
      expected += (perDay / DAY) * (H - rows.atMs[i]!);
    }
    expect(moved).toBeGreaterThan(400);
    let exposed = 0;
    for (let g = 0; g < r.exposure.totals.length / EXPOSURE_FIELDS.length; g++) exposed += r.exposure.totals[g * EXPOSURE_FIELDS.length + FIELD.exposedInvocations]!;
    // Only floating-point summation error separates the two.
    expect(Math.abs(exposed - expected) / expected).toBeLessThan(1e-9);
  });
});

describe('defect 5: base images are published once, not region by region (R3, R10)', () => {
  it('an image fleet in a late wave rebuilds onto the new base image without waiting for its region', () => {
    // ap-southeast-7 is in the 5th wave: with 2 days between waves the Zip version reaches it
    // at day 9. The base image is out at day 1; rebuilds (mean 1 day) pick it up then, so
    // P(rebuilt by day 5) = 1 − e^(−4) ≈ 0.98.
    const s = scenario({
      horizonMs: 20 * DAY,
      fleet: {
        functions: 500,
        regions: weights({ 'ap-southeast-7': 1 }),
        packageTypes: weights({ Image: 1 }),
        imageRebuilds: { meanIntervalMs: DAY },
      },
      releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: DAY, regionIntervalMs: 2 * DAY })],
    });
    const r = simulateReplication(s, 0, { seed: 12, keepPatches: false, keepChanges: true });
    expect(r.rollout.reachedMs[1]!).toBeGreaterThanOrEqual(9 * DAY); // the Zip wave really is late
    const rows = r.changes!;
    const movedBy = new Uint8Array(500);
    for (let i = 0; i < rows.atMs.length; i++) if (rows.action[i] === ACTION_MOVE && rows.atMs[i]! <= 5 * DAY) movedBy[rows.functionId[i]!] = 1;
    const share = movedBy.reduce((a, b) => a + b, 0) / 500;
    const q = 1 - Math.exp(-4);
    expect(share).toBeGreaterThan(q - 4 * Math.sqrt((q * (1 - q)) / 500));
  });
});
