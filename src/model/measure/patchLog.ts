/**
 * One row per (function, release that reached its region): when the release was published
 * there, when the function first ran it or a newer version (NaN if censored at the
 * horizon), how (HOW_*) and the effective update mode of the serving version at that moment
 * (for a withdrawn or censored row: at the horizon or when it was written). Rows are hashed in fixed-size chunks as they are made, so the
 * run's digest is the same whether or not the rows are kept (`--no-patches`).
 *
 * Rows are kept in memory, or handed to a sink chunk by chunk (PATCH_CHUNK_ROWS rows, the
 * last one shorter) as each fills, so that memory stays bounded at any fleet size (10 M
 * functions over a year make about 2.5 × 10⁸ rows): the sink gets views into a chunk that is
 * reused, so it must write or copy them before it returns.
 */
import { createHash, type Hash } from 'node:crypto';

export const PATCH_CHUNK_ROWS = 1 << 16;

export interface PatchRows {
  readonly length: number;
  readonly functionId: Int32Array;
  readonly version: Uint16Array;
  readonly publishedMs: Float64Array;
  /** NaN when still unpatched at the horizon. */
  readonly patchedMs: Float64Array;
  readonly how: Uint8Array;
  /** MODE_* of the serving function version when the row was written (the mode the move happened under). */
  readonly mode: Uint8Array;
}

interface Chunk {
  functionId: Int32Array;
  version: Uint16Array;
  publishedMs: Float64Array;
  patchedMs: Float64Array;
  how: Uint8Array;
  mode: Uint8Array;
}

const newChunk = (): Chunk => ({
  functionId: new Int32Array(PATCH_CHUNK_ROWS),
  version: new Uint16Array(PATCH_CHUNK_ROWS),
  publishedMs: new Float64Array(PATCH_CHUNK_ROWS),
  patchedMs: new Float64Array(PATCH_CHUNK_ROWS),
  how: new Uint8Array(PATCH_CHUNK_ROWS),
  mode: new Uint8Array(PATCH_CHUNK_ROWS),
});

/** Takes each full chunk of rows (views valid only during the call). */
export type PatchSink = (rows: PatchRows) => void;

export class PatchLog {
  private readonly hash: Hash = createHash('sha256');
  private readonly kept: Chunk[] = [];
  private chunk: Chunk = newChunk();
  private fill = 0;
  rows = 0;

  /** `sink`: rows go to it chunk by chunk instead of being kept (keepRows is then ignored). */
  constructor(private readonly keepRows: boolean, private readonly sink: PatchSink | null = null) {}

  append(functionId: number, version: number, publishedMs: number, patchedMs: number, how: number, mode: number): void {
    const c = this.chunk;
    const i = this.fill++;
    c.functionId[i] = functionId;
    c.version[i] = version;
    c.publishedMs[i] = publishedMs;
    c.patchedMs[i] = patchedMs;
    c.how[i] = how;
    c.mode[i] = mode;
    this.rows++;
    if (this.fill === PATCH_CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    const c = this.chunk;
    const n = this.fill;
    for (const col of [c.functionId, c.version, c.publishedMs, c.patchedMs, c.how, c.mode]) {
      this.hash.update(new Uint8Array(col.buffer, col.byteOffset, n * col.BYTES_PER_ELEMENT));
    }
    if (this.sink !== null) {
      this.sink({
        length: n,
        functionId: c.functionId.subarray(0, n),
        version: c.version.subarray(0, n),
        publishedMs: c.publishedMs.subarray(0, n),
        patchedMs: c.patchedMs.subarray(0, n),
        how: c.how.subarray(0, n),
        mode: c.mode.subarray(0, n),
      });
    } else if (this.keepRows) {
      this.kept.push({
        functionId: c.functionId.subarray(0, n),
        version: c.version.subarray(0, n),
        publishedMs: c.publishedMs.subarray(0, n),
        patchedMs: c.patchedMs.subarray(0, n),
        how: c.how.subarray(0, n),
        mode: c.mode.subarray(0, n),
      });
      this.chunk = newChunk();
    }
    this.fill = 0;
  }

  /** Ends the log: the kept rows (or null: not kept, or handed to the sink) and the digest of every row. */
  finish(): { rows: PatchRows | null; digest: Buffer } {
    if (this.fill > 0) this.flush();
    const digest = this.hash.digest();
    if (!this.keepRows || this.sink !== null) return { rows: null, digest };
    const concat = <T extends Int32Array | Uint16Array | Float64Array | Uint8Array>(parts: T[], make: (n: number) => T): T => {
      const out = make(this.rows);
      let at = 0;
      for (const p of parts) { out.set(p as never, at); at += p.length; }
      return out;
    };
    const k = this.kept;
    return {
      digest,
      rows: {
        length: this.rows,
        functionId: concat(k.map((c) => c.functionId), (n) => new Int32Array(n)),
        version: concat(k.map((c) => c.version), (n) => new Uint16Array(n)),
        publishedMs: concat(k.map((c) => c.publishedMs), (n) => new Float64Array(n)),
        patchedMs: concat(k.map((c) => c.patchedMs), (n) => new Float64Array(n)),
        how: concat(k.map((c) => c.how), (n) => new Uint8Array(n)),
        mode: concat(k.map((c) => c.mode), (n) => new Uint8Array(n)),
      },
    };
  }
}
