/**
 * The change trace (ChangeLog's sink, behind events.ndjson) spilled to a file chunk by chunk
 * as the model makes it, and read back one chunk at a time: memory holds the rows booked
 * since the last chunk was handed on (at least 65,536 rows, 1.4 MB, and at most a sample
 * interval's more, since the model sorts them by time at each sample) whatever the fleet size
 * or horizon, instead of every change of the unit (about 26 million for 1 M functions over a
 * year). The file is a column spill (columnSpill.ts) headed "LRSCHANG".
 */
import type { ChangeRows, ChangeSink } from '../model/measure/changeLog.js';
import type { ChunkSource } from '../output/rowChunks.js';
import { createSpill, readSpill, type SpillColumns, type SpillFormat } from './columnSpill.js';

const CHANGE_SPILL = {
  magic: 'LRSCHANG',
  columns: {
    atMs: Float64Array, functionId: Int32Array, action: Uint8Array, fromVersion: Uint16Array,
    toVersion: Uint16Array, cause: Uint8Array, qualifier: Uint16Array, architecture: Uint8Array,
  },
} satisfies SpillFormat<SpillColumns>;

/** Opens `path` for writing; returns the sink and a function that closes the file and gives the row count. */
export function createChangeSpill(path: string): { sink: ChangeSink; close: () => number } {
  const spill = createSpill(path, CHANGE_SPILL);
  return { sink: spill.write, close: spill.close };
}

/** The rows of a spill file, chunk by chunk; `length` is the row count `close` returned. */
export function readChangeSpill(path: string, length: number): ChunkSource<ChangeRows> {
  return { length, chunks: () => readSpill(path, CHANGE_SPILL) };
}
