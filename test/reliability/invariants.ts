/**
 * Invariants every replication must satisfy, whatever the scenario. Each check returns the
 * violations it found (empty when all is well), so a property test can print them and
 * fast-check can shrink the scenario to a small counterexample.
 */
import { replicationMetrics, METRICS, METRIC_NAMES } from '../../src/analysis/metrics.js';
import { COMMERCIAL_REGIONS } from '../../src/model/catalog/regions.js';
import { buildVersionTable, REGION_COUNT, type VersionTable } from '../../src/model/catalog/versionTable.js';
import {
  HOW_CONFIG, HOW_LAMBDA_ROLLBACK, HOW_NAMES, HOW_PHASE1, HOW_PHASE2, HOW_REBUILD, HOW_WITHDRAWN, MODE_AUTO, MODE_MANUAL, PACKAGE_IMAGE, PACKAGE_ZIP,
} from '../../src/model/fleet/fleetState.js';
import {
  ACTION_ALIAS_ROLLBACK, ACTION_CREATE, ACTION_IMAGE_ROLLBACK, ACTION_MOVE, ACTION_NAMES, ACTION_PIN, ACTION_UNPIN, NO_VERSION,
} from '../../src/model/measure/changeLog.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { HOW_CENSORED } from '../../src/model/rollout/horizon.js';
import type { Scenario } from '../../src/model/spec.js';

const CHANGES_LIVE_VERSION = new Set([ACTION_MOVE, ACTION_CREATE, ACTION_ALIAS_ROLLBACK, ACTION_PIN, ACTION_IMAGE_ROLLBACK]);
const MODE_NAMES = ['Auto', 'FunctionUpdate', 'Manual', 'none (image)'];

/** Collects at most `limit` messages, counting the rest. */
class Violations {
  readonly messages: string[] = [];
  dropped = 0;
  constructor(private readonly limit = 8) {}
  add(message: string): void {
    if (this.messages.length < this.limit) this.messages.push(message);
    else this.dropped++;
  }
  list(): string[] {
    return this.dropped === 0 ? this.messages : [...this.messages, `… and ${this.dropped} more`];
  }
}

/** Publication time of version `v` in fleet region index `region` (R10); 0 for a runtime's current version. */
function publishedIn(scenario: Scenario, versions: VersionTable, v: number, region: number): number {
  const catalogRegion = COMMERCIAL_REGIONS.indexOf(scenario.fleet.regions[region]!.name);
  return versions.publishedMs[v * REGION_COUNT + catalogRegion]!;
}

/** Publication of `v`'s base image, once for every region (R3): `baseImage.at`, else the release's first publication. */
function baseImageAt(scenario: Scenario, versions: VersionTable, v: number): number {
  const release = versions.releaseIndex[v]!;
  if (release < 0) return 0;
  const at = scenario.releases[release]!.baseImageAtMs;
  if (at !== null) return at;
  let first = Number.POSITIVE_INFINITY;
  for (let r = 0; r < REGION_COUNT; r++) first = Math.min(first, versions.publishedMs[v * REGION_COUNT + r]!);
  return first;
}

/** When `v` reaches function `f`: its region's publication (Zip, R10) or its base image (R3). */
function reachesAt(scenario: Scenario, versions: VersionTable, v: number, region: number, image: boolean): number {
  return image ? baseImageAt(scenario, versions, v) : publishedIn(scenario, versions, v, region);
}

/**
 * Checks one replication run with `keepPatches: true, keepChanges: true`. Rules cited:
 * R3 (images move only by rebuilds, onto base images published once for all regions),
 * R7/R9 (Manual never moved; phase 2 only for Auto; unpinning restores the configured mode),
 * R8 (phase 1 on deploys and configuration updates), R10 (never a version before its
 * publication in the region), R11 (withdrawn rows), R18 (the stale split adds up).
 */
