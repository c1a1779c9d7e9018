import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REGION_WAVES, COMMERCIAL_REGIONS } from '../../src/model/catalog/regions.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import {
  formatScenarioError,
  loadScenarioFile,
  parseScenario,
  type LoadResult,
  type ScenarioError,
} from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/spec.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/python-patch.yaml', import.meta.url));
const DAY = 86_400_000;
const HOUR = 3_600_000;

function scenarioOf(result: LoadResult): Scenario {
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

function errorsOf(result: LoadResult): ScenarioError[] {
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors;
}

/** `line:col path` of each error, the shape most assertions compare. */
const where = (errors: readonly ScenarioError[]) => errors.map((e) => `${e.line}:${e.col} ${e.path}`);

/** A small valid scenario, for tests that change one thing. */
const MINIMAL = [
  'name: minimal',
  'horizon: 10d',
  'fleet:',
  '  functions: 10',
  '  regions: { us-east-1: 1 }',
  '  runtimes: { python3.12: 1 }',
].join('\n');

describe('the issue example (fixtures/python-patch.yaml)', () => {
  let result: LoadResult;
  beforeAll(async () => {
    result = await loadScenarioFile(FIXTURE);
  });

  it('validates and returns its source text', async () => {
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.source).toContain('# A python3.12 security patch');
  });

  it('converts durations to milliseconds', () => {
    const s = scenarioOf(result);
    expect(s.horizonMs).toBe(60 * DAY);
    expect(s.sampleEveryMs).toBe(6 * HOUR);
    expect(s.fleet.deploys.meanIntervalMs).toBe(14 * DAY);
    expect(s.fleet.imageRebuilds.meanIntervalMs).toBe(30 * DAY);
    expect(s.fleet.environmentLifetimeMs).toBe(2 * HOUR);
    expect(s.fleet.invocationDurationMs).toBe(200); // default `200ms`
    expect(s.owners.detectionDelay.medianMs).toBe(6 * HOUR);
    expect(s.owners.rollback.unpinAfterMs).toBe(14 * DAY);
    expect(s.policy.exceptionApprovalMs).toBe(2 * DAY);
    const [release] = s.releases;
    expect(release?.atMs).toBe(3 * DAY);
    expect(release?.regionIntervalMs).toBe(DAY);
    expect(release?.phase2).toEqual({ startAfterMs: 7 * DAY, durationMs: 7 * DAY });
  });

  it('keeps plain values and fills defaults', () => {
    const s = scenarioOf(result);
    expect(s).toMatchObject({ name: 'python3.12 patch with a rare incompatibility', seed: 7, replications: 8, warnings: [] });
    expect(s.fleet.functions).toBe(5000);
    expect(s.fleet.publishedVersionShare).toBe(0.3);
    expect(s.fleet.deploys).toEqual({ meanIntervalMs: 14 * DAY, inactiveShare: 0.25, rateShape: null });
    expect(s.fleet.invocationsPerDay).toEqual({ median: 2000, sigma: 2 });
    expect(s.fleet.createdPerDay).toBe(0);
    expect(s.owners.detectionDelay.sigma).toBe(1);
    expect(s.owners.alarms).toEqual({ share: 0, medianMs: 5 * 60_000, sigma: 0.5 });
    expect(s.owners.migrations).toEqual({ perFunctionPerDay: 0, retryAfterMs: DAY });
    expect(s.catalog).toEqual({ arnHashPerRegion: false });
    expect(s.outputs).toEqual({ initStartLog: { sample: 0.01 }, events: false });
    expect(s.runtimes).toEqual([
      { id: 'python3.12', current: 'python:3.12.v14', expiresAtMs: null },
      { id: 'nodejs20.x', current: 'nodejs:20.v41', expiresAtMs: null },
    ]);
    const [release] = s.releases;
    expect(release).toMatchObject({ runtime: 'python3.12', version: 'python:3.12.v15', halt: null, expiresAfterMs: null, fixes: null });
    expect(release?.incompatibility).toEqual({ share: 0.01, errorRate: 0.3, architectures: null, regions: null, packageTypes: null });
  });

  it('normalises weights in file order', () => {
    const s = scenarioOf(result);
    expect(s.fleet.regions.map((w) => w.name)).toEqual(['us-east-1', 'eu-west-1', 'ap-northeast-2']);
    expect(s.fleet.regions.map((w) => w.weight)).toEqual([0.5, 0.3, 0.2]);
    expect(s.fleet.updateModes).toEqual([
      { name: 'Auto', weight: 0.8 },
      { name: 'FunctionUpdate', weight: 0.15 },
      { name: 'Manual', weight: 0.05 },
    ]);
    for (const list of [s.fleet.regions, s.fleet.architectures, s.fleet.runtimes, s.fleet.packageTypes, s.fleet.updateModes]) {
      expect(list.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 12);
    }
  });

  it('completes the region waves: the listed ones first, then the rest in default order', () => {
    const waves = scenarioOf(result).releases[0]?.regionWaves ?? [];
    expect(waves.slice(0, 3)).toEqual([['us-east-1'], ['eu-west-1'], ['ap-northeast-2']]);
    expect(waves[3]).toEqual(['ca-west-1']);
    expect(waves.flat().sort()).toEqual([...COMMERCIAL_REGIONS].sort());
    // ap-northeast-2, eu-west-1 and us-east-1 are gone from their default waves; us-east-1's wave is gone entirely.
    expect(waves.at(-1)).toEqual(['ap-northeast-1', 'eu-central-1', 'us-east-2', 'us-west-2']);
    expect(waves).toHaveLength(3 + DEFAULT_REGION_WAVES.length - 1);
  });
});

