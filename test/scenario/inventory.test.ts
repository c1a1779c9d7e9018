/**
 * `fleet.inventory` end to end on the fixture inventory (test/fixtures/inventory): the fleet
 * file is written by the real `fleet import` code, a scenario runs on it, and the t = 0 sample
 * of timeseries.csv must count exactly what the raw CLI documents say, counted here by a
 * separate reading of the fixture JSON (not through src/fleet): functions by region,
 * architecture, runtime, package type, update mode of the serving version (R7, R12, R14), and
 * runtime version label. Labels are given by `runtimes.<id>.arns`, built by inverting the
 * fixture's ARN construction (sha256 of `<label>/<architecture>`, fixture README). Tolerance: exact.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFleet } from '../../src/fleet/importFleet.js';
import { fleetFileChunks } from '../../src/fleet/writeFleet.js';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import { MANAGED_RUNTIMES } from '../../src/model/catalog/runtimes.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { timeseriesTable } from '../../src/output/timeseriesCsv.js';
import { loadScenarioFile, type LoadResult } from '../../src/scenario/load.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/inventory');

type Doc = Record<string, any>;
/** Every JSON document of the fixture (each starts with `{` at the start of a line, README). */
const docs: Doc[] = readdirSync(FIXTURE).filter((n) => n.endsWith('.json')).flatMap((n) =>
  readFileSync(join(FIXTURE, n), 'utf8').split(/^(?=\{)/m).filter((t) => t.trim() !== '').map((t) => JSON.parse(t) as Doc));

// --- the fixture, read independently -------------------------------------------------------
const base = (arn: string): string => arn.split(':').slice(0, 7).join(':');
const qualifierOf = (arn: string): string => arn.split(':')[7] ?? '$LATEST';
const listed = docs.flatMap((d) => (d.Functions ?? d.Versions ?? []) as Doc[]);
const functions = [...new Map(listed.filter((c) => (c.Version ?? '$LATEST') === '$LATEST').map((c) => [base(c.FunctionArn), c])).values()];
const aliases = docs.flatMap((d) => (d.Aliases ?? []) as Doc[]);
const configs = docs.filter((d) => d.Configuration !== undefined).map((d) => d.Configuration as Doc);
const management = docs.filter((d) => d.UpdateRuntimeOn !== undefined);

/** Inverse of the fixture's ARN construction over every plausible label `<prefix>.v1…v300`. */
const labelOfArn = new Map<string, string>();
for (const r of MANAGED_RUNTIMES) for (let n = 1; n <= 300; n++) for (const arch of ['x86_64', 'arm64']) {
  labelOfArn.set(createHash('sha256').update(`${r.labelPrefix}.v${n}/${arch}`).digest('hex'), `${r.labelPrefix}.v${n}`);
}
const labelOf = (arn: string): string => labelOfArn.get(arn.split(':').at(-1)!)!;
const labelNumber = (label: string): number => Number(label.split('.v').at(-1));

interface Expected { region: string; architecture: string; runtime: string; packageType: string; mode: string; label: string | null }
function expected(): Expected[] {
  return functions.map((c) => {
    const arn = base(c.FunctionArn);
    const fnAliases = aliases.filter((a) => base(a.AliasArn) === arn);
    const alias = ['live', 'prod', 'production'].map((n) => fnAliases.find((a) => a.Name === n)).find((a) => a !== undefined);
    const q = alias?.FunctionVersion ?? '$LATEST';
    const m = management.find((d) => base(d.FunctionArn) === arn && qualifierOf(d.FunctionArn) === q);
    const mode = c.PackageType === 'Image' ? '' : (m?.UpdateRuntimeOn ?? 'Auto'); // R2: no output → Auto
    const conf = configs.find((x) => base(x.FunctionArn) === arn && qualifierOf(x.FunctionArn) === q);
    const arnNow = conf?.RuntimeVersionConfig?.RuntimeVersionArn ?? (mode === 'Manual' ? m?.RuntimeVersionArn : undefined);
    return {
      region: arn.split(':')[3]!, architecture: (c.Architectures ?? ['x86_64'])[0], runtime: c.Runtime ?? '(image)',
      packageType: c.PackageType ?? 'Zip', mode, label: arnNow === undefined ? null : labelOf(arnNow),
    };
  });
}

// --- the simulator ------------------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'inventory-'));
writeFileSync(join(dir, 'fleet.json'), [...fleetFileChunks(importFleet([FIXTURE], { windowDays: 365 }).fleet)].join(''));

/** `runtimes.<id>.arns` from every ARN in the fixture, labels oldest first, the newest current. */
function arnsYaml(): string {
  const byRuntime = new Map<string, Map<string, Set<string>>>();
  for (const c of [...configs, ...management]) {
    const arn = c.RuntimeVersionConfig?.RuntimeVersionArn ?? c.RuntimeVersionArn;
    if (arn == null) continue;
    const label = labelOf(arn);
    const runtime = MANAGED_RUNTIMES.find((r) => label.startsWith(`${r.labelPrefix}.v`))!.id;
    const m = byRuntime.get(runtime) ?? new Map<string, Set<string>>();
    m.set(label, (m.get(label) ?? new Set()).add(arn));
    byRuntime.set(runtime, m);
  }
  return [...byRuntime].map(([runtime, m]) => {
    const labels = [...m].sort((a, b) => labelNumber(a[0]) - labelNumber(b[0]));
    const current = labels.at(-1)![0];
    return `  ${runtime}:\n    current: "${current}"\n    arns:\n${labels.map(([l, arns]) => `      "${l}": [${[...arns].map((a) => `"${a}"`).join(', ')}]`).join('\n')}`;
  }).join('\n');
}

async function load(fleetYaml: string, extra = ''): Promise<LoadResult> {
  const file = join(dir, `s${Math.abs(hash(fleetYaml + extra))}.yaml`);
  writeFileSync(file, `name: fixture fleet\nseed: 3\nhorizon: 2d\nsampleEvery: 1d\nfleet:\n${fleetYaml}\n${extra}`);
  return loadScenarioFile(file);
}
const hash = (s: string): number => [...s].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);

