import { describe, expect, it } from 'vitest';
import { BlockArena, NONE } from '../../src/kernel/blockArena.js';

describe('BlockArena', () => {
  it('hands out distinct blocks, reuses released ones, and keeps contents when it grows', () => {
    const arena = new BlockArena(4, 1);
    const blocks: number[] = [];
    for (let i = 0; i < 100; i++) {
      const b = arena.alloc();
      expect(arena.next[b]).toBe(NONE);
      arena.data.fill(i, b * 4, b * 4 + 4);
      blocks.push(b);
    }
    expect(new Set(blocks).size).toBe(100);
    blocks.forEach((b, i) => expect(Array.from(arena.data.subarray(b * 4, b * 4 + 4))).toEqual([i, i, i, i]));
    const bytes = arena.byteLength;
    arena.release(blocks[7] as number);
    arena.release(blocks[3] as number);
    expect(arena.alloc()).toBe(blocks[3]);
    expect(arena.alloc()).toBe(blocks[7]);
    expect(arena.byteLength).toBe(bytes);
  });
});
