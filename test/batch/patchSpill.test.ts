/**
 * Patch rows streamed from the model: with a sink, PatchLog hands over every chunk instead of
 * keeping it, the digest does not change, and a spill file read back chunk by chunk gives
 * exactly the rows the model keeps in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchScenario } from '../../src/bench/benchScenario.js';
import { PATCH_CHUNK_ROWS, PatchLog } from '../../src/model/measure/patchLog.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { createPatchSpill, readPatchSpill } from '../../src/batch/patchSpill.js';
import { patchChunks } from '../../src/output/patchChunks.js';

const dir = mkdtempSync(join(tmpdir(), 'patch-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PatchLog with a sink', () => {
  it('hands over full chunks and the last partial one, with the digest of kept rows', () => {
    const lengths: number[] = [];
    const streamed = new PatchLog(false, (rows) => lengths.push(rows.length));
    const kept = new PatchLog(true);
    const total = PATCH_CHUNK_ROWS * 2 + 5;
    for (let i = 0; i < total; i++) {
      streamed.append(i, i % 7, i, i + 1, i % 3, i % 4);
      kept.append(i, i % 7, i, i + 1, i % 3, i % 4);
    }
    const a = streamed.finish();
    const b = kept.finish();
    expect(lengths).toEqual([PATCH_CHUNK_ROWS, PATCH_CHUNK_ROWS, 5]);
    expect(a.rows).toBeNull();
    expect(a.digest.equals(b.digest)).toBe(true);
  });
});

describe('patch spill file', () => {
  it('reads back, chunk by chunk, the rows a replication keeps in memory', () => {
    const scenario = benchScenario({ functions: 20_000, horizonDays: 120, releaseDays: 120 });
    const inMemory = simulateReplication(scenario, 0, { seed: 3, keepPatches: true });
    const path = join(dir, 'p0-r0.patches');
    const spill = createPatchSpill(path);
    const streamed = simulateReplication(scenario, 0, { seed: 3, keepPatches: true, patchSink: spill.sink });
    const length = spill.close();
    expect(streamed.patches).toBeNull();
    expect(streamed.digest).toBe(inMemory.digest);
    const rows = inMemory.patches!;
    expect(length).toBe(rows.length);
    expect(length).toBeGreaterThan(PATCH_CHUNK_ROWS);
    let at = 0;
    let chunks = 0;
    for (const c of patchChunks(readPatchSpill(path, length))) {
      chunks++;
      expect([...c.functionId]).toEqual([...rows.functionId.subarray(at, at + c.length)]);
      expect([...c.version]).toEqual([...rows.version.subarray(at, at + c.length)]);
      expect([...c.publishedMs]).toEqual([...rows.publishedMs.subarray(at, at + c.length)]);
      expect([...c.patchedMs]).toEqual([...rows.patchedMs.subarray(at, at + c.length)]);
      expect([...c.how]).toEqual([...rows.how.subarray(at, at + c.length)]);
      expect([...c.mode]).toEqual([...rows.mode.subarray(at, at + c.length)]);
      at += c.length;
    }
    expect(at).toBe(length);
    expect(chunks).toBe(Math.ceil(length / PATCH_CHUNK_ROWS));
  });
});
