/**
 * Rows spilled to a file chunk by chunk as the model makes them, and read back one chunk at a
 * time, so that memory holds one chunk whatever the fleet size or horizon. One format serves
 * every spilled table (patch rows, the change trace); each names its magic and its columns:
 *
 *   bytes 0–7   the table's magic ("LRSPATCH", "LRSCHANG")
 *   then        chunks, each: row count n (uint32 LE), 4 bytes zero, then the table's
 *               columns in their order, each n entries of its type, padded to 8 bytes
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { writeAll } from '../common/atomicFile.js';

type Typed = Int32Array | Uint16Array | Uint8Array | Float64Array;
type TypedCtor = Int32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor;

/** A spilled table's columns by name: the typed array each is stored as. */
export type SpillColumns = Record<string, TypedCtor>;

export interface SpillFormat<C extends SpillColumns> {
  /** Eight latin-1 characters at the start of the file. */
  readonly magic: string;
  /** The columns, in file order, by name. */
  readonly columns: C;
}

type ViewOf<T, B extends ArrayBufferLike> = T extends Int32ArrayConstructor ? Int32Array<B>
  : T extends Uint16ArrayConstructor ? Uint16Array<B>
  : T extends Uint8ArrayConstructor ? Uint8Array<B>
  : Float64Array<B>;

/** One chunk: its row count and a column of each type named by the format (read back: views of an ArrayBuffer). */
export type SpillChunk<C extends SpillColumns, B extends ArrayBufferLike = ArrayBuffer> =
  { readonly length: number } & { readonly [K in keyof C]: ViewOf<C[K], B> };

const align8 = (n: number): number => (n + 7) & ~7;

function magicOf(format: SpillFormat<SpillColumns>): Buffer {
  const magic = Buffer.from(format.magic, 'latin1');
  if (magic.length !== 8) throw new Error(`spill format: the magic must be 8 characters, got ${format.magic}`);
  return magic;
}

/** Opens `path` for writing chunks; `close` closes the file and gives the row count. */
export function createSpill<C extends SpillColumns>(path: string, format: SpillFormat<C>): {
  write: (chunk: SpillChunk<C, ArrayBufferLike>) => void;
  close: () => number;
} {
  const names = Object.keys(format.columns);
  const fd = openSync(path, 'w');
  writeAll(fd, magicOf(format));
  let rows = 0;
  return {
    write: (chunk) => {
      const n = chunk.length;
      const columns = names.map((name) => chunk[name] as Typed);
      const out = new Uint8Array(8 + columns.reduce((sum, col) => sum + align8(col.BYTES_PER_ELEMENT * n), 0));
      new DataView(out.buffer).setUint32(0, n, true);
      let at = 8;
      for (const [i, col] of columns.entries()) {
        if (col.length !== n) throw new Error(`spill ${format.magic}: column ${names[i]} has ${col.length} rows, the chunk ${n}`);
        out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), at);
        at += align8(col.byteLength);
      }
      writeAll(fd, out);
      rows += n;
    },
    close: () => {
      closeSync(fd);
      return rows;
    },
  };
}

/** The chunks of a spill file in order; each chunk's columns are views of one buffer read for it. */
export function* readSpill<C extends SpillColumns>(path: string, format: SpillFormat<C>): Generator<SpillChunk<C>> {
  const names = Object.keys(format.columns);
  const ctors = names.map((name) => format.columns[name]!);
  const rowBytes = ctors.map((C) => C.BYTES_PER_ELEMENT);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const magic = Buffer.alloc(8);
    if (readSync(fd, magic, 0, 8, 0) !== 8 || !magic.equals(magicOf(format))) throw new Error(`${path}: not a ${format.magic} spill file`);
    let position = 8;
    const prefix = Buffer.alloc(8);
    while (position < size) {
      if (readSync(fd, prefix, 0, 8, position) !== 8) throw new Error(`${path}: truncated`);
      const n = prefix.readUInt32LE(0);
      const bytes = new Uint8Array(8 + rowBytes.reduce((sum, b) => sum + align8(b * n), 0));
      if (readSync(fd, bytes, 0, bytes.length, position) !== bytes.length) throw new Error(`${path}: truncated`);
      position += bytes.length;
      const chunk: Record<string, unknown> = { length: n };
      let at = 8;
      names.forEach((name, i) => {
        chunk[name] = new ctors[i]!(bytes.buffer, at, n);
        at += align8(rowBytes[i]! * n);
      });
      yield chunk as SpillChunk<C>;
    }
  } finally {
    closeSync(fd);
  }
}
