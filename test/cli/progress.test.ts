/**
 * The progress reporter follows simulated time inside running units: with stderr not a
 * terminal it prints plain lines holding the day reached, the events per second and an ETA,
 * from what the units' progress cells hold (written here by hand, as a worker would).
 */
import { describe, expect, it } from 'vitest';
import { progressView } from '../../src/batch/progressCell.js';
import { createProgress } from '../../src/cli/progress.js';
import { captureIo } from '../batch/helpers.js';

const DAY_MS = 86_400_000;

describe('progress inside a run, as plain lines', () => {
  it('shows day reached / horizon, events/s and an ETA for a running unit', async () => {
    const io = captureIo();
    const progress = createProgress(io, false, undefined, { plainEveryMs: 20, pollEveryMs: 10 });
    progress.planned(1, 0);
    const cell = progress.unitStarted!({ point: 0, replication: 0 }, 365 * DAY_MS);
    expect(cell).toBeInstanceOf(SharedArrayBuffer);
    const view = progressView(cell!);
    view[1] = 2_000_000;
    view[0] = 143 * DAY_MS;
    await new Promise((resolve) => setTimeout(resolve, 150));
    progress.poll();
    progress.stop();
    const lines = io.err.split('\n').filter((l) => l !== '');
    const last = lines[lines.length - 1]!;
    expect(last).toMatch(/^39% \| units 0\/1 \| day 143\/365 \| [\d.]+ [kM]? ?events\/s \| .* elapsed \| ETA \S+/);
    expect(last).not.toContain('0 events/s |');
  });

  it('quiet: no cell is asked for and nothing is printed', () => {
    const io = captureIo();
    const progress = createProgress(io, true);
    progress.planned(2, 0);
    expect(progress.unitStarted).toBeUndefined();
    progress.stop();
    expect(io.err).toBe('');
  });
});