describe('every validation error, in one pass, at its line and column', () => {
  const BAD = [
    /*  1 */ 'name: every mistake at once',
    /*  2 */ 'horizon: 30d',
    /*  3 */ 'sampleEvry: 6h',
    /*  4 */ 'replications: 2',
    /*  5 */ 'fleet:',
    /*  6 */ '  regions: { us-east-1: 0.5, us-est-2: 0.5 }',
    /*  7 */ '  architectures: { x86_64: 0, arm64: 0 }',
    /*  8 */ '  runtimes: { python3.12: 1, nodejs20.x: .inf }',
    /*  9 */ '  publishedVersionShare: 1.5',
    /* 10 */ '  deploys: { meanInterval: 14, inactiveShare: 0.1 }',
    /* 11 */ '  environmentLifetime: 2 hours',
    /* 12 */ 'runtimes:',
    /* 13 */ '  python3.12: { current: python:3.12.v14 }',
    /* 14 */ '  python3.12: { current: python:3.12.v13 }',
    /* 15 */ 'releases:',
    /* 16 */ '  - runtime: java21',
    /* 17 */ '    version: java:21.v2',
    /* 18 */ '    at: 1d',
    /* 19 */ '  - runtime: python3.12',
    /* 20 */ '    version: python:3.12.v15',
    /* 21 */ '    at: 5d',
    /* 22 */ '    fixes: python:3.12.v16',
    /* 23 */ '  - runtime: python3.12',
    /* 24 */ '    version: python:3.12.v15',
    /* 25 */ '    at: 10d',
    /* 26 */ '  - runtime: python3.12',
    /* 27 */ '    version: python:3.12.v16',
    /* 28 */ '    at: 10d',
  ].join('\n');

  const errors = errorsOf(parseScenario(BAD, 'bad.yaml'));
  const at = (path: string): ScenarioError => {
    const found = errors.find((e) => e.path === path);
    if (found === undefined) throw new Error(`no error at ${path}: ${errors.map(formatScenarioError).join('\n')}`);
    return found;
  };

  it('reports all of them, sorted by position', () => {
    expect(where(errors)).toEqual([
      '3:1 sampleEvry', // unknown key, at the key itself
      '6:3 fleet.functions', // missing required key, at the map that lacks it
      '6:30 fleet.regions.us-est-2', // unknown region, at the key
      '7:18 fleet.architectures', // weights sum to 0
      '8:42 fleet.runtimes.nodejs20.x', // .inf
      '9:26 fleet.publishedVersionShare', // share > 1
      '10:28 fleet.deploys.meanInterval', // bare number
      '11:24 fleet.environmentLifetime', // not a duration
      '14:3 runtimes.python3.12', // duplicate key
      '16:14 releases[0].runtime', // runtime not in the fleet
      '22:12 releases[1].fixes', // names a later release
      '24:14 releases[2].version', // duplicate label
    ]);
    expect(errors.every((e) => e.file === 'bad.yaml')).toBe(true);
  });

  it('suggests the key or name that was meant', () => {
    expect(at('sampleEvry').message).toBe('unknown key `sampleEvry`; did you mean `sampleEvery`?');
    expect(at('sampleEvry').allowed).toContain('sampleEvery');
    expect(at('fleet.regions.us-est-2').message).toBe('unknown region `us-est-2`; did you mean `us-east-2`?');
    expect(at('fleet.regions.us-est-2').allowed).toContain('eu-west-1');
  });

  it('says what is wrong and what is allowed', () => {
    expect(at('fleet.functions').message).toBe('required key `functions` is missing');
    expect(at('fleet.functions').allowed).toBe('a whole number from 1 to 50,000,000');
    expect(at('fleet.architectures').message).toMatch(/sum to 0/);
    expect(at('fleet.runtimes.nodejs20.x').message).toBe('must be a finite number, got `.inf`');
    expect(at('fleet.publishedVersionShare')).toMatchObject({ message: 'must be at most 1', allowed: 'a number from 0 to 1' });
    expect(at('fleet.deploys.meanInterval').message).toMatch(/has no unit/);
    expect(at('fleet.environmentLifetime').allowed).toMatch(/^a duration greater than 0, like 30m, 6h, 14d, 2w/);
    expect(at('runtimes.python3.12').message).toMatch(/duplicate key `python3.12`/);
    expect(at('releases[0].runtime')).toMatchObject({ message: 'runtime `java21` is not in fleet.runtimes', allowed: 'python3.12, nodejs20.x' });
    expect(at('releases[1].fixes').message).toMatch(/earlier release.*releases\[3\]/);
    expect(at('releases[2].version').message).toMatch(/already released by releases\[1\]/);
  });

  it('formats as file:line:col path: message (allowed: …)', () => {
    expect(formatScenarioError(at('fleet.publishedVersionShare'))).toBe(
      'bad.yaml:9:26 fleet.publishedVersionShare: must be at most 1 (allowed: a number from 0 to 1)',
    );
    expect(formatScenarioError({ file: 'f.yaml', line: 1, col: 1, path: '', message: 'the file is empty' })).toBe(
      'f.yaml:1:1 the file is empty',
    );
  });
});

