/**
 * Rows as the writers take them: either all of a unit's rows in one set of columns, or a
 * source of chunks read one at a time, so that a unit with hundreds of millions of rows
 * (10 M functions × a year of releases) is written without ever being held whole. The model
 * makes such rows in chunks (PatchLog, ChangeLog); a worker spills each chunk to the work
 * folder as it is made (batch/columnSpill.ts) and the unit hands over a source reading them back.
 */

export interface ChunkSource<R> {
  /** Rows in all chunks. */
  readonly length: number;
  /** The chunks in row order; each may be dropped once the next is asked for. */
  chunks(): Iterable<R>;
}

export function isChunkSource<R extends object>(p: R | ChunkSource<R>): p is ChunkSource<R> {
  return typeof (p as ChunkSource<R>).chunks === 'function';
}

/** The rows of `p` chunk by chunk (one chunk when they are held whole). */
export function* chunksOf<R extends object>(p: R | ChunkSource<R>): Generator<R> {
  if (isChunkSource(p)) yield* p.chunks();
  else yield p;
}
