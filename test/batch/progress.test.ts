/**
 * Progress inside units crosses the thread boundary: a unit run on a real worker thread
 * writes its progress cell (simulated time, events so far), which the main thread reads;
 * and the cell changes nothing in the results.
 */
import { describe, expect, it } from 'vitest';
import { makePlan, type UnitRef } from '../../src/batch/plan.js';
import { createWorkerPool } from '../../src/batch/pool.js';
import { createProgressCell, readProgressCell } from '../../src/batch/progressCell.js';
import { runBatch } from '../../src/batch/runBatch.js';
import { MemoryStore } from '../../src/batch/workDir.js';
import type { UnitSummary } from '../../src/batch/unitCodec.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { SWEEP } from './helpers.js';

describe('progress cells written by worker threads', () => {
  it('each unit reports the last sample time and events run, read on the main thread', async () => {
    const loaded = await loadScenarioFile(SWEEP);
    if (!loaded.ok) throw new Error('fixture does not load');
    const plan = makePlan(loaded.scenario, loaded.sweep, {
      seed: 3, replications: 2, keepPatches: false, point: null, replication: null, targetCi: null, shard: null, failUnits: new Set(),
    });
    const cells = new Map<string, { cell: SharedArrayBuffer; horizonMs: number }>();
    const ended: string[] = [];
    const done: UnitSummary[] = [];
    const pool = createWorkerPool(2, (e) => { throw e; });
    try {
      const batch = await runBatch(plan, new MemoryStore(), pool, {
        progress: {
          planned: () => undefined,
          unitStarted: (u: UnitRef, horizonMs: number) => {
            const cell = createProgressCell();
            cells.set(`${u.point}:${u.replication}`, { cell, horizonMs });
            return cell;
          },
          unitEnded: (u: UnitRef) => void ended.push(`${u.point}:${u.replication}`),
          unitDone: (s) => void done.push(s),
        },
      });
      expect(batch.status).toBe('done');
    } finally {
      await pool.close();
    }
    expect(cells.size).toBe(plan.points.length * 2);
    expect(new Set(ended)).toEqual(new Set(cells.keys()));
    const lastSampleMs = Math.floor(loaded.scenario.horizonMs / loaded.scenario.sampleEveryMs) * loaded.scenario.sampleEveryMs;
    for (const s of done) {
      const { cell, horizonMs } = cells.get(`${s.point}:${s.replication}`)!;
      const p = readProgressCell(cell);
      expect(horizonMs).toBe(loaded.scenario.horizonMs);
      expect(p.atMs).toBe(lastSampleMs);
      expect(p.events).toBeGreaterThan(0);
      expect(p.events).toBeLessThanOrEqual(s.events);
    }
  });

  it('a batch with progress cells gives the same unit digests as one without', async () => {
    const loaded = await loadScenarioFile(SWEEP);
    if (!loaded.ok) throw new Error('fixture does not load');
    const plan = makePlan(loaded.scenario, loaded.sweep, {
      seed: 5, replications: 1, keepPatches: true, point: null, replication: null, targetCi: null, shard: null, failUnits: new Set(),
    });
    const pool = createWorkerPool(1, (e) => { throw e; });
    try {
      const withCells = await runBatch(plan, new MemoryStore(), pool, {
        progress: { planned: () => undefined, unitStarted: () => createProgressCell(), unitDone: () => undefined },
      });
      const without = await runBatch(plan, new MemoryStore(), pool);
      expect(withCells.units.map((u) => u.digest)).toEqual(without.units.map((u) => u.digest));
    } finally {
      await pool.close();
    }
  });
});
