/**
 * Bad releases end to end in the model: exposure, detection and rollback (R11–R19), checked
 * against metrics.md results 4 and 5 and the rules' own wording.
 */
import { describe, expect, it } from 'vitest';
import { replicationMetrics } from '../../../src/analysis/metrics.js';
import { ACTION_FIRST_FAILURE, ACTION_MOVE, ACTION_NAMES } from '../../../src/model/measure/changeLog.js';
import { simulateReplication } from '../../../src/model/simulate.js';
import type { ReleaseSpec, Scenario } from '../../../src/model/spec.js';
import { DAY, HOUR, release, scenario, weights } from '../scenarioFixture.js';

const MIN = 60_000;

function badRelease(over: Partial<ReleaseSpec> = {}): ReleaseSpec {
  return release({
    runtime: 'python3.12',
    version: 'python:3.12.v15',
    atMs: 1 * DAY,
    phase2: { startAfterMs: 0, durationMs: 0 },
    incompatibility: { share: 0.2, errorRate: 1, architectures: null, regions: null, packageTypes: null },
    ...over,
  });
}

function owners(over: Partial<Scenario['owners']> = {}): Scenario['owners'] {
  return {
    detectionDelay: { medianMs: 6 * HOUR, sigma: 1 },
    alarms: { share: 0, medianMs: 5 * MIN, sigma: 0.5 },
    rollback: { unpinAfterMs: 14 * DAY, neverUnpinShare: 0 },
    migrations: { perFunctionPerDay: 0, retryAfterMs: DAY },
    ...over,
  };
}

