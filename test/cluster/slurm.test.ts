/**
 * The Slurm recipe of docs/batches.md, run for real on a Slurm cluster: its `sweep.sbatch` block (a
 * three-task array of `run --shards auto`) and its submit block (`sbatch --wait`, then
 * `merge`) are read from that page and run as written, in a folder holding the batch
 * fixture as scenarios/sweep.yaml, with `lambda-rollout-sim` on PATH (the build). The merged
 * resultHash and timeseries must equal a run of the same scenario on one machine.
 *
 * Needs a running cluster (`.ci/slurm-up.sh` starts a one-node one as root). Without one the
 * test is skipped with the reason, unless SLURM_CLUSTER_TEST_REQUIRED=1 (set by .ci/run),
 * which makes a missing cluster a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../batch/helpers.js'; // builds dist/ if stale

const REQUIRED = process.env['SLURM_CLUSTER_TEST_REQUIRED'] === '1';

/** Why no cluster answers here, or null when one does. */
function clusterMissing(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v sbatch && command -v sinfo'], { encoding: 'utf8' });
  if (which.status !== 0) return 'Slurm is not installed (no sbatch/sinfo on PATH; Debian: apt-get install slurm-wlm munge)';
  const sinfo = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 20_000 });
  if (sinfo.status !== 0) return `no Slurm controller answers (sinfo: ${(sinfo.stderr || '').trim().split('\n')[0] ?? ''}); start one with .ci/slurm-up.sh`;
  if (!/^(idle|mixed|allocated)/m.test(sinfo.stdout)) return `no usable Slurm node (sinfo: ${sinfo.stdout.trim()}); start one with .ci/slurm-up.sh`;
  return null;
}

/** The ```sh block that follows `marker` in docs/batches.md. */
function readmeBlock(readme: string, marker: string): string {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`docs/batches.md: no "${marker}"`);
  const m = /```sh\n([\s\S]*?)```/.exec(readme.slice(at));
  if (m === null) throw new Error(`docs/batches.md: no sh block after "${marker}"`);
  return m[1]!;
}

const missing = clusterMissing();
if (missing !== null && !REQUIRED) console.warn(`test/cluster/slurm.test.ts skipped: ${missing}`);

describe('the Slurm recipe of docs/batches.md on a real cluster', () => {
  it.skipIf(missing !== null && !REQUIRED)('a three-task array of run --shards auto merges to the resultHash of one run', () => {
    expect(missing, 'SLURM_CLUSTER_TEST_REQUIRED=1 but').toBeNull();
    const readme = readFileSync('docs/batches.md', 'utf8');
    const sbatchFile = readmeBlock(readme, 'Slurm, a job array of three tasks: the file `sweep.sbatch`');
    const submit = readmeBlock(readme, 'submitted from the folder that holds `scenarios/`');
    expect(sbatchFile).toMatch(/#SBATCH --array=0-2\n/);
    expect(sbatchFile).toContain('--shards auto');
    expect(submit).toContain('sbatch --wait sweep.sbatch');

    const work = mkdtempSync(join(tmpdir(), 'lrs-slurm-'));
    const bin = join(work, 'bin');
    mkdirSync(bin);
    mkdirSync(join(work, 'scenarios'));
    copyFileSync('test/batch/fixtures/sweep.yaml', join(work, 'scenarios', 'sweep.yaml'));
    writeFileSync(join(bin, 'lambda-rollout-sim'), `#!/bin/sh\nexec '${process.execPath}' '${resolve('dist/cli/main.js')}' "$@"\n`);
    chmodSync(join(bin, 'lambda-rollout-sim'), 0o755);
    writeFileSync(join(work, 'sweep.sbatch'), sbatchFile);

    const env = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` };
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', submit], { cwd: work, env, encoding: 'utf8', timeout: 280_000 });
    const logs = readdirSync(work).filter((f) => f.startsWith('slurm-')).map((f) => `${f}:\n${readFileSync(join(work, f), 'utf8')}`).join('\n');
    expect(run.status, `submit block failed:\n${run.stdout}\n${run.stderr}\n${logs}`).toBe(0);
    expect(readdirSync(join(work, 'results')).sort()).toEqual(['merged', 'shard-0', 'shard-1', 'shard-2']);

    const single = join(work, 'single');
    execFileSync(process.execPath, ['dist/cli/main.js', 'run', join(work, 'scenarios', 'sweep.yaml'), '--out', single, '--quiet', '--workers', '1'], { stdio: 'ignore' });
    const hash = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { resultHash: string }).resultHash;
    expect(hash(join(work, 'results', 'merged'))).toBe(hash(single));
    expect(readFileSync(join(work, 'results', 'merged', 'timeseries.csv'), 'utf8')).toBe(readFileSync(join(single, 'timeseries.csv'), 'utf8'));
  });
});