describe('fleet.inventory on the fixture inventory', () => {
  it('counts the inventory exactly at t = 0 (region, architecture, runtime, package type, mode, version)', async () => {
    const loaded = await load('  inventory: fleet.json', `runtimes:\n${arnsYaml()}\n`);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const s = loaded.scenario;
    const result = simulateReplication(s, 0, { seed: 3, keepPatches: false });
    const rows = [...timeseriesTable.rows(s, buildVersionTable(s), result)].filter((r) => r[1] === 0);
    const got = new Map<string, number>();
    for (const r of rows) got.set(r.slice(2, 8).join('|'), (got.get(r.slice(2, 8).join('|')) ?? 0) + Number(r[8]));
    const want = new Map<string, number>();
    const current = (runtime: string): string => s.runtimes.find((r) => r.id === runtime)!.current;
    for (const e of expected()) {
      // README: an image function follows the most common Zip runtime (ties: first id); runs its current version.
      const runtime = e.runtime === '(image)' ? 'java21' : e.runtime;
      const key = [e.region, e.architecture, runtime, e.packageType, e.mode, e.label ?? current(runtime)].join('|');
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    expect(functions).toHaveLength(7);
    expect(got).toEqual(want);
  });

  it('labels ARNs automatically when the scenario gives none: the most common ARN is current', async () => {
    const loaded = await load('  inventory: fleet.json');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const s = loaded.scenario;
    const result = simulateReplication(s, 0, { seed: 3, keepPatches: false });
    const rows = [...timeseriesTable.rows(s, buildVersionTable(s), result)].filter((r) => r[1] === 0);
    expect(rows.reduce((n, r) => n + Number(r[8]), 0)).toBe(7);
    // orders-api serves version 3, on the ARN 2 of its 4 versions run (…c884a07ad2): the current version.
    expect(rows.filter((r) => r[4] === 'python3.12').map((r) => r[7])).toEqual(['python:3.12.v1']);
    // billing-worker's 3 versions run 3 ARNs once each: ties broken by ARN text (4e60…, 5cc9…, 75dc…);
    // the alias serves version 2 on 4e60…: the current version; the two others are earlier ones.
    expect(rows.filter((r) => r[4] === 'java21' && r[5] === 'Zip').map((r) => r[7])).toEqual(['java:21.v1']);
    expect(s.runtimes.find((r) => r.id === 'java21')!.earlier).toEqual(['java:21.v1~earlier2', 'java:21.v1~earlier1']);
  });

  it('switchAutoTo: the Auto versions (and only they) run in the new mode from time 0', async () => {
    const modesAt0 = async (extra: string): Promise<Map<string, number>> => {
      const loaded = await load(`  inventory: fleet.json${extra}`);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const s = loaded.scenario;
      const out = new Map<string, number>();
      for (const r of timeseriesTable.rows(s, buildVersionTable(s), simulateReplication(s, 0, { seed: 3, keepPatches: false }))) {
        if (r[1] === 0) out.set(String(r[6]), (out.get(String(r[6])) ?? 0) + Number(r[8]));
      }
      return out;
    };
    const want = new Map<string, number>();
    for (const e of expected()) want.set(e.mode, (want.get(e.mode) ?? 0) + 1);
    expect(await modesAt0('')).toEqual(want);
    const switched = new Map(want);
    switched.set('FunctionUpdate', (want.get('FunctionUpdate') ?? 0) + (want.get('Auto') ?? 0));
    switched.delete('Auto');
    expect(await modesAt0('\n  switchAutoTo: FunctionUpdate')).toEqual(switched);
  });

  it('refuses switchAutoTo without an inventory', async () => {
    const loaded = await load('  functions: 10\n  regions: { eu-west-1: 1 }\n  runtimes: { python3.12: 1 }\n  switchAutoTo: Manual');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]!.path).toBe('fleet.switchAutoTo');
  });

  it('refuses functions next to inventory, naming both keys with a position', async () => {
    const loaded = await load('  inventory: fleet.json\n  functions: 10');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors[0]!.path).toBe('fleet.functions');
    expect(loaded.errors[0]!.line).toBe(7);
    expect(loaded.errors[0]!.message).toMatch(/fleet\.functions and fleet\.inventory/);
  });

  it('names a runtime the simulator does not know, with how many functions use it', async () => {
    const fleet = JSON.parse(readFileSync(join(dir, 'fleet.json'), 'utf8'));
    const edge = fleet.functions.find((f: { functionName: string }) => f.functionName === 'edge-auth');
    edge.runtime = 'nodejs16.x';
    for (const v of edge.versions) v.runtime = 'nodejs16.x';
    writeFileSync(join(dir, 'old.json'), JSON.stringify(fleet));
    const loaded = await load('  inventory: old.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors[0]!.path).toBe('fleet.inventory');
    expect(loaded.errors[0]!.message).toMatch(/^runtime nodejs16\.x \(1 function\(s\)\) is not a managed runtime this simulator knows; allowed: .*nodejs18\.x/);
  });

  it('reports a missing fleet file at the key, without a stack trace', async () => {
    const loaded = await load('  inventory: nowhere.json');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.errors[0]!.path).toBe('fleet.inventory');
    expect(loaded.errors[0]!.line).toBe(6);
    expect(loaded.errors[0]!.message).toMatch(/cannot use nowhere\.json/);
  });
});
