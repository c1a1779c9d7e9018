/**
 * Hostile scenario files: named attacks, then seeded mutations (test/reliability/mutate.ts) of
 * every file in scenarios/. Each file must either load (and then run, cut down to a tiny
 * size, with every invariant of invariants.ts holding) or be refused with `file:line:col` on
 * every error: never an uncaught exception. A few go through the built CLI too (`validate`
 * and `run`: exit 0 or 2, no stack trace, nothing written on refusal).
 *
 * Quick: the named cases, 2,000 mutations in process, 20 files through the CLI. With
 * LRS_SLOW_FUZZ=1: 20,000 more mutations, figures printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../src/batch/workerFile.js';
import { estimateRun } from '../../src/batch/estimate.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { MUTATION_NAMES, mutateScenarioText, type MutatedFile } from './mutate.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { formatScenarioError, parseScenario } from '../../src/scenario/load.js';
import { capScenario, ERROR_LINE, outcomeProblems, scenarioSources, type Source } from './hostile.js';
import { checkReplication } from './invariants.js';

const SLOW = process.env.LRS_SLOW_FUZZ === '1';
const SOURCES = scenarioSources();

const BASE = [
  'name: tiny',
  'horizon: 10d',
  'fleet:',
  '  functions: 10',
  '  regions: { us-east-1: 1 }',
  '  runtimes: { python3.12: 1 }',
  'releases:',
  '  - { runtime: python3.12, version: python:3.12.v2, at: 1d }',
  '',
].join('\n');

const aliasBomb = (levels: number): string =>
  Array.from({ length: levels }, (_, l) =>
    l === 0 ? 'l0: &a0 [x, x, x, x, x, x, x, x, x]' : `l${l}: &a${l} [${Array(9).fill(`*a${l - 1}`).join(', ')}]`).join('\n');

/** Named attacks: [text, what the first error says (undefined: the file loads)]. */
const NAMED: Readonly<Record<string, readonly [string, RegExp | undefined]>> = {
  'alias bomb (billion laughs)': [BASE + aliasBomb(9), /alias bomb/],
  'more than 100 aliases': [BASE + `a: &a x\nmany: [${Array(101).fill('*a').join(', ')}]\n`, /alias bomb/],
  'flow nesting 100,000 deep': [BASE.replace('functions: 10', `functions: ${'['.repeat(100_000)}${']'.repeat(100_000)}`), /nests too deeply/],
  'block nesting 200 deep': [BASE + 'deep:\n' + Array.from({ length: 200 }, (_, d) => `${' '.repeat(2 + 2 * d)}a:`).join('\n') + '\n', /nests too deeply/],
  'duplicate key': [BASE.replace('  functions: 10', '  functions: 10\n  functions: 20'), /duplicate key `functions`/],
  '__proto__ region': [BASE.replace('{ us-east-1: 1 }', '{ us-east-1: 1, __proto__: 1 }'), /unknown region `__proto__`/],
  '__proto__ key': [BASE + '__proto__: { polluted: true }\n', /unknown key `__proto__`/],
  'constructor key': [BASE + 'constructor: 1\n', /unknown key `constructor`/],
  'constructor region': [BASE.replace('{ us-east-1: 1 }', '{ us-east-1: 1, constructor: 1 }'), /unknown region `constructor`/],
  '1e309': [BASE.replace('functions: 10', 'functions: 1e309'), /finite number/],
  '-0 seed': [BASE.replace('name: tiny', 'name: tiny\nseed: -0'), undefined],
  '.nan weight': [BASE.replace('{ us-east-1: 1 }', '{ us-east-1: .nan }'), /finite number/],
  '.inf weight': [BASE.replace('{ us-east-1: 1 }', '{ us-east-1: .inf }'), /finite number/],
  'huge integer': [BASE.replace('functions: 10', 'functions: 123456789012345678901234567890'), /must be at most/],
  'unsafe seed': [BASE.replace('name: tiny', 'name: tiny\nseed: 9007199254740993'), /must be at most/],
  'negative duration': [BASE.replace('horizon: 10d', 'horizon: -1d'), /negative/],
  'zero horizon': [BASE.replace('horizon: 10d', 'horizon: 0d'), /zero/],
  'zero phase 2 (allowed)': [BASE.replace('at: 1d }', 'at: 1d, phase2: { startAfter: 0s, duration: 0s } }'), undefined],
  'weights summing to 0': [BASE.replace('{ us-east-1: 1 }', '{ us-east-1: 0, eu-west-1: 0 }'), /sum to 0/],
  'unknown region': [BASE.replace('{ us-east-1: 1 }', '{ eu-wset-1: 1 }'), /sum to 0|unknown region `eu-wset-1`; did you mean `eu-west-1`/],
  'unknown runtime': [BASE.replace('{ python3.12: 1 }', '{ python2.7: 1 }'), /sum to 0|unknown runtime/],
  'release on a runtime outside the fleet': [BASE.replace('runtime: python3.12,', 'runtime: nodejs22.x,'), /not in fleet\.runtimes/],
  'unknown version in fixes': [BASE.replace('at: 1d }', 'at: 1d, fixes: python:3.12.v99 }'), /not a release of python3\.12/],
  'release series of a billion (repeat every 1ms)': [BASE.replace('at: 1d }', 'at: 1d, repeat: { every: 1ms } }'), /at most 10,000 are allowed/],
  'invocation rate overflowing Float32': [BASE.replace('  runtimes: { python3.12: 1 }', '  runtimes: { python3.12: 1 }\n  invocationsPerDay: { median: 1e300, sigma: 1000 }'), /at most 1,000,000,000/],
  'terminal escape in a key': [BASE + '"bad\\nkey\\u001b[2J": 1\n', /unknown key `bad\\nkey\\u001b\[2J`/],
  'cyclic alias': [BASE.replace('fleet:', 'fleet: &f').replace('  runtimes: { python3.12: 1 }', '  runtimes: { python3.12: 1 }\n  deploys: *f'), /unknown key/],
  'empty file': ['', /empty/],
  'comment only': ['# nothing\n', /empty/],
  'binary garbage': ['\u0000\u0001\u00ff\u00fe garbage', /control character/],
  'over the size limit': [BASE + `#${'x'.repeat(MAX_FILE_BYTES)}\n`, /limited to 1048576 bytes/],
};

