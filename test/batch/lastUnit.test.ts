/** The writers' unit reader reads a unit once while it is asked for again and again, then moves on. */
import { describe, expect, it } from 'vitest';
import { rememberLastUnit } from '../../src/batch/lastUnit.js';

describe('rememberLastUnit', () => {
  it('reads each unit once per run of requests for it, and holds only the last', () => {
    const reads: string[] = [];
    const load = rememberLastUnit((u) => {
      reads.push(`${u.point}:${u.replication}`);
      return { id: `${u.point}:${u.replication}` };
    });
    const a = load({ point: 0, replication: 0 });
    expect(load({ point: 0, replication: 0 })).toBe(a);
    load({ point: 0, replication: 1 });
    load({ point: 0, replication: 1 });
    expect(load({ point: 0, replication: 0 })).toEqual(a);
    expect(reads).toEqual(['0:0', '0:1', '0:0']);
  });
});
