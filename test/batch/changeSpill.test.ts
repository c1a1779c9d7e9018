/**
 * The change trace streamed from the model (events.ndjson): with a sink, ChangeLog hands over
 * every chunk instead of keeping it, the digest does not change, a spill file read back chunk
 * by chunk gives exactly the changes the model keeps in memory, and events.ndjson's lines from
 * the chunks are those from the rows held whole. The INIT_START log still gets every change.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchScenario } from '../../src/bench/benchScenario.js';
import { buildVersionTable } from '../../src/model/catalog/versionTable.js';
import { CHANGE_CHUNK_ROWS, ChangeLog } from '../../src/model/measure/changeLog.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { createChangeSpill, readChangeSpill } from '../../src/batch/changeSpill.js';
import { rowsOf } from '../../src/batch/unitCodec.js';
import { unitEventLines } from '../../src/output/eventsNdjson.js';
import { chunksOf } from '../../src/output/rowChunks.js';

const dir = mkdtempSync(join(tmpdir(), 'change-spill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COLUMNS = ['atMs', 'functionId', 'action', 'fromVersion', 'toVersion', 'cause', 'qualifier', 'architecture'] as const;

describe('ChangeLog with a sink', () => {
  it('hands over the sealed rows once they make a chunk, then the rest at the end, and keeps nothing', () => {
    const lengths: number[] = [];
    const handed: number[] = [];
    const streamed = new ChangeLog((chunk) => {
      lengths.push(chunk.length);
      handed.push(...chunk.atMs);
    });
    const total = CHANGE_CHUNK_ROWS * 2 + 5;
    for (let i = 0; i < total; i++) {
      streamed.record(i, i % 11, i % 13, i % 7, (i + 1) % 7, i % 3, i % 5, i % 2);
      if ((i + 1) % 50_000 === 0) streamed.seal(); // as at each fleet sample
    }
    expect(streamed.finish()).toBeNull();
    expect(lengths).toEqual([100_000, total - 100_000]);
    expect(handed).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('sorts the rows booked since the last seal by time, rows of one millisecond in booking order', () => {
    const log = new ChangeLog();
    // Booked out of order, as post-dated moves are (rollout/postDatedMoves.ts); functionId tells the booking order.
    const booked = [[5, 0], [3, 1], [5, 2], [1, 3], [3, 4]];
    for (const [atMs, id] of booked) log.record(atMs!, id!, 0, 1, 2, 0);
    log.seal();
    log.record(5, 5, 0, 1, 2, 0); // after the seal: nothing earlier than 5 can come
    log.record(9, 6, 0, 1, 2, 0);
    const rows = log.finish()!;
    expect([...rows.atMs]).toEqual([1, 3, 3, 5, 5, 5, 9]);
    expect([...rows.functionId]).toEqual([3, 1, 4, 0, 2, 5, 6]);
  });
});

describe('change spill file', () => {
  const scenario = benchScenario({ functions: 20_000, horizonDays: 120, releaseDays: 120 });
  const withEvents = { ...scenario, outputs: { ...scenario.outputs, events: true } };

  it('reads back, chunk by chunk, the changes a replication keeps in memory, and events.ndjson is the same', () => {
    const inMemory = simulateReplication(withEvents, 0, { seed: 3, keepPatches: false, keepChanges: true });
    const path = join(dir, 'p0-r0.changes');
    const spill = createChangeSpill(path);
    const streamed = simulateReplication(withEvents, 0, { seed: 3, keepPatches: false, keepChanges: true, changeSink: spill.sink });
    const length = spill.close();
    expect(streamed.changes).toBeNull();
    expect(streamed.digest).toBe(inMemory.digest);
    const rows = inMemory.changes!;
    expect(length).toBe(rows.atMs.length);
    expect(length).toBeGreaterThan(CHANGE_CHUNK_ROWS);
    let at = 0;
    let chunks = 0;
    const chunkLengths: number[] = [];
    for (const c of chunksOf(readChangeSpill(path, length))) {
      chunks++;
      const n = c.atMs.length;
      chunkLengths.push(n);
      for (const column of COLUMNS) expect([...c[column]], column).toEqual([...rows[column].subarray(at, at + n)]);
      at += n;
    }
    expect(at).toBe(length);
    expect(chunks).toBeGreaterThan(1);
    expect(chunkLengths.slice(0, -1).every((n) => n >= CHANGE_CHUNK_ROWS)).toBe(true);

    const versions = buildVersionTable(withEvents);
    const held = [...unitEventLines(withEvents, versions, rowsOf(inMemory), null)];
    const spilled = [...unitEventLines(withEvents, versions, { ...rowsOf(streamed), changes: readChangeSpill(path, length) }, null)];
    expect(spilled).toHaveLength(length);
    expect(spilled).toEqual(held);
    expect(readFileSync(path).subarray(0, 8).toString('latin1')).toBe('LRSCHANG');
  });

  it('is not used when the replication makes the INIT_START log, which needs every change', () => {
    let handed = 0;
    const result = simulateReplication(withEvents, 0, {
      seed: 3, keepPatches: false, keepChanges: true, initStartSample: 0.001, changeSink: () => handed++,
    });
    expect(handed).toBe(0);
    expect(result.changes!.atMs.length).toBeGreaterThan(CHANGE_CHUNK_ROWS);
    expect(result.initStart).not.toBeNull();
  });
});