describe('named hostile files', () => {
  for (const [name, [text, expected]] of Object.entries(NAMED)) {
    it(name, () => {
      const result = parseScenario(text, 'hostile.yaml');
      expect(outcomeProblems(result, text, 'hostile.yaml')).toEqual([]);
      if (expected === undefined) expect(result.ok).toBe(true);
      else {
        expect(result.ok).toBe(false);
        // As printed: one line per error, control characters escaped.
        if (!result.ok) expect(result.errors.map(formatScenarioError).join('\n')).toMatch(expected);
      }
    });
  }
});

interface Tally {
  mutations: number;
  loaded: number;
  refused: number;
  ran: number;
  byMutation: Map<string, number>;
}

/** One mutation through the loader, and a cut-down run when it loads. Throws on any problem. */
function fuzzOne(source: Source, seed: number, tally: Tally): void {
  const m = mutateScenarioText(source.text, seed);
  const where = `seed ${seed} of ${source.name} (${m.applied.join(' + ')})`;
  tally.mutations++;
  for (const name of m.applied) tally.byMutation.set(name, (tally.byMutation.get(name) ?? 0) + 1);
  let result;
  try {
    result = parseScenario(m.text, 'fuzz.yaml');
  } catch (error) {
    throw new Error(`${where}: parseScenario threw: ${(error as Error).stack}`);
  }
  const problems = outcomeProblems(result, m.text, 'fuzz.yaml');
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  if (!result.ok) {
    tally.refused++;
    return;
  }
  tally.loaded++;
  // The estimate must hold up on whatever the file asked for (never NaN, never a throw).
  const estimate = estimateRun(result.scenario, { replications: result.scenario.replications, keepPatches: true, keepChanges: true });
  if (Number.isNaN(estimate.peakMemoryBytes) || Number.isNaN(estimate.outputBytes) || estimate.peakMemoryBytes <= 0) {
    throw new Error(`${where}: estimate ${estimate.peakMemoryBytes} bytes, output ${estimate.outputBytes}`);
  }
  const tiny = capScenario(result.scenario);
  const run = simulateReplication(tiny, 0, { seed: tiny.seed, keepPatches: true, keepChanges: true });
  const violations = checkReplication(tiny, run);
  if (violations.length > 0) throw new Error(`${where}: ${violations.join('; ')}`);
  tally.ran++;
}

function fuzz(count: number, firstSeed: number): Tally {
  const tally: Tally = { mutations: 0, loaded: 0, refused: 0, ran: 0, byMutation: new Map() };
  for (let i = 0; i < count; i++) fuzzOne(SOURCES[i % SOURCES.length]!, firstSeed + i, tally);
  return tally;
}

describe('seeded mutations of the scenario files', () => {
  it('2,000 mutations: each loads and runs, or is refused with file:line:col', () => {
    const tally = fuzz(2_000, 0);
    expect(tally.mutations).toBe(2_000);
    expect(tally.loaded).toBeGreaterThan(50); // enough files survive to exercise normalise and the model
    // Every kind of mutation was tried.
    for (const name of MUTATION_NAMES) expect(tally.byMutation.get(name) ?? 0, name).toBeGreaterThan(0);
  }, 60_000);

  it.runIf(SLOW)('20,000 mutations (slow job)', () => {
    const seed = Number(process.env.LRS_FUZZ_SEED ?? 1_000_000);
    const started = performance.now();
    const tally = fuzz(20_000, seed);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `slow mutation fuzz: ${tally.mutations} mutations (seeds ${seed}…${seed + tally.mutations - 1}) of ${SOURCES.length} files: ` +
        `${tally.refused} refused with file:line:col, ${tally.loaded} loaded, ${tally.ran} ran with invariants holding, 0 uncaught; ${seconds.toFixed(1)} s`,
    );
  }, 1_800_000);
});

