/**
 * Progress inside a running unit, from a worker thread to the main thread at the cost of
 * two stores: the main thread makes a small SharedArrayBuffer per unit, sends it with the
 * task, and reads it from its progress timer; the simulation writes it at each sample event
 * (SimulateOptions.progress): [0] simulated time reached (ms), [1] events run so far.
 *
 * The reads are plain (not Atomics): the cell only feeds the progress display, and a value
 * one sample late is as good as the latest.
 */
export const PROGRESS_CELL_BYTES = 2 * Float64Array.BYTES_PER_ELEMENT;

export interface UnitProgress {
  /** Simulated time reached, ms. */
  readonly atMs: number;
  readonly events: number;
}

export function createProgressCell(): SharedArrayBuffer {
  return new SharedArrayBuffer(PROGRESS_CELL_BYTES);
}

/** The view a simulation writes into. */
export function progressView(cell: SharedArrayBuffer): Float64Array {
  return new Float64Array(cell, 0, 2);
}

export function readProgressCell(cell: SharedArrayBuffer): UnitProgress {
  const view = progressView(cell);
  return { atMs: view[0]!, events: view[1]! };
}