describe('positions of other errors', () => {
  it('points into flow lists and nested waves', () => {
    const src = `${MINIMAL}\nreleases:\n  - { runtime: python3.12, version: v2, at: 1d, regionOrder: [us-east-1, [eu-west-1, us-east-1], eu-wst-3] }\n`;
    const errors = errorsOf(parseScenario(src, 'x.yaml'));
    expect(where(errors)).toEqual(['8:86 releases[0].regionOrder[1][1]', '8:98 releases[0].regionOrder[2]']);
    expect(errors[0]?.message).toMatch(/appears twice in regionOrder \(first at regionOrder\[0\]\)/);
    expect(errors[1]?.message).toBe('unknown region `eu-wst-3`; did you mean `eu-west-3`?');
  });

  it('points at the key when the value is empty', () => {
    const errors = errorsOf(parseScenario('name: x\nhorizon:\nfleet: 3\n', 'x.yaml'));
    expect(where(errors)).toEqual(['2:1 horizon', '3:8 fleet']);
  });

  it('reports the root map for missing top-level keys', () => {
    const errors = errorsOf(parseScenario('# comment\nseed: 3\n', 'x.yaml'));
    expect(where(errors)).toEqual(['2:1 name', '2:1 horizon', '2:1 fleet']);
  });

  it('reports a YAML syntax error where it is', () => {
    const errors = errorsOf(parseScenario('name: x\nhorizon: 10d: 5\n', 'x.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, col: 10, path: '' });
    expect(errors[0]?.message).toMatch(/^YAML: /);
  });

  it('follows aliases to the anchored value', () => {
    const src = `${MINIMAL}\nreleases:\n  - { runtime: python3.12, version: v2, at: 1d, incompatibility: &bad { share: 2, errorRate: 0 } }\n  - { runtime: python3.12, version: v3, at: 2d, incompatibility: *bad }\n`;
    const errors = errorsOf(parseScenario(src, 'x.yaml'));
    expect(where(errors)).toEqual(['8:80 releases[0].incompatibility.share', '8:80 releases[1].incompatibility.share']);
  });
});

describe('files that are not scenarios', () => {
  it('refuses an empty file', () => {
    for (const src of ['', '\n\n', '# only a comment\n']) {
      const errors = errorsOf(parseScenario(src, 'e.yaml'));
      expect(where(errors)).toEqual(['1:1 ']);
      expect(errors[0]?.message).toMatch(/empty/);
    }
  });

  it('refuses a document that is not a map', () => {
    expect(errorsOf(parseScenario('- a\n- b\n', 'l.yaml'))[0]?.message).toMatch(/must be a YAML map.*not a list/);
    expect(errorsOf(parseScenario('just text\n', 's.yaml'))[0]?.message).toMatch(/not `just text`/);
  });

  it('refuses an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    const errors = errorsOf(parseScenario(bomb, 'bomb.yaml'));
    expect(where(errors)).toEqual(['1:1 ']);
    expect(errors[0]?.message).toMatch(/alias bomb/);
  });

  it('refuses an alias without an anchor, where it is', () => {
    const errors = errorsOf(parseScenario('name: x\nhorizon: *h\n', 'a.yaml'));
    expect(errors).toEqual([{ file: 'a.yaml', line: 2, col: 10, path: '', message: 'alias `*h` has no anchor `&h` before it' }]);
  });

  it('refuses a second YAML document', () => {
    const errors = errorsOf(parseScenario(`${MINIMAL}\n---\nname: other\n`, 'm.yaml'));
    expect(errors[0]?.message).toMatch(/one YAML document/);
  });

  it('ignores a byte-order mark when counting columns', () => {
    const errors = errorsOf(parseScenario('\uFEFFname: 5\n', 'b.yaml'));
    expect(where(errors)).toContain('1:7 name');
    expect(where(errors)).toContain('1:1 horizon');
  });

  it('refuses binary garbage given as text, at the first control character', () => {
    const errors = errorsOf(parseScenario('name: x\nab\u0000\u0001\u0002', 'bin.yaml'));
    expect(errors[0]).toMatchObject({ line: 2, col: 3 });
    expect(errors[0]?.message).toMatch(/control character U\+0000/);
  });

  it('refuses absurdly deep nesting without crashing', () => {
    const errors = errorsOf(parseScenario(`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'deep.yaml'));
    expect(errors[0]).toMatchObject({ line: 1, col: 68 });
    expect(errors[0]?.message).toMatch(/too deeply/);
    expect(errorsOf(parseScenario(`${'- '.repeat(50_000)}x\n`, 'deep.yaml'))[0]?.message).toMatch(/too deeply/);
  });

  it('refuses text over 1 MiB', () => {
    const errors = errorsOf(parseScenario(`${MINIMAL}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`, 'big.yaml'));
    expect(where(errors)).toEqual(['1:1 ']);
    expect(errors[0]?.message).toMatch(/limited to 1048576 bytes \(1 MiB\)/);
  });
});

describe('loadScenarioFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scenario-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a missing file as an error at 1:1', async () => {
    const path = join(dir, 'missing.yaml');
    const errors = errorsOf(await loadScenarioFile(path));
    expect(errors).toEqual([{ file: path, line: 1, col: 1, path: '', message: 'cannot read the scenario file: no such file or folder' }]);
  });

  it('reports a directory', async () => {
    expect(errorsOf(await loadScenarioFile(dir))[0]?.message).toMatch(/not a regular file/);
  });

  it('refuses a file over 1 MiB without parsing it', async () => {
    const path = join(dir, 'big.yaml');
    await writeFile(path, `${MINIMAL}\n# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    const errors = errorsOf(await loadScenarioFile(path));
    expect(where(errors)).toEqual(['1:1 ']);
    expect(errors[0]?.message).toMatch(/1 MiB/);
  });

  it('refuses binary garbage', async () => {
    const path = join(dir, 'garbage.bin');
    await writeFile(path, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)));
    const errors = errorsOf(await loadScenarioFile(path));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 1, col: 1, path: '' });
    expect(errors[0]?.message).toMatch(/not UTF-8 text/);
  });

  it('reads a valid file', async () => {
    const path = join(dir, 'ok.yaml');
    await writeFile(path, MINIMAL);
    expect(scenarioOf(await loadScenarioFile(path)).name).toBe('minimal');
  });
});