// --- through the built CLI -------------------------------------------------------------------

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runNode(args: readonly string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/main.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inPool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** stderr of a refusal: every line `file:line:col …` (or a warning), no stack trace. */
function stderrProblems(stderr: string, file: string): string[] {
  const problems: string[] = [];
  if (/\n\s+at /.test(stderr)) problems.push('stack trace');
  for (const line of stderr.split('\n').filter((l) => l !== '')) {
    if (line.startsWith('warning: ')) continue;
    const m = ERROR_LINE.exec(line);
    if (m === null || m[1] !== file) problems.push(`line without file:line:col: ${JSON.stringify(line.slice(0, 200))}`);
  }
  return problems;
}

/** Small enough to run through the CLI in about a second. */
function isTiny(text: string): boolean {
  const r = parseScenario(text, 'x.yaml');
  if (!r.ok || r.sweep !== null) return false;
  const s = r.scenario;
  const e = estimateRun(s, { replications: s.replications, keepPatches: true, keepChanges: s.outputs.events });
  return s.fleet.functions * s.replications <= 2_000 && s.horizonMs <= 400 * 86_400_000 && e.peakMemoryBytes < 200e6 && e.outputBytes < 50e6;
}

describe('hostile files through the built CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrs-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('20 files: validate and run exit 0 or 2, errors carry file:line:col, no stack trace, nothing written on refusal', async () => {
    ensureBuilt(process.cwd());
    const tinySources = SOURCES.filter((s) => s.name.startsWith('tiny-'));
    const files: { name: string; file: MutatedFile }[] = [
      { name: 'invalid-utf8.yaml', file: { text: 'name: \u00ff\u00fe\u00c3(\n', encoding: 'latin1', applied: ['binary'] } },
      { name: 'oversize.yaml', file: { text: NAMED['over the size limit']![0], encoding: 'utf8', applied: ['oversize'] } },
      { name: 'alias-bomb.yaml', file: { text: NAMED['alias bomb (billion laughs)']![0], encoding: 'utf8', applied: ['aliasBomb'] } },
      { name: 'escape.yaml', file: { text: NAMED['terminal escape in a key']![0], encoding: 'utf8', applied: ['hostileName'] } },
      { name: 'tiny.yaml', file: { text: BASE, encoding: 'utf8', applied: [] } },
    ];
    // Mutations of the tiny sources: the first ones that load and are tiny (to run), then refused ones.
    let loaded = 0;
    for (let seed = 0; files.length < 20 && seed < 5_000; seed++) {
      const m = mutateScenarioText(tinySources[seed % tinySources.length]!.text, 7_000 + seed);
      const ok = isTiny(m.text);
      if (ok && loaded >= 8) continue;
      if (!ok && files.length - loaded >= 12) continue;
      if (ok) loaded++;
      files.push({ name: `mutant-${seed}.yaml`, file: m });
    }
    expect(files.length).toBe(20);

    let ran = 0;
    await inPool(files, 3, async ({ name, file }) => {
      const path = join(dir, name);
      writeFileSync(path, Buffer.from(file.text, file.encoding));
      const what = `${name} (${file.applied.join(' + ') || 'unmutated'})`;
      const validate = await runNode(['validate', path]);
      expect([0, 2], `${what}: validate exit ${validate.code}\n${validate.stderr}`).toContain(validate.code);
      expect(stderrProblems(validate.stderr, path), what).toEqual([]);
      if (validate.code === 0) expect(validate.stdout).toContain(`${path}: ok`);

      const out = join(dir, `${name}.out`);
      const tiny = file.encoding === 'utf8' && validate.code === 0 && isTiny(file.text);
      if (validate.code === 0 && !tiny) return; // loads, but too big to run here
      const run = await runNode(['run', path, '--out', out, '--quiet', '--workers', '1', '--no-parquet']);
      expect([0, 2], `${what}: run exit ${run.code}\n${run.stderr}`).toContain(run.code);
      expect(/\n\s+at /.test(run.stderr), `${what}: stack trace\n${run.stderr}`).toBe(false);
      if (run.code === 0) {
        expect(existsSync(join(out, 'summary.json')), what).toBe(true);
        ran++;
      } else {
        expect(stderrProblems(run.stderr, path), what).toEqual([]);
        expect(existsSync(out), `${what}: refused, but wrote ${out}`).toBe(false);
      }
    });
    expect(ran).toBeGreaterThanOrEqual(5);
  }, 300_000); // ~40 CLI processes; on a loaded 2-core machine 120 s was not enough (timed out at a load of 6)
});
