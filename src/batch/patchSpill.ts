/**
 * Patch rows spilled to a file chunk by chunk as the model makes them (PatchLog's sink), and
 * read back as a `PatchChunkSource` one chunk at a time: memory holds one chunk (65,536 rows,
 * 1.5 MB) whatever the fleet size, instead of every row of the unit (about 6 GB for 10 M
 * functions over a year).
 *
 *   bytes 0–7   "LRSPATCH"
 *   then        chunks, each: row count n (uint32 LE), 4 bytes zero, then the columns
 *               functionId (Int32), version (Uint16), publishedMs (Float64), patchedMs
 *               (Float64), how (Uint8), mode (Uint8), each n entries, padded to 8 bytes
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { PatchRows, PatchSink } from '../model/measure/patchLog.js';
import type { PatchChunkSource } from '../output/patchChunks.js';

const MAGIC = Buffer.from('LRSPATCH', 'latin1');
const align8 = (n: number): number => (n + 7) & ~7;

/** Bytes of one chunk of `n` rows, its 8-byte prefix included. */
function chunkBytes(n: number): number {
  return 8 + align8(4 * n) + align8(2 * n) + 8 * n + 8 * n + align8(n) + align8(n);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Opens `path` for writing; returns the sink and a function that closes the file and gives the row count. */
export function createPatchSpill(path: string): { sink: PatchSink; close: () => number } {
  const fd = openSync(path, 'w');
  writeAll(fd, MAGIC);
  let rows = 0;
  const sink: PatchSink = (c) => {
    const n = c.length;
    const out = new Uint8Array(chunkBytes(n));
    new DataView(out.buffer).setUint32(0, n, true);
    let at = 8;
    for (const col of [c.functionId, c.version, c.publishedMs, c.patchedMs, c.how, c.mode]) {
      out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), at);
      at += align8(col.byteLength);
    }
    writeAll(fd, out);
    rows += n;
  };
  return { sink, close: () => { closeSync(fd); return rows; } };
}

/** The rows of a spill file, chunk by chunk; `length` is the row count `close` returned. */
export function readPatchSpill(path: string, length: number): PatchChunkSource {
  return {
    length,
    *chunks(): Generator<PatchRows> {
      const fd = openSync(path, 'r');
      try {
        const size = fstatSync(fd).size;
        const magic = Buffer.alloc(8);
        if (readSync(fd, magic, 0, 8, 0) !== 8 || !magic.equals(MAGIC)) throw new Error(`${path}: not a patch spill file`);
        let position = 8;
        const prefix = Buffer.alloc(8);
        while (position < size) {
          if (readSync(fd, prefix, 0, 8, position) !== 8) throw new Error(`${path}: truncated`);
          const n = prefix.readUInt32LE(0);
          const bytes = new Uint8Array(chunkBytes(n));
          if (readSync(fd, bytes, 0, bytes.length, position) !== bytes.length) throw new Error(`${path}: truncated`);
          position += bytes.length;
          let at = 8;
          const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, width: number): T => {
            const view = make(bytes.buffer, at, n);
            at += align8(width * n);
            return view;
          };
          yield {
            length: n,
            functionId: take((b, o, k) => new Int32Array(b, o, k), 4),
            version: take((b, o, k) => new Uint16Array(b, o, k), 2),
            publishedMs: take((b, o, k) => new Float64Array(b, o, k), 8),
            patchedMs: take((b, o, k) => new Float64Array(b, o, k), 8),
            how: take((b, o, k) => new Uint8Array(b, o, k), 1),
            mode: take((b, o, k) => new Uint8Array(b, o, k), 1),
          };
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