describe('normalisation details', () => {
  it('fills every default of a minimal file', () => {
    const s = scenarioOf(parseScenario(MINIMAL, 'm.yaml'));
    expect(s).toMatchObject({ seed: 1, sampleEveryMs: DAY, replications: 1, releases: [], warnings: [] });
    expect(s.fleet.architectures).toEqual([{ name: 'x86_64', weight: 1 }]);
    expect(s.fleet.packageTypes).toEqual([{ name: 'Zip', weight: 1 }]);
    expect(s.fleet.updateModes).toEqual([{ name: 'Auto', weight: 1 }]);
    expect(s.runtimes).toEqual([{ id: 'python3.12', current: 'python:3.12.v1', expiresAtMs: null }]);
    expect(s.outputs).toEqual({ initStartLog: null, events: false });
    expect(s.policy).toEqual({ denyRuntimeManagementConfig: false, exceptionApprovalMs: 2 * DAY });
  });

  it('drops zero weights and normalises the rest', () => {
    const src = MINIMAL.replace('regions: { us-east-1: 1 }', 'regions: { eu-west-1: 3, us-east-1: 0, ap-south-1: 1 }');
    expect(scenarioOf(parseScenario(src, 'm.yaml')).fleet.regions).toEqual([
      { name: 'eu-west-1', weight: 0.75 },
      { name: 'ap-south-1', weight: 0.25 },
    ]);
  });

  it('reads the function-version keys of issue 10, with their defaults', () => {
    const defaults = scenarioOf(parseScenario(`${MINIMAL}\nreleases:\n  - { runtime: python3.12, version: a, at: 1d }\n`, 'm.yaml'));
    expect(defaults.fleet).toMatchObject({ publishedVersions: { retain: 3 }, configUpdates: { meanIntervalMs: null }, idleEnvironments: 1 });
    expect(defaults.runtimes[0]).toMatchObject({ expiresAtMs: null });
    expect(defaults.releases[0]).toMatchObject({ baseImageAtMs: null });
    const src = [
      'name: versions', 'horizon: 10d', 'fleet:', '  functions: 10', '  regions: { us-east-1: 1 }', '  runtimes: { python3.12: 1 }',
      '  publishedVersions: { retain: 5 }', '  configUpdates: { meanInterval: 3d }', '  idleEnvironments: 0',
      'runtimes:', '  python3.12: { current: python:3.12.v14, expiresAt: 4d }',
      'releases:', '  - { runtime: python3.12, version: python:3.12.v15, at: 1d, baseImage: { at: 2d },',
      '      halt: { afterFailingFunctions: 2, rollback: { startAfter: 1h, duration: 4d } } }', '',
    ].join('\n');
    const s = scenarioOf(parseScenario(src, 'v.yaml'));
    expect(s.fleet).toMatchObject({ publishedVersions: { retain: 5 }, configUpdates: { meanIntervalMs: 3 * DAY }, idleEnvironments: 0 });
    expect(s.runtimes[0]).toMatchObject({ expiresAtMs: 4 * DAY });
    expect(s.releases[0]).toMatchObject({ baseImageAtMs: 2 * DAY, halt: { afterFailingFunctions: 2, delayMs: 0, rollback: { startAfterMs: HOUR, durationMs: 4 * DAY } } });
  });

  it('refuses a retain outside 1–16 at its position, naming the key', () => {
    const errors = errorsOf(parseScenario(`${MINIMAL}\n  publishedVersions: { retain: 0 }\n`, 'r.yaml'));
    expect(errors.length).toBe(1);
    expect(errors[0]!.path).toContain('fleet.publishedVersions.retain');
    expect(errors[0]!.line).toBe(7);
  });

  it('sorts releases by time, ties in file order, with default waves and optional parts', () => {
    const src = `${MINIMAL}\nreleases:
  - { runtime: python3.12, version: c, at: 5d }
  - { runtime: python3.12, version: a, at: 1d, halt: { afterFailingFunctions: 3 }, expiresAfter: 30d }
  - { runtime: python3.12, version: b, at: 5d, fixes: a, regionInterval: 0s,
      incompatibility: { share: 0.5, errorRate: 1, architectures: [arm64, arm64], packageTypes: [Image] } }
`;
    const releases = scenarioOf(parseScenario(src, 'm.yaml')).releases;
    expect(releases.map((r) => r.version)).toEqual(['a', 'c', 'b']);
    expect(releases[0]).toMatchObject({ halt: { afterFailingFunctions: 3, delayMs: 0, rollback: { startAfterMs: 0, durationMs: 86_400_000 } }, expiresAfterMs: 30 * DAY });
    expect(releases[0]?.regionWaves).toEqual(DEFAULT_REGION_WAVES);
    expect(releases[2]).toMatchObject({ fixes: 'a', regionIntervalMs: 0 });
    expect(releases[2]?.incompatibility).toEqual({ share: 0.5, errorRate: 1, architectures: ['arm64'], regions: null, packageTypes: ['Image'] });
  });

  it('forces Auto under an organisation-wide deny (R19), with a warning naming the line', () => {
    const src = `${MINIMAL}\n  updateModes: { Auto: 0.5, Manual: 0.5 }\npolicy: { denyRuntimeManagementConfig: true }\n`;
    const s = scenarioOf(parseScenario(src, 'deny.yaml'));
    expect(s.fleet.updateModes).toEqual([{ name: 'Auto', weight: 1 }]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/^deny\.yaml:7:16 .*R19/);
  });

  it('does not warn when the modes are already only Auto', () => {
    const src = `${MINIMAL}\n  updateModes: { Auto: 1, Manual: 0 }\npolicy: { denyRuntimeManagementConfig: true }\n`;
    expect(scenarioOf(parseScenario(src, 'deny.yaml')).warnings).toEqual([]);
  });
});