export function checkReplication(scenario: Scenario, result: ReplicationResult): string[] {
  const v = new Violations();
  const versions = buildVersionTable(scenario);
  const fns = result.functions;
  const changes = result.changes;
  const patches = result.patches;
  if (changes === null || patches === null) return ['run without keepPatches/keepChanges'];
  const n = result.totals.functions;
  const initial = scenario.fleet.functions;

  // --- the change trace: continuity, R10, and who may move whom ---------------------------
  const live = new Int32Array(n).fill(-1);
  const liveMode = Uint8Array.from(fns.mode);
  for (let f = 0; f < initial; f++) live[f] = versions.byRuntime[fns.runtime[f]!]![0]!;
  const creationTimes: number[] = [];
  let lastMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < changes.atMs.length; i++) {
    const atMs = changes.atMs[i]!;
    const f = changes.functionId[i]!;
    const action = changes.action[i]!;
    const from = changes.fromVersion[i]!;
    const to = changes.toVersion[i]!;
    const cause = changes.cause[i]!;
    const what = `change row ${i} (${ACTION_NAMES[action]} of function ${f} at ${(atMs / 86_400_000).toFixed(4)} d)`;
    if (atMs < lastMs) v.add(`${what}: before the previous row`);
    lastMs = atMs;
    if (!(f >= 0 && f < n)) {
      v.add(`${what}: no such function (fleet has ${n})`);
      continue;
    }
    if (action === ACTION_CREATE) {
      creationTimes.push(atMs);
      if (f < initial || live[f] !== -1) v.add(`${what}: created twice, or an initial function`);
      if (from !== NO_VERSION) v.add(`${what}: a creation has a from-version`);
    } else if (CHANGES_LIVE_VERSION.has(action) && from !== live[f]) {
      v.add(`${what}: from-version ${from} but the function ran ${live[f]}`);
    }
    if (action === ACTION_PIN) liveMode[f] = MODE_MANUAL;
    if (action === ACTION_UNPIN) liveMode[f] = fns.mode[f]!; // R7: back to the configured mode
    if (!CHANGES_LIVE_VERSION.has(action)) continue;
    live[f] = to;
    if (to >= versions.count) {
      v.add(`${what}: unknown version ${to}`);
      continue;
    }
    if (versions.runtimeIndex[to] !== fns.runtime[f]) v.add(`${what}: version ${versions.label[to]} of another runtime`);
    // R10: no function runs a version before it is published in its region (R3: an image, before its base image).
    const pub = reachesAt(scenario, versions, to, fns.region[f]!, fns.packageType[f] === PACKAGE_IMAGE);
    if (!(pub <= atMs)) {
      v.add(`${what}: runs ${versions.label[to]} published in its region only at ${(pub / 86_400_000).toFixed(4)} d (R10)`);
    }
    if (action !== ACTION_MOVE) continue;
    const pkg = fns.packageType[f]!;
    const mode = liveMode[f]!;
    const how = `${HOW_NAMES[cause] ?? cause} move of a ${pkg === PACKAGE_IMAGE ? 'Image' : 'Zip'} function in live mode ${MODE_NAMES[mode]}`;
    // R7, R9: a Manual version is never moved, by Lambda or by a deploy.
    // (R13: an owner's configuration change of a function configured Manual goes through FunctionUpdate.)
    if (mode === MODE_MANUAL && !(cause === HOW_CONFIG && fns.mode[f] === MODE_MANUAL)) v.add(`${what}: ${how} (R7, R9: Manual is never moved)`);
    // R9, R3, R11: Lambda (phase 2, moves off a withdrawn release) moves only Auto Zip versions.
    const byLambda = cause === HOW_PHASE2 || cause === HOW_LAMBDA_ROLLBACK;
    if (byLambda && !(mode === MODE_AUTO && pkg === PACKAGE_ZIP)) v.add(`${what}: ${how} (R9, R3)`);
    if ((cause === HOW_PHASE1 || cause === HOW_CONFIG) && pkg !== PACKAGE_ZIP) v.add(`${what}: ${how} (R3: images move only by rebuilds)`);
    if (cause === HOW_REBUILD && pkg !== PACKAGE_IMAGE) v.add(`${what}: ${how} (R3)`);
    if (!byLambda && cause !== HOW_PHASE1 && cause !== HOW_CONFIG && cause !== HOW_REBUILD) v.add(`${what}: ${how}: unexpected cause`);
    // R7, R9, R13: a function configured Manual is never moved by Lambda; only its owner's
    // configuration change (through FunctionUpdate and back to Manual) moves it.
    if (fns.mode[f] === MODE_MANUAL && cause !== HOW_CONFIG) v.add(`${what}: ${how} of a function configured Manual (R7, R9, R13)`);
  }
  if (initial + creationTimes.length !== n) v.add(`${n} functions at the horizon, but ${initial} + ${creationTimes.length} created`);
  for (let f = 0; f < n; f++) if (live[f] === -1) v.add(`function ${f} was never created in the trace`);

  // --- samples: every function counted exactly once (fleet size + creations so far) ------
  const ts = result.timeseries;
  const perSample = new Map<number, number>();
  for (let i = 0; i < ts.sample.length; i++) {
    if (ts.functions[i]! <= 0) v.add(`timeseries row ${i}: ${ts.functions[i]} functions in a group`);
    perSample.set(ts.sample[i]!, (perSample.get(ts.sample[i]!) ?? 0) + ts.functions[i]!);
  }
  const lastSample = Math.floor(scenario.horizonMs / scenario.sampleEveryMs);
  for (let s = 0; s <= lastSample; s++) {
    const t = s * scenario.sampleEveryMs;
    const counted = perSample.get(s);
    // A creation at exactly the sample time may come before or after the sample.
    const before = creationTimes.filter((c) => c < t).length;
    const upTo = creationTimes.filter((c) => c <= t).length;
    if (counted === undefined) v.add(`sample ${s}: missing`);
    else if (counted < initial + before || counted > initial + upTo) v.add(`sample ${s} (t = ${t} ms): ${counted} functions, expected ${initial} + ${before}…${upTo} created`);
  }
  if (perSample.size !== lastSample + 1) v.add(`${perSample.size} samples, expected ${lastSample + 1}`);

  // --- patch rows: patched_at ≥ published_at (R10) ---------------------------------------
  for (let i = 0; i < patches.length; i++) {
    const f = patches.functionId[i]!;
    const ver = patches.version[i]!;
    const pub = patches.publishedMs[i]!;
    const at = patches.patchedMs[i]!;
    const what = `patch row ${i} (function ${f}, ${versions.label[ver]})`;
    const scheduled = reachesAt(scenario, versions, ver, fns.region[f]!, fns.packageType[f] === PACKAGE_IMAGE);
    if (pub !== scheduled) v.add(`${what}: published_at ${pub} but the release reaches the function at ${scheduled} (R10, R3)`);
    if (patches.how[i] === HOW_WITHDRAWN && Number.isNaN(result.rollout.haltedAtMs[ver]!)) v.add(`${what}: withdrawn, but never halted (R11)`);
    if (Number.isNaN(at)) {
      if (patches.how[i] !== HOW_CENSORED && patches.how[i] !== HOW_WITHDRAWN) v.add(`${what}: censored with how ${patches.how[i]}`);
      continue;
    }
    if (patches.how[i] === HOW_WITHDRAWN) v.add(`${what}: withdrawn but patched`);
    if (!(at >= pub)) v.add(`${what}: patched_at ${at} < published_at ${pub} (R10)`);
    if (!(at <= scenario.horizonMs)) v.add(`${what}: patched after the horizon`);
  }

  // --- metrics: finite, non-negative or null; shares in [0, 1]; R18 split -----------------
  const metrics = replicationMetrics(result);
  for (const name of METRIC_NAMES) {
    const x = metrics[name];
    if (x === null) continue;
    if (!Number.isFinite(x) || x < 0) v.add(`metric ${name} = ${x}`);
    if (METRICS[name].unit === 'share' && x > 1) v.add(`metric ${name} = ${x}, a share above 1`);
  }
  const t = result.totals;
  const byMode = t.staleMsByMode.reduce((a, b) => a + b, 0);
  const whole = t.lambdaStaleMs + t.ownerStaleMs;
  if (Math.abs(byMode - whole) > 1e-6 * Math.max(1, whole)) v.add(`stale ms by mode ${byMode} ≠ Lambda + owner ${whole} (R18)`);
  if (Math.abs(t.staleMsByMode[MODE_AUTO]! - t.lambdaStaleMs) > 1e-6 * Math.max(1, whole)) v.add(`Auto stale ms ≠ Lambda's (R18)`);
  if (whole > n * scenario.horizonMs * (1 + 1e-9)) v.add(`stale function-ms ${whole} above functions × horizon`);
  return v.list();
}

/** R10 for the INIT_START log: an environment never starts on a version not yet published in its region (R3: an image, before its base image). */
export function checkInitStart(scenario: Scenario, result: ReplicationResult): string[] {
  const v = new Violations();
  const log = result.initStart;
  const fns = result.initStartFunctions;
  if (log === null || fns === null) return [];
  const versions = buildVersionTable(scenario);
  for (let i = 0; i < log.length; i++) {
    const f = log.functionId[i]!;
    const pub = reachesAt(scenario, versions, log.version[i]!, fns.region[f]!, result.functions.packageType[f] === PACKAGE_IMAGE);
    if (!(pub <= log.timestampMs[i]!)) v.add(`INIT_START ${i}: function ${f} on ${versions.label[log.version[i]!]} at ${log.timestampMs[i]} ms, published at ${pub} ms (R10)`);
    if (log.timestampMs[i]! < fns.createdMs[f]!) v.add(`INIT_START ${i}: before the function was created`);
  }
  return v.list();
}
