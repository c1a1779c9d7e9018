/**
 * More than one machine: shards 0/3, 1/3 and 2/3, merged, give the same files and the same
 * resultHash as one run; merge refuses incomplete, doubled or foreign partitions.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { captureIo, sameTree, summaryOf, SWEEP, tmp } from './helpers.js';

const readParquet = async (path: string): Promise<Record<string, unknown>[]> => {
  const bytes = readFileSync(path);
  return parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
};

describe('shards merged = one run', async () => {
  const dir = tmp();
  const single = join(dir, 'single');
  const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}`));
  const merged = join(dir, 'merged');
  await runCli(['run', SWEEP, '--out', single, '--quiet', '--workers', '2'], captureIo());
  const shardCodes: number[] = [];
  for (const [i, out] of shards.entries()) {
    shardCodes.push(await runCli(['run', SWEEP, '--out', out, '--quiet', '--workers', '1', '--shard', `${i}/3`], captureIo()));
  }
  const mergeIo = captureIo();
  const mergeCode = await runCli(['merge', ...shards, '--out', merged], mergeIo);

  it('each shard writes a partition: manifest, scenario, its units and Parquet row data', () => {
    expect(shardCodes).toEqual([0, 0, 0]);
    const manifests = shards.map((s) => JSON.parse(readFileSync(join(s, 'manifest.json'), 'utf8')));
    const ids = manifests.flatMap((m) => m.units.map((u: { id: string }) => u.id)).sort();
    expect(ids).toHaveLength(16); // 4 points × 4 replications, each in exactly one shard
    expect(new Set(ids).size).toBe(16);
    for (const m of manifests) {
      expect(m.scenarioSha256).toBe(summaryOf(single).scenarioSha256);
      for (const u of m.units) expect(u).toMatchObject({ seed: 11, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    expect(manifests[1].units.map((u: { id: string }) => u.id)).toEqual(['p0-r1', 'p1-r0', 'p1-r3', 'p2-r2', 'p3-r1']);
  });

  it('merge writes the same files, byte for byte, with the same resultHash', () => {
    expect(mergeCode, mergeIo.err).toBe(0);
    expect(summaryOf(merged).resultHash).toBe(summaryOf(single).resultHash);
    sameTree(single, merged);
  });

  it('a partition\'s Parquet holds exactly its units\' rows', async () => {
    const rows = await readParquet(join(shards[1]!, 'timeseries.parquet'));
    const csv = readFileSync(join(single, 'timeseries.csv'), 'utf8').trim().split('\n').slice(1)
      .filter((l) => ['0,1,', '1,0,', '1,3,', '2,2,', '3,1,'].some((p) => l.startsWith(p)));
    expect(rows).toHaveLength(csv.length);
    expect(Object.keys(rows[0]!)[0]).toBe('point');
  }, 60_000);

  it('merge refuses a missing shard, a shard given twice and a foreign partition', async () => {
    let io = captureIo();
    expect(await runCli(['merge', shards[0]!, shards[2]!, '--out', join(dir, 'm1')], io)).toBe(2);
    expect(io.err).toContain('unit(s) missing: p0-r1, p1-r0, p1-r3, p2-r2, p3-r1 (no partition given for shard(s) 1 of 3)');
    io = captureIo();
    expect(await runCli(['merge', ...shards, shards[1]!, '--out', join(dir, 'm2')], io)).toBe(2);
    expect(io.err).toContain('are both shard 1/3');
    // The same shard of a run with another seed belongs to another batch.
    const foreign = join(dir, 'foreign-1');
    expect(await runCli(['run', SWEEP, '--out', foreign, '--quiet', '--workers', '1', '--shard', '1/3', '--seed', '12'], captureIo())).toBe(0);
    io = captureIo();
    expect(await runCli(['merge', shards[0]!, foreign, shards[2]!, '--out', join(dir, 'm3')], io)).toBe(2);
    expect(io.err).toMatch(/is not from the same batch .* \(differs in seed\)/);
    // A damaged unit file is caught by its sha256.
    const damaged = join(dir, 'damaged-2');
    cpSync(shards[2]!, damaged, { recursive: true });
    const unit = join(damaged, 'units', 'p0-r2.unit');
    const bytes = readFileSync(unit);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(unit, bytes);
    io = captureIo();
    expect(await runCli(['merge', shards[0]!, shards[1]!, damaged, '--out', join(dir, 'm4')], io)).toBe(2);
    expect(io.err).toContain('does not match its sha256');
  }, 60_000);

  it('the shard index can come from the cluster engine (--shards K)', async () => {
    const out = join(dir, 'k8s-1');
    const io = captureIo();
    const code = await runCommand(
      { scenario: SWEEP, out, patches: true, force: false, quiet: true, workers: 1, shards: '3' },
      io,
      { JOB_COMPLETION_INDEX: '1' },
    );
    expect(code, io.err).toBe(0);
    expect(io.out).toContain('shard 1/3 (JOB_COMPLETION_INDEX)');
    expect(readFileSync(join(out, 'manifest.json'))).toEqual(readFileSync(join(shards[1]!, 'manifest.json')));
  }, 60_000);
});
