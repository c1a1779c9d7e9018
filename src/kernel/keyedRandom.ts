/**
 * Keyed uniforms: a draw addressed by (stream key, a, b) instead of by position in a
 * sequence, so that "is function f susceptible to release r?" has one answer whatever order
 * the events come in or whatever else the scenario changes (common random numbers).
 * The stream key comes from a named seedrandom stream (seed, name, index); the draw is a
 * 32-bit integer hash (MurmurHash3's fmix32 finaliser, applied per input word).
 */
import { createStream } from './random.js';

function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface KeyedUniform {
  /** Uniform in [0, 1), a pure function of (this stream, a, b); a and b are 32-bit integers. */
  at(a: number, b: number): number;
}

export function createKeyedUniform(seed: number, name: string, index: number): KeyedUniform {
  const stream = createStream(seed, name, index);
  const k1 = Math.floor(stream.next() * 4294967296);
  const k2 = Math.floor(stream.next() * 4294967296);
  return {
    at(a: number, b: number): number {
      let h = fmix32(k1 ^ Math.imul(a | 0, 0x9e3779b1));
      h = fmix32(h ^ k2 ^ Math.imul(b | 0, 0x85ebca77));
      h = fmix32(h + 0x6a09e667);
      return h / 4294967296;
    },
  };
}