describe('metrics.md result 5: canary detection within a bake time b', () => {
  const N = 20_000;
  const p = 0.2;
  const perDay = 24; // r = 1 invocation an hour
  const bakeMs = 2 * HOUR;
  const s = scenario({
    horizonMs: 3 * DAY,
    fleet: {
      functions: N,
      updateModes: weights({ Auto: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null },
      invocationsPerDay: { median: perDay, sigma: 0 },
      environmentLifetimeMs: 1, // every invocation on the new version from the switch on
    },
    releases: [badRelease({ incompatibility: { share: p, errorRate: 1, architectures: null, regions: null, packageTypes: null } })],
    owners: owners({ detectionDelay: { medianMs: 365 * DAY, sigma: 0 } }), // nobody reacts within the run
  });
  const result = simulateReplication(s, 0, { seed: 51, keepPatches: false, keepChanges: true });
  const rows = result.changes!;
  const shows = new Uint8Array(N);
  for (let i = 0; i < rows.atMs.length; i++) {
    if (rows.action[i] === ACTION_FIRST_FAILURE && rows.atMs[i]! <= DAY + bakeMs) shows[rows.functionId[i]!] = 1;
  }
  const q = p * (1 - Math.exp(-(perDay / DAY) * bakeMs));

  it('each function shows the fault with probability p(1 − e^(−r b))', () => {
    const share = shows.reduce((a, b) => a + b, 0) / N;
    expect(Math.abs(share - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / N));
  });

  it('a wave of n functions shows it with probability 1 − Π(1 − p(1 − e^(−r b)))', () => {
    const n = 10;
    const waves = N / n;
    let seen = 0;
    for (let w = 0; w < waves; w++) if (shows.subarray(w * n, (w + 1) * n).some((x) => x === 1)) seen++;
    const P = 1 - (1 - q) ** n;
    expect(Math.abs(seen / waves - P)).toBeLessThan(4 * Math.sqrt((P * (1 - P)) / waves));
  });
});

describe('metrics.md result 4 at fleet level: failures integrate the environment mix (R15)', () => {
  const L = 2 * HOUR;
  const perDay = 5000;
  const errorRate = 0.25;
  const H = 10 * DAY;
  const s = scenario({
    horizonMs: H,
    fleet: {
      functions: 3000,
      updateModes: weights({ Auto: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 1, rateShape: null },
      invocationsPerDay: { median: perDay, sigma: 0 },
      environmentLifetimeMs: L,
    },
    releases: [badRelease({ phase2: { startAfterMs: 0, durationMs: 4 * DAY }, incompatibility: { share: 0.3, errorRate, architectures: null, regions: null, packageTypes: null } })],
    owners: owners({ detectionDelay: { medianMs: 365 * DAY, sigma: 0 } }), // no rollback within the run
  });
  const result = simulateReplication(s, 0, { seed: 52, keepPatches: false, keepChanges: true });

  it('failed invocations = Σ r·e·[(H − t0) − L(1 − e^(−(H − t0)/L))] over the susceptible functions\' switch times t0', () => {
    const rows = result.changes!;
    const susceptible = new Set<number>();
    for (let i = 0; i < rows.atMs.length; i++) if (rows.action[i] === ACTION_FIRST_FAILURE) susceptible.add(rows.functionId[i]!);
    expect(susceptible.size).toBeGreaterThan(800); // ~30% of 3000; all fail within minutes at 5000 a day
    let expected = 0;
    for (let i = 0; i < rows.atMs.length; i++) {
      if (rows.action[i] !== ACTION_MOVE || !susceptible.has(rows.functionId[i]!)) continue;
      const dt = H - rows.atMs[i]!;
      expected += (perDay / DAY) * errorRate * (dt - L * (1 - Math.exp(-dt / L)));
    }
    const m = replicationMetrics(result);
    expect(Math.abs(m.failedInvocations! - expected) / expected).toBeLessThan(1e-9);
    expect(m.exposedFunctions).toBe(susceptible.size);
  });
});

describe('R19: denying PutRuntimeManagementConfig costs failures and time', () => {
  const base = scenario({
    horizonMs: 30 * DAY,
    fleet: {
      functions: 5000,
      updateModes: weights({ Auto: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0.5, rateShape: null },
      invocationsPerDay: { median: 2000, sigma: 1 },
    },
    releases: [badRelease({ incompatibility: { share: 0.05, errorRate: 0.3, architectures: null, regions: null, packageTypes: null } })],
    owners: owners({ rollback: { unpinAfterMs: 60 * DAY, neverUnpinShare: 0 } }), // one episode each
  });
  const allowed = replicationMetrics(simulateReplication(base, 0, { seed: 53, keepPatches: false }));
  const denied = replicationMetrics(simulateReplication({ ...base, policy: { denyRuntimeManagementConfig: true, exceptionApprovalMs: 2 * DAY } }, 0, { seed: 53, keepPatches: false }));

  it('the same functions are exposed and detected the same way', () => {
    expect(denied.exposedFunctions).toBe(allowed.exposedFunctions);
    expect(denied.timeToDetectP50Hours).toBe(allowed.timeToDetectP50Hours);
  });

  it('but waiting for the exception gives more failed invocations and a longer time to roll back', () => {
    expect(denied.failedInvocations!).toBeGreaterThan(allowed.failedInvocations!);
    expect(denied.timeToRollbackP50Hours!).toBeGreaterThan(allowed.timeToRollbackP50Hours! + 47);
    expect(allowed.rollbacksByPin).toBeGreaterThan(100);
  });
});

describe('R14: an alias rollback takes effect without a pin', () => {
  const s = scenario({
    horizonMs: 30 * DAY,
    fleet: {
      functions: 4000,
      updateModes: weights({ FunctionUpdate: 1 }),
      publishedVersionShare: 1,
      deploys: { meanIntervalMs: 2 * DAY, inactiveShare: 0, rateShape: null },
      invocationsPerDay: { median: 2000, sigma: 1 },
    },
    releases: [badRelease()],
    owners: owners(),
    policy: { denyRuntimeManagementConfig: true, exceptionApprovalMs: 5 * DAY }, // no exception is needed
  });
  const result = simulateReplication(s, 0, { seed: 54, keepPatches: false, keepChanges: true });
  const m = replicationMetrics(result);

  it('redirects aliases, pins nothing, and rolls back the moment the owner notices', () => {
    expect(m.rollbacksByAlias).toBeGreaterThan(100);
    expect(m.rollbacksByPin).toBe(0);
    expect(m.pinnedAtHorizon).toBe(0);
    expect(m.timeToRollbackP50Hours).toBe(m.timeToDetectP50Hours);
    const names = new Set(Array.from(result.changes!.action, (a) => ACTION_NAMES[a]));
    expect(names.has('alias-rollback')).toBe(true);
    expect(names.has('pin')).toBe(false);
    expect(names.has('exception-requested')).toBe(false);
  });
});

describe('R18: forgotten pins stay stale to the horizon', () => {
  const s = scenario({
    horizonMs: 60 * DAY,
    fleet: {
      functions: 3000,
      updateModes: weights({ Auto: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: null },
      invocationsPerDay: { median: 2000, sigma: 1 },
    },
    releases: [badRelease()],
    owners: owners({ rollback: { unpinAfterMs: 7 * DAY, neverUnpinShare: 1 } }),
  });
  const result = simulateReplication(s, 0, { seed: 55, keepPatches: true });
  const m = replicationMetrics(result);

  it('every pinned function is still pinned, and still unpatched, at the horizon', () => {
    expect(m.rollbacksByPin).toBeGreaterThan(100);
    expect(m.pinnedAtHorizon).toBe(m.rollbacksByPin);
    // Their stale time since the pin is the owner's; Auto functions only ever add Lambda's.
    expect(result.totals.ownerStaleMs).toBeGreaterThan(m.rollbacksByPin! * 40 * DAY);
  });

  it('while owners who unpin after 7 days, once a fix is out, end on the fix', () => {
    const fix = release({ runtime: 'python3.12', version: 'python:3.12.v16', atMs: 20 * DAY, fixes: 'python:3.12.v15' });
    const r2 = simulateReplication(
      { ...s, releases: [...s.releases, fix], owners: owners({ rollback: { unpinAfterMs: 7 * DAY, neverUnpinShare: 0 } }) },
      0, { seed: 55, keepPatches: false },
    );
    const m2 = replicationMetrics(r2);
    expect(m2.rollbacksByPin).toBeGreaterThan(100);
    expect(m2.pinnedAtHorizon).toBe(0);
  });

  it('and owners who unpin while the bad version is still the latest get it again, and pin again', () => {
    const r3 = simulateReplication({ ...s, owners: owners({ rollback: { unpinAfterMs: 7 * DAY, neverUnpinShare: 0 } }) }, 0, { seed: 55, keepPatches: false });
    expect(r3.exposure.rollbackDelaysMs.length).toBeGreaterThan(2 * replicationMetrics(r3).rollbacksByPin!);
  });
});

describe('R11: a halted release never reaches the regions after the halt', () => {
  const regions = weights({ 'us-east-1': 1, 'eu-west-1': 1, 'ap-northeast-2': 1 });
  const s = scenario({
    horizonMs: 30 * DAY,
    fleet: {
      functions: 6000,
      regions,
      updateModes: weights({ Auto: 1 }),
      deploys: { meanIntervalMs: 14 * DAY, inactiveShare: 0, rateShape: null },
      invocationsPerDay: { median: 5000, sigma: 0.5 },
    },
    releases: [badRelease({
      regionWaves: [['us-east-1'], ['eu-west-1'], ['ap-northeast-2']],
      regionIntervalMs: 3 * DAY,
      halt: { afterFailingFunctions: 20, delayMs: 2 * HOUR, rollback: { startAfterMs: 0, durationMs: DAY } },
    })],
    owners: owners({ alarms: { share: 1, medianMs: 5 * MIN, sigma: 0.5 } }),
  });
  const result = simulateReplication(s, 0, { seed: 56, keepPatches: true });

  it('only the first region ever runs the bad version', () => {
    const rows = result.patches!;
    for (let i = 0; i < rows.length; i++) {
      if (rows.version[i] !== 1) continue;
      expect(result.functions!.region[rows.functionId[i]!]).toBe(0);
    }
    const ts = result.timeseries;
    // cell = ((((region·A + arch)·P + pkg)·MODES + mode)·V + version), A = 1, P = 2, MODES = 4, V = 2
    for (let i = 0; i < ts.cell.length; i++) {
      const version = ts.cell[i]! % 2;
      const region = Math.floor(ts.cell[i]! / (2 * 4 * 2));
      if (version === 1) expect(region).toBe(0);
    }
  });

  it('and nobody counts as stale for a withdrawn version', () => {
    // After the halt the latest secure version is v14 again, so late regions never go stale.
    expect(replicationMetrics(result).staleFunctionDays!).toBeLessThan(2000 * 3);
  });
});

describe('R13: a Manual $LATEST refuses architecture changes', () => {
  const N = 4000;
  const rate = 0.05; // per function per day
  const H = 30;
  const s = scenario({
    horizonMs: H * DAY,
    fleet: { functions: N, architectures: weights({ x86_64: 1, arm64: 1 }), updateModes: weights({ Manual: 1 }) },
    releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 1 * DAY })],
    owners: owners({ migrations: { perFunctionPerDay: rate, retryAfterMs: DAY } }),
  });
  const result = simulateReplication(s, 0, { seed: 57, keepPatches: false, keepChanges: true });

  it('refuses every change; the owner goes through FunctionUpdate and sets Manual again, so nothing waits and nothing becomes Auto', () => {
    // Each function migrates as a Poisson process of rate `rate`: N·rate·H changes expected.
    const expected = N * rate * H;
    const actions = Array.from(result.changes!.action, (a) => ACTION_NAMES[a]);
    const refused = actions.filter((a) => a === 'migrate-refused').length;
    expect(Math.abs(refused - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(actions.filter((a) => a === 'migrate').length).toBe(refused);
    expect(result.totals.blockedChanges).toBe(0); // only a rollback pin makes a change wait
    expect(actions.filter((a) => a === 'unpin').length).toBe(0);
    expect(result.totals.lambdaStaleMs).toBe(0); // R9: never Auto, so never Lambda's
  });
});

describe('R13: a change to a $LATEST pinned for a rollback waits for the pin to be lifted', () => {
  const s = scenario({
    horizonMs: 40 * DAY,
    fleet: { functions: 3000, architectures: weights({ x86_64: 1, arm64: 1 }), updateModes: weights({ Auto: 1 }) },
    releases: [badRelease({ incompatibility: { share: 0.5, errorRate: 1, architectures: null, regions: null, packageTypes: null } })],
    owners: owners({ rollback: { unpinAfterMs: 10 * DAY, neverUnpinShare: 0 }, migrations: { perFunctionPerDay: 0.2, retryAfterMs: 2 * HOUR } }),
  });
  const result = simulateReplication(s, 0, { seed: 60, keepPatches: false, keepChanges: true });

  it('counts the waiting changes and retries each one retryAfter after its unpin', () => {
    const rows = result.changes!;
    const unpinAt = new Map<number, number>();
    const waiting = new Set<number>();
    let retried = 0;
    for (let i = 0; i < rows.atMs.length; i++) {
      const f = rows.functionId[i]!;
      const name = ACTION_NAMES[rows.action[i]!];
      if (name === 'migrate-refused') waiting.add(f);
      if (name === 'unpin') unpinAt.set(f, rows.atMs[i]!);
      if (name === 'migrate' && waiting.has(f)) {
        expect(rows.atMs[i]).toBe(unpinAt.get(f)! + 2 * HOUR);
        waiting.delete(f);
        retried++;
      }
    }
    expect(result.totals.blockedChanges).toBeGreaterThan(100);
    expect(retried).toBeGreaterThan(100);
  });
});

describe('R11: functions still on a version after it expires fail', () => {
  const N = 1000;
  const perDay = 1000;
  const s = scenario({
    horizonMs: 40 * DAY,
    fleet: { functions: N, updateModes: weights({ Manual: 1 }), invocationsPerDay: { median: perDay, sigma: 0 } },
    releases: [
      release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 1 * DAY }),
      release({ runtime: 'python3.12', version: 'python:3.12.v16', atMs: 2 * DAY, expiresAfterMs: 10 * DAY }),
    ],
  });

  it('counts no expiry failures for functions that never ran the expiring version', () => {
    expect(simulateReplication(s, 0, { seed: 58, keepPatches: false }).totals.expiryFailures).toBe(0);
  });

  it('counts every invocation on it after expiry, for functions created on it', () => {
    const created = { ...s, fleet: { ...s.fleet, functions: 1, createdPerDay: 100 } };
    const r = simulateReplication(created, 0, { seed: 58, keepPatches: true, keepChanges: true });
    // Functions created (Manual, so frozen) on v16 between its publication and the horizon.
    let expected = 0;
    const rows = r.changes!;
    for (let i = 0; i < rows.atMs.length; i++) {
      if (ACTION_NAMES[rows.action[i]!] === 'create' && rows.toVersion[i] === 2) {
        expected += (40 * DAY - Math.max(rows.atMs[i]!, 12 * DAY)) / DAY * perDay;
      }
    }
    expect(expected).toBeGreaterThan(0);
    expect(r.totals.expiryFailures).toBeCloseTo(expected, 3);
  });
});
