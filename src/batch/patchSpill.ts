/**
 * Patch rows spilled to a file chunk by chunk as the model makes them (PatchLog's sink), and
 * read back as a `PatchChunkSource` one chunk at a time: memory holds one chunk (65,536 rows,
 * 1.5 MB) whatever the fleet size, instead of every row of the unit (about 6 GB for 10 M
 * functions over a year). The file is a column spill (columnSpill.ts) headed "LRSPATCH".
 */
import type { PatchSink } from '../model/measure/patchLog.js';
import type { PatchChunkSource } from '../output/patchChunks.js';
import { createSpill, readSpill, type SpillColumns, type SpillFormat } from './columnSpill.js';

const PATCH_SPILL = {
  magic: 'LRSPATCH',
  columns: { functionId: Int32Array, version: Uint16Array, publishedMs: Float64Array, patchedMs: Float64Array, how: Uint8Array, mode: Uint8Array },
} satisfies SpillFormat<SpillColumns>;

/** Opens `path` for writing; returns the sink and a function that closes the file and gives the row count. */
export function createPatchSpill(path: string): { sink: PatchSink; close: () => number } {
  const spill = createSpill(path, PATCH_SPILL);
  return { sink: spill.write, close: spill.close };
}

/** The rows of a spill file, chunk by chunk; `length` is the row count `close` returned. */
export function readPatchSpill(path: string, length: number): PatchChunkSource {
  return { length, chunks: () => readSpill(path, PATCH_SPILL) };
}
