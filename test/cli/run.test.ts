/** The `run` command end to end, in process: outputs, determinism, and refusals. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { RUNTIME_VERSION_ARN_PATTERN } from '../../src/model/catalog/arn.js';
import { runReplications } from '../batch/runReplications.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import '../batch/helpers.js'; // builds dist/ if stale: `run` simulates on worker threads from the build

const EXAMPLE = 'scenarios/python-patch-incompatibility.yaml';

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'lrs-run-'));

/** Every file under `dir` (charts/ included), by relative path. */
function readAll(dir: string): Record<string, string> {
  return Object.fromEntries(
    (readdirSync(dir, { recursive: true }) as string[]).sort()
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

describe('run on the issue example (unchanged)', async () => {
  const dir = tmp();
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const ioA = captureIo();
  const codeA = await runCli(['run', EXAMPLE, '--out', a, '--quiet'], ioA);
  const codeB = await runCli(['run', EXAMPLE, '--out', b, '--quiet'], captureIo());

  it('exits 0 and writes every output', () => {
    expect(codeA).toBe(0);
    expect(codeB).toBe(0);
    expect(readdirSync(a).sort()).toEqual([
      '.lambda-rollout-sim', 'catalog.csv', 'charts', 'episodes.csv', 'episodes.parquet', 'exposure.csv', 'exposure.parquet', 'init_start.ndjson',
      'patches.csv', 'patches.parquet', 'releases.csv', 'releases.parquet', 'report.html', 'scenario.yaml', 'summary.json', 'timeseries.csv',
      'timeseries.parquet',
    ]);
    expect(ioA.out).toContain('resultHash');
  });

  it('on worker threads, gives the resultHash of the replications run in one process (the golden hash)', async () => {
    const loaded = await loadScenarioFile(EXAMPLE);
    if (!loaded.ok) throw new Error('invalid');
    const inProcess = runReplications(loaded.scenario, { seed: 7, replications: 8, keepPatches: false });
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(summary.resultHash).toBe(inProcess.resultHash);
    expect(summary.resultHash).toBe('b0a107032355f7bf5b5ea48d818e8435242b93f8c34ebb034ec3a327703a7b82');
    expect(summary.outputs).toEqual([
      'summary.json', 'timeseries.csv', 'exposure.csv', 'episodes.csv', 'releases.csv', 'patches.csv', 'init_start.ndjson', 'catalog.csv', 'scenario.yaml',
    ]);
  }, 60_000);

  it('gives byte-identical files in two runs', () => {
    expect(readAll(b)).toEqual(readAll(a));
  });

  it('summary.json holds the run identity and every metric as {mean, ci95, unit}', () => {
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ scenario: 'python3.12 patch with a rare incompatibility', seed: 7, replications: 8, functions: 5000, horizonDays: 60 });
    expect(summary.resultHash).toMatch(/^[0-9a-f]{64}$/);
    for (const name of ['staleFunctionDays', 'lambdaStaleFunctionDays', 'ownerStaleFunctionDays', 'timeToPatchP50Days', 'timeToPatchP95Days', 'unpatchedShareAtHorizon']) {
      const m = summary.metrics[name];
      expect(m, name).toBeDefined();
      expect(m).toHaveProperty('unit');
      if (m.mean !== null) {
        expect(m.ci95[0]).toBeLessThanOrEqual(m.mean);
        expect(m.ci95[1]).toBeGreaterThanOrEqual(m.mean);
      } else {
        expect(m.censoredShare).toBeGreaterThan(0); // a percentile not reached comes with its censored share
      }
    }
    // R18: the split adds up to the whole.
    const whole = summary.metrics.staleFunctionDays.mean;
    expect(summary.metrics.lambdaStaleFunctionDays.mean + summary.metrics.ownerStaleFunctionDays.mean).toBeCloseTo(whole, 6);
  });

  it('timeseries.csv counts every function once at every sample', () => {
    const lines = readFileSync(join(a, 'timeseries.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,time_days,region,architecture,runtime,package_type,update_mode,runtime_version,functions,stale');
    const totals = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const c = line.split(',');
      const key = `${c[0]}@${c[1]}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(c[8]));
    }
    expect(totals.size).toBe(8 * 241); // 8 replications × samples every 6 h over 60 days, both ends included
    for (const n of totals.values()) expect(n).toBe(5000);
  });

  it('patches.csv rows are well-formed: patched after publication, censored rows empty', () => {
    const lines = readFileSync(join(a, 'patches.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,function_id,region,architecture,runtime,package_type,update_mode,release_version,published_at_days,patched_at_days,how');
    for (const line of lines.slice(1, 5000)) {
      const c = line.split(',');
      expect(c[7]).toBe('python:3.12.v15');
      if (c[9] === '') expect(c[10]).toBe('');
      else {
        expect(Number(c[9])).toBeGreaterThanOrEqual(Number(c[8]));
        expect(['phase1', 'phase2', 'rebuild', 'create']).toContain(c[10]);
      }
      if (c[5] === 'Image' && c[10] !== '') expect(c[10]).toBe('rebuild'); // R3
      if (c[6] === 'Manual') expect(c[9]).toBe(''); // R9
    }
  });

  it('catalog.csv gives real-format ARNs (R4), one hash per version and architecture (R6)', () => {
    const lines = readFileSync(join(a, 'catalog.csv'), 'utf8').trim().split('\n').slice(1);
    expect(lines.length).toBe(3 * 34 * 2); // 3 versions × 34 regions × 2 architectures
    for (const line of lines) expect(line.split(',')[4]).toMatch(RUNTIME_VERSION_ARN_PATTERN);
    const eu = lines.find((l) => l.startsWith('python3.12,python:3.12.v15,eu-west-1,x86_64'))!.split(',');
    expect(Number(eu[5])).toBe(4); // at 3d, second in regionOrder, 1d apart (R10)
  });

  it('exposure.csv and the exposure metrics agree, and the bad release did reach functions', () => {
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    const lines = readFileSync(join(a, 'exposure.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,release_version,runtime,region,wave,architecture,update_mode,exposed_functions,exposure_function_hours,exposed_invocations,failed_invocations,detected_functions,rollbacks_by_alias,rollbacks_by_pin,rollbacks_by_image');
    let exposed = 0;
    for (const line of lines.slice(1)) exposed += Number(line.split(',')[7]);
    expect(exposed / 8).toBeCloseTo(summary.metrics.exposedFunctions.mean, 6);
    // ~1% of ~3500 python3.12 functions per replication are susceptible.
    expect(summary.metrics.exposedFunctions.mean).toBeGreaterThan(10);
    expect(summary.metrics.failedInvocations.mean).toBeGreaterThan(0);
  });

  it('episodes.csv agrees with exposure.csv on rollbacks, and every episode is in order', () => {
    const exposure = readFileSync(join(a, 'exposure.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const episodes = readFileSync(join(a, 'episodes.csv'), 'utf8').trim().split('\n');
    expect(episodes[0]).toBe('replication,function_id,release_version,region,architecture,package_type,update_mode,episode,started_at_days,first_failure_at_days,detected_at_days,rolled_back_at_days,rollback,ended_at_days');
    const rows = episodes.slice(1).map((l) => l.split(','));
    for (const kind of [['alias', 12], ['pin', 13], ['image', 14]] as const) {
      const fromExposure = exposure.reduce((n, r) => n + Number(r[kind[1]]), 0);
      const firstEpisodes = rows.filter((r) => r[12] === kind[0] && r[7] === '1').length;
      expect(firstEpisodes, kind[0]).toBe(fromExposure);
    }
    for (const r of rows) {
      const [start, fail, detect, back, end] = [r[8], r[9], r[10], r[11], r[13]].map((x) => (x === '' ? Number.NaN : Number(x)));
      if (!Number.isNaN(fail!)) expect(fail!).toBeGreaterThanOrEqual(start!);
      if (!Number.isNaN(detect!)) expect(detect!).toBeGreaterThanOrEqual(fail!);
      if (!Number.isNaN(back!)) expect(back!).toBeGreaterThanOrEqual(detect!);
      expect(end!).toBeGreaterThanOrEqual(start!);
    }
  });

  it('releases.csv gives each region its wave and actual publication (R10)', () => {
    const lines = readFileSync(join(a, 'releases.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,release_version,runtime,region,wave,planned_at_days,published_at_days,phase2_start_days,phase2_end_days,halted_at_days');
    const r0 = lines.slice(1).filter((l) => l.startsWith('0,')).map((l) => l.split(','));
    expect(r0.map((r) => [r[3], r[4], r[6], r[7], r[8]])).toEqual([
      ['us-east-1', '0', '3', '10', '17'],
      ['eu-west-1', '1', '4', '11', '18'],
      ['ap-northeast-2', '2', '5', '12', '19'],
    ]);
  });
});

describe('run options', () => {
  it('--no-patches writes no patches.csv and keeps the same resultHash', async () => {
    const dir = tmp();
    await runCli(['run', EXAMPLE, '--out', join(dir, 'a'), '--quiet', '--replications', '2'], captureIo());
    await runCli(['run', EXAMPLE, '--out', join(dir, 'b'), '--quiet', '--replications', '2', '--no-patches'], captureIo());
    const hash = (d: string): string => JSON.parse(readFileSync(join(dir, d, 'summary.json'), 'utf8')).resultHash;
    expect(existsSync(join(dir, 'b', 'patches.csv'))).toBe(false);
    expect(hash('b')).toBe(hash('a'));
  }, 60_000);

  it('--seed changes the results', async () => {
    const dir = tmp();
    await runCli(['run', EXAMPLE, '--out', join(dir, 'a'), '--quiet', '-r', '1'], captureIo());
    await runCli(['run', EXAMPLE, '--out', join(dir, 'b'), '--quiet', '-r', '1', '--seed', '8'], captureIo());
    const hash = (d: string): string => JSON.parse(readFileSync(join(dir, d, 'summary.json'), 'utf8')).resultHash;
    expect(hash('b')).not.toBe(hash('a'));
  }, 60_000);
});

describe('refusals: exit code 2, a clear message, nothing written', () => {
  it('a bad scenario lists its errors with file:line:col and writes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\nhorizon: 10d\nfleet:\n  functions: 10\n  regions: { us-east-1: 1 }\n  runtimes: { python3.12: 1 }\n  updateModes: { Auto: 1, Manul: 1 }\n');
    const io = captureIo();
    const code = await runCli(['run', file, '--out', join(dir, 'out')], io);
    expect(code).toBe(2);
    expect(io.err).toContain(`${file}:7:27 fleet.updateModes.Manul: unknown update mode \`Manul\`; did you mean \`Manual\`?`);
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('a folder the tool did not make is not replaced without --force', async () => {
    const dir = tmp();
    const out = join(dir, 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.tex'), 'precious');
    const io = captureIo();
    expect(await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--quiet'], io)).toBe(2);
    expect(io.err).toContain('was not made by lambda-rollout-sim');
    expect(readFileSync(join(out, 'thesis.tex'), 'utf8')).toBe('precious');
    expect(await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--quiet', '--force'], captureIo())).toBe(0);
  }, 60_000);

  it('says when the units are done and the outputs are being written (seconds for a large run), then done; quiet says nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const io = captureIo();
    expect(await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--no-patches'], io)).toBe(0);
    const writing = io.err.indexOf(`writing ${out} (every output file and the report)…\n`);
    expect(writing, io.err).toBeGreaterThanOrEqual(0);
    expect(io.err.indexOf('done in', writing)).toBeGreaterThan(writing);
    const quiet = captureIo();
    expect(await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--no-patches', '--quiet'], quiet)).toBe(0);
    expect(quiet.err).not.toContain('writing');
  }, 60_000);

  it('a rerun replaces the previous results whole', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--quiet'], captureIo());
    expect(await runCli(['run', EXAMPLE, '--out', out, '-r', '1', '--quiet', '--no-patches'], captureIo())).toBe(0);
    expect(existsSync(join(out, 'patches.csv'))).toBe(false);
  }, 60_000);

  it('a missing file and bad options are refused', async () => {
    const io = captureIo();
    expect(await runCli(['run', 'no/such/file.yaml'], io)).toBe(2);
    expect(await runCli(['run', EXAMPLE, '--replications', '0'], captureIo())).toBe(2);
    expect(await runCli(['frobnicate'], captureIo())).toBe(2);
    for (const bad of [['--workers', '0'], ['--shard', '3/3'], ['--target-ci', '5'], ['--point', '1'], ['--target-ci', '5%', '--shard', '0/2'], ['--target-metrics', 'x']]) {
      const err = captureIo();
      expect(await runCli(['run', EXAMPLE, '--out', join(tmp(), 'x'), ...bad], err), bad.join(' ')).toBe(2);
      expect(err.err, bad.join(' ')).toMatch(/^lambda-rollout-sim: /);
    }
  }, 60_000);
});
