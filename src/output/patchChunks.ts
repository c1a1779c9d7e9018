/**
 * Patch rows as the writers take them (rowChunks.ts): all of a unit's rows, or a source of
 * chunks spilled by the worker (batch/patchSpill.ts).
 */
import type { PatchRows } from '../model/measure/patchLog.js';
import { chunksOf, type ChunkSource } from './rowChunks.js';

export type PatchChunkSource = ChunkSource<PatchRows>;

export type PatchInput = PatchRows | PatchChunkSource;

/** The rows of `p` chunk by chunk (one chunk when they are held whole). */
export function patchChunks(p: PatchInput): Generator<PatchRows> {
  return chunksOf(p);
}
