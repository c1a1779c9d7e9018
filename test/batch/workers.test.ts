/**
 * Same answer everywhere: the result hash and every output file are byte-identical whatever
 * the number of worker threads (and so whatever order units finish in).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { captureIo, sameTree, summaryOf, SMALL, SWEEP, tmp } from './helpers.js';

describe('1, 2 and 3 workers give the same bytes', async () => {
  const dir = tmp();
  const runs = [1, 2, 3].map((w) => join(dir, `w${w}`));
  const codes: number[] = [];
  for (const [i, out] of runs.entries()) codes.push(await runCli(['run', SWEEP, '--out', out, '--quiet', '--workers', String(i + 1)], captureIo()));

  it('every run succeeds and removes its work folder', () => {
    expect(codes).toEqual([0, 0, 0]);
    for (const out of runs) expect(existsSync(join(dir, `.${out.split('/').pop()}.work`))).toBe(false);
  });

  it('with a sweep: same resultHash, same files, byte for byte (Parquet included)', () => {
    const hashes = runs.map((out) => summaryOf(out).resultHash);
    expect(new Set(hashes).size).toBe(1);
    const names = sameTree(runs[0]!, runs[1]!);
    sameTree(runs[0]!, runs[2]!);
    expect(names).toEqual(expect.arrayContaining(['sweep.csv', 'timeseries.parquet', 'patches.parquet', 'events.ndjson', 'init_start.ndjson']));
  });

  it('without a sweep too', async () => {
    const a = join(dir, 'plain-1');
    const b = join(dir, 'plain-3');
    expect(await runCli(['run', SMALL, '--out', a, '--quiet', '--workers', '1'], captureIo())).toBe(0);
    expect(await runCli(['run', SMALL, '--out', b, '--quiet', '--workers', '3'], captureIo())).toBe(0);
    sameTree(a, b);
    expect(readFileSync(join(a, 'timeseries.csv'), 'utf8').startsWith('replication,')).toBe(true);
  }, 60_000);
});
