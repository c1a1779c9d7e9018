/**
 * patches.csv from patch rows handed over in chunks (patchChunks.ts) is row for row what it
 * is from the rows held whole, and a chunk source is read one chunk at a time, in order.
 */
import { describe, expect, it } from 'vitest';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import type { PatchRows } from '../../src/model/measure/patchLog.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { patchChunks, type PatchChunkSource } from '../../src/output/patchChunks.js';
import { patchesTable } from '../../src/output/patchesCsv.js';
import { rowsOf } from '../../src/batch/unitCodec.js';
import { DAY, release, scenario } from '../model/scenarioFixture.js';

function slice(rows: PatchRows, from: number, to: number): PatchRows {
  // Every column, whatever the model adds: each typed array cut to [from, to).
  const out: Record<string, unknown> = { length: to - from };
  for (const [key, value] of Object.entries(rows)) {
    if (ArrayBuffer.isView(value)) out[key] = (value as Uint8Array).subarray(from, to);
  }
  return out as unknown as PatchRows;
}

describe('patch rows in chunks', () => {
  const s = scenario({ horizonMs: 20 * DAY, releases: [release({ runtime: 'python3.12', version: 'python:3.12.v15', atMs: 2 * DAY })] });
  const result = simulateReplication(s, 0, { seed: 4, keepPatches: true });
  const versions = buildVersionTable(s);
  const whole = rowsOf(result);
  const held = whole.patches as PatchRows;

  it('gives the same rows as the rows held whole, reading one chunk at a time', () => {
    expect(held.length).toBeGreaterThan(100);
    const cuts = [0, 7, Math.floor(held.length / 2), held.length];
    const asked: number[] = [];
    const source: PatchChunkSource = {
      length: held.length,
      *chunks() {
        for (let k = 0; k + 1 < cuts.length; k++) {
          asked.push(k);
          yield slice(held, cuts[k]!, cuts[k + 1]!);
        }
      },
    };
    const fromWhole = [...patchesTable.rows(s, versions, whole)];
    const fromChunks = [...patchesTable.rows(s, versions, { ...whole, patches: source })];
    expect(fromChunks).toEqual(fromWhole);
    expect(fromWhole.length).toBe(held.length);
    expect(asked).toEqual([0, 1, 2]);
  });

  it('rows held whole are one chunk', () => {
    expect([...patchChunks(held)]).toEqual([held]);
  });
});
