/**
 * Patch rows as the writers take them: either all of a unit's rows in one set of columns
 * (what the model hands over today), or a source of chunks read one at a time, so that a
 * unit with hundreds of millions of rows (10 M functions × a year of releases) is written
 * to patches.csv / .parquet without ever being held whole. The model's PatchLog already
 * makes rows in chunks of PATCH_CHUNK_ROWS; a worker can spill each chunk to the work
 * folder as it is made and hand over a `PatchChunkSource` reading them back (README,
 * Performance: what the model's side must do).
 */
import type { PatchRows } from '../model/measure/patchLog.js';

export interface PatchChunkSource {
  /** Rows in all chunks. */
  readonly length: number;
  /** The chunks in row order; each may be dropped once the next is asked for. */
  chunks(): Iterable<PatchRows>;
}

export type PatchInput = PatchRows | PatchChunkSource;

export function isChunkSource(p: PatchInput): p is PatchChunkSource {
  return typeof (p as PatchChunkSource).chunks === 'function';
}

/** The rows of `p` chunk by chunk (one chunk when they are held whole). */
export function* patchChunks(p: PatchInput): Generator<PatchRows> {
  if (isChunkSource(p)) yield* p.chunks();
  else yield p;
}
