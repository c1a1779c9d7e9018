/** A unit packed into one buffer (for transfer and the work folder) comes back exactly. */
import { describe, expect, it } from 'vitest';
import { decodeUnit, decodeUnitSummary, encodeUnit, rowsOf } from '../../src/batch/unitCodec.js';
import { summaryOf } from '../../src/batch/unitTask.js';
import { simulateReplication } from '../../src/model/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { SMALL } from './helpers.js';

describe('unit codec', async () => {
  const loaded = await loadScenarioFile(SMALL);
  if (!loaded.ok) throw new Error('fixture does not load');
  const result = simulateReplication(loaded.scenario, 2, { seed: 11, keepPatches: true, keepChanges: true, initStartSample: 0.05 });
  const summary = summaryOf(0, result);
  const packed = encodeUnit(summary, rowsOf(result));

  it('round-trips the summary (metrics with nulls included) and every column', () => {
    const decoded = decodeUnit(new Uint8Array(packed));
    expect(decoded.summary).toEqual(summary);
    expect(decoded.rows).toEqual(rowsOf(result));
    expect(decoded.rows.timeseries.cell).toBeInstanceOf(Int32Array);
    expect(decoded.rows.initStartFunctions?.invocationsPerDay).toBeInstanceOf(Float32Array);
  });

  it('keeps NaN and infinities (censored times, rollout never reached)', () => {
    const decoded = decodeUnit(new Uint8Array(packed)).rows;
    expect(Array.from(decoded.rollout.haltedAtMs).some(Number.isNaN)).toBe(Array.from(result.rollout.haltedAtMs).some(Number.isNaN));
    const weird = encodeUnit({ ...summary, metrics: { ...summary.metrics, staleInvocations: Number.POSITIVE_INFINITY, timeToDetectP50Hours: Number.NaN } }, rowsOf(result));
    const back = decodeUnitSummary(new Uint8Array(weird)).metrics;
    expect(back.staleInvocations).toBe(Number.POSITIVE_INFINITY);
    expect(back.timeToDetectP50Hours).toBeNaN();
  });

  it('reads from a buffer at any offset, and refuses damaged input', () => {
    const shifted = new Uint8Array(packed.byteLength + 3);
    shifted.set(new Uint8Array(packed), 3);
    expect(decodeUnit(shifted.subarray(3)).rows).toEqual(rowsOf(result));
    expect(() => decodeUnit(new Uint8Array(packed).subarray(0, packed.byteLength - 9))).toThrow(/truncated/);
    expect(() => decodeUnit(new Uint8Array(16))).toThrow(/not a unit file/);
  });

  it('the summary alone is cheap: no columns are built', () => {
    expect(decodeUnitSummary(new Uint8Array(packed))).toEqual(summary);
  });
});
