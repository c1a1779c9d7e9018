/**
 * Interruption and failure: a batch stopped by SIGINT part-way keeps its finished units, and
 * `--resume` finishes it with the same outputs as an uninterrupted run; a unit that throws
 * is reported with a command that reproduces it alone, while the others finish.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { runCommand, SIGINT_AFTER_ENV } from '../../src/cli/commands/run.js';
import { captureIo, sameTree, SWEEP, tmp } from './helpers.js';

const MAIN = 'dist/cli/main.js';

describe('interrupted by SIGINT, then resumed', async () => {
  const dir = tmp();
  const whole = join(dir, 'whole');
  const out = join(dir, 'out');
  const work = join(dir, '.out.work');
  await runCli(['run', SWEEP, '--out', whole, '--quiet', '--workers', '2'], captureIo());
  // A child process that sends itself SIGINT (as Ctrl-C would) once 5 units are stored.
  const child = spawnSync(process.execPath, [MAIN, 'run', SWEEP, '--out', out, '--workers', '2'], {
    env: { ...process.env, [SIGINT_AFTER_ENV]: '5' },
    encoding: 'utf8',
  });

  it('stops with exit code 130, keeps whole units and writes no output', () => {
    expect(child.status, child.stderr).toBe(130);
    expect(child.stderr).toContain('run the same command again with --resume');
    expect(existsSync(out)).toBe(false);
    const files = readdirSync(join(work, 'units'));
    const units = files.filter((u) => u.endsWith('.unit'));
    expect(units.length).toBeGreaterThanOrEqual(5);
    expect(units.length).toBeLessThan(16);
    // Whole units only (no temporary files), each with the patch rows its worker spilled, and
    // its change trace (events.ndjson) but for p0-r0, which makes the INIT_START log from it.
    expect(files.every((u) => u.endsWith('.unit') || u.endsWith('.patches') || u.endsWith('.changes'))).toBe(true);
    for (const u of units) expect(files).toContain(u.replace(/\.unit$/, '.patches'));
    for (const u of units) {
      if (u === 'p0-r0.unit') expect(files).not.toContain('p0-r0.changes');
      else expect(files).toContain(u.replace(/\.unit$/, '.changes'));
    }
  });

  it('refuses to start over on top of the unfinished batch without --resume', async () => {
    const io = captureIo();
    expect(await runCli(['run', SWEEP, '--out', out, '--quiet'], io)).toBe(2);
    expect(io.err).toContain('holds an unfinished batch; add --resume');
  }, 60_000);

  it('refuses to resume it as a different batch', async () => {
    const io = captureIo();
    expect(await runCli(['run', SWEEP, '--out', out, '--quiet', '--resume', '--seed', '3'], io)).toBe(2);
    expect(io.err).toContain('belongs to a different batch (differs in seed)');
  }, 60_000);

  it('--resume finishes it: the same files as the uninterrupted run, and the work folder is gone', async () => {
    const io = captureIo();
    expect(await runCli(['run', SWEEP, '--out', out, '--resume', '--workers', '1'], io)).toBe(0);
    expect(io.err).toMatch(/resuming: \d+ finished unit\(s\) found/);
    sameTree(whole, out);
    expect(existsSync(work)).toBe(false);
  }, 60_000);
});

describe('a unit that throws', () => {
  it('is reported with its point, replication, seed and a command that runs it alone; the rest finish; exit 1', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const fault = { failUnits: new Set(['2:1']) };
    const io = captureIo();
    expect(await runCommand({ scenario: SWEEP, out, quiet: true, workers: 2, patches: true, force: false }, io, process.env, fault)).toBe(1);
    expect(io.err).toContain('unit p2-r1 failed: point 2 (releases[0].phase2.duration = `10d`, fleet.updateModes.Auto = `0.5`), replication 1, seed 11');
    expect(io.err).toContain(`reproduce it alone: lambda-rollout-sim run ${SWEEP} --seed 11 --point 2 --replication 1 --workers 1 --out ${out}-p2-r1`);
    expect(io.err).toContain('1 unit(s) failed; the 15 other(s) finished');
    expect(existsSync(out)).toBe(false);
    const kept = readdirSync(join(dir, '.out.work', 'units'));
    expect(kept.filter((f) => f.endsWith('.unit'))).toHaveLength(15);
    expect(kept.filter((f) => f.endsWith('.patches'))).toHaveLength(15);

    // The reproduction command, as printed, runs the unit alone; with the fault, it fails the same way …
    const command = /reproduce it alone: lambda-rollout-sim (.*)/.exec(io.err)![1]!.split(' ');
    expect(await runCli(command, captureIo())).toBe(0);
    expect(readdirSync(`${out}-p2-r1`)).toContain('summary.json');
    const again = captureIo();
    const alone = { scenario: SWEEP, seed: 11, point: 2, replication: 1, workers: 1, out: `${out}-fault`, patches: true, force: false, quiet: false };
    expect(await runCommand(alone, again, process.env, fault)).toBe(1);
    expect(again.err).toContain('unit p2-r1 failed');
    // … and without the fault, the batch resumes to the outputs of a clean run.
    expect(await runCli(['run', SWEEP, '--out', out, '--quiet', '--resume'], captureIo())).toBe(0);
    const clean = join(dir, 'clean');
    expect(await runCli(['run', SWEEP, '--out', clean, '--quiet'], captureIo())).toBe(0);
    sameTree(clean, out);
  }, 60_000);
});
