/**
 * One finished unit (point, replication) as a single byte buffer: what a worker transfers
 * back to the main thread, what the work folder stores and what a shard's partition
 * carries. Columnar: every typed array of the result is copied once, 8-byte aligned, after
 * a JSON header that holds the scalars and says where each array lies. Decoding makes
 * views into the buffer, no copies.
 *
 *   bytes 0–7   "LRSUNIT1"
 *   bytes 8–11  header length H (uint32, little-endian)
 *   12 … 12+H   header, UTF-8 JSON: {summary, rows}; typed arrays as {"$a": type, "o": offset, "n": length},
 *               non-finite numbers as {"$n": "NaN" | "Infinity" | "-Infinity"}
 *   then        the arrays, each at an 8-byte aligned offset from the start of the buffer
 *
 * The survival histogram is not kept: the unit's metrics (computed from it in the worker)
 * and its digest are in the summary, and nothing after that reads it.
 */
import type { ReplicationResult } from '../model/result.js';
import type { UnitRows, UnitSummary } from '../output/unitData.js';

export type { UnitRows, UnitSummary } from '../output/unitData.js';

const MAGIC = 'LRSUNIT1';
const PREFIX_BYTES = 12;

type Typed = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;
const CTORS = {
  Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
} as const;
type CtorName = keyof typeof CTORS;

function isTyped(value: unknown): value is Typed {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && value.constructor.name in CTORS;
}

const align8 = (n: number): number => (n + 7) & ~7;

export function rowsOf(result: ReplicationResult): UnitRows {
  return {
    replication: result.replication,
    timeseries: result.timeseries,
    patches: result.patches,
    functions: result.functions,
    exposure: result.exposure,
    rollout: result.rollout,
    changes: result.changes,
    initStart: result.initStart,
    initStartFunctions: result.initStartFunctions,
  };
}

export function encodeUnit(summary: UnitSummary, rows: UnitRows): ArrayBuffer {
  const arrays: Typed[] = [];
  let offset = 0;
  const placed: number[] = [];
  const header = JSON.stringify({ summary, rows }, function (this: unknown, _key, value: unknown) {
    if (isTyped(value)) {
      arrays.push(value);
      placed.push(offset);
      const ref = { $a: value.constructor.name, o: offset, n: value.length };
      offset = align8(offset + value.byteLength);
      return ref;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return { $n: String(value) };
    return value;
  });
  const headerBytes = Buffer.from(header, 'utf8');
  const dataStart = align8(PREFIX_BYTES + headerBytes.length);
  const buffer = new ArrayBuffer(dataStart + offset);
  const bytes = new Uint8Array(buffer);
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0);
  new DataView(buffer).setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREFIX_BYTES);
  arrays.forEach((a, i) => bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + placed[i]!));
  return buffer;
}

interface Parsed {
  readonly summary: UnitSummary;
  readonly rows: UnitRows;
}

function parse(bytes: Uint8Array, withRows: boolean): Parsed {
  if (bytes.length < PREFIX_BYTES || new TextDecoder('latin1').decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new Error('not a unit file (bad magic bytes)');
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  if (PREFIX_BYTES + length > bytes.length) throw new Error('unit file is truncated');
  const text = new TextDecoder('utf-8').decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + length));
  const dataStart = bytes.byteOffset + align8(PREFIX_BYTES + length);
  // Views need 8-byte alignment of the whole buffer offset; copy once if a reader gave us an odd one.
  const aligned = (bytes.byteOffset & 7) === 0 ? bytes : new Uint8Array(bytes);
  const base = aligned === bytes ? dataStart : align8(PREFIX_BYTES + length);
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null) {
      const v = value as { $a?: string; o?: number; n?: number; $n?: string };
      if (typeof v.$a === 'string' && v.$a in CTORS && typeof v.o === 'number' && typeof v.n === 'number') {
        if (!withRows) return null;
        const Ctor = CTORS[v.$a as CtorName];
        const start = base + v.o;
        if (start + v.n * Ctor.BYTES_PER_ELEMENT > aligned.byteOffset + aligned.byteLength) throw new Error('unit file is truncated');
        return new Ctor(aligned.buffer as ArrayBuffer, start, v.n);
      }
      if (typeof v.$n === 'string' && Object.keys(v).length === 1) return Number(v.$n);
    }
    return value;
  }) as Parsed;
}

export function decodeUnitSummary(bytes: Uint8Array): UnitSummary {
  return parse(bytes, false).summary;
}

export function decodeUnit(bytes: Uint8Array): Parsed {
  return parse(bytes, true);
}