describe('cross-field rules', () => {
  const errorsFor = (extra: string) => errorsOf(parseScenario(`${MINIMAL}\n${extra}`, 'x.yaml'));

  it('sampleEvery must not exceed the horizon, given or by default', () => {
    expect(where(errorsFor('sampleEvery: 11d'))).toEqual(['7:14 sampleEvery']);
    expect(where(errorsOf(parseScenario(MINIMAL.replace('horizon: 10d', 'horizon: 12h'), 'x.yaml')))).toEqual(['2:10 horizon']);
  });

  it('runtimes entries must be runtimes of the fleet', () => {
    const errors = errorsFor('runtimes:\n  python3.13: { current: python:3.13.v2 }');
    expect(where(errors)).toEqual(['8:3 runtimes.python3.13']);
    expect(errors[0]?.message).toBe('runtime `python3.13` is not in fleet.runtimes; did you mean `python3.12`?');
  });

  it('a release must come before the horizon and bring a new label', () => {
    const errors = errorsFor('releases:\n  - { runtime: python3.12, version: python:3.12.v1, at: 10d }');
    expect(where(errors)).toEqual(['8:37 releases[0].version', '8:57 releases[0].at']);
    expect(errors[0]?.message).toMatch(/is the current version of python3.12/);
    expect(errors[1]?.message).toMatch(/before the horizon/);
  });

  it('fixes must name an existing, earlier release of the same runtime', () => {
    const errors = errorsFor(
      [
        'releases:',
        '  - { runtime: python3.12, version: v2, at: 1d, fixes: v2 }',
        '  - { runtime: python3.12, version: v3, at: 1d, fixes: v4 }',
        '  - { runtime: python3.12, version: v4, at: 1d, fixes: v9 }',
        '  - { runtime: python3.12, version: v5, at: 1d, fixes: v3 }',
      ].join('\n'),
    );
    expect(where(errors)).toEqual(['8:56 releases[0].fixes', '9:56 releases[1].fixes', '10:56 releases[2].fixes']);
    expect(errors.map((e) => e.message)).toEqual([
      'a release cannot fix itself',
      'fixes must name an earlier release, but `v4` (releases[2], at 1d) comes later',
      'fixes names `v9`, which is not a release of python3.12; did you mean `v2`?',
    ]);
  });
});

describe('keys that could pollute prototypes', () => {
  it('treats __proto__ and constructor as unknown keys and pollutes nothing', () => {
    const src = `${MINIMAL}\n  __proto__: { polluted: true }\nconstructor: { polluted: true }\nruntimes: { __proto__: { current: x } }\n`;
    const errors = errorsOf(parseScenario(src, 'p.yaml'));
    expect(where(errors)).toEqual(['7:3 fleet.__proto__', '8:1 constructor', '9:13 runtimes.__proto__']);
    expect(errors[0]?.message).toBe('unknown key `__proto__`');
    expect(errors[2]?.message).toBe('unknown runtime `__proto__`');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
