import { describe, expect, it } from 'vitest';
import { addContribution, contributorRows, newAggregation } from '../../src/insights/aggregate.js';
import { insightsCsvLines } from '../../src/insights/insightsCsv.js';

describe('aggregation and CSV', () => {
  it('orders rows by period, value descending, then keys ascending; one row per contributor with events', () => {
    const a = newAggregation(60_000);
    addContribution(a, 61_000, { keys: ['b'], value: 1 });
    addContribution(a, 1_000, { keys: ['b'], value: 1 });
    addContribution(a, 2_000, { keys: ['a'], value: 1 });
    addContribution(a, 3_000, { keys: ['c'], value: 1 });
    addContribution(a, 4_000, { keys: ['c'], value: 1 });
    expect(contributorRows(a)).toEqual([
      { periodStartMs: 0, keys: ['c'], value: 2 },
      { periodStartMs: 0, keys: ['a'], value: 1 },
      { periodStartMs: 0, keys: ['b'], value: 1 },
      { periodStartMs: 60_000, keys: ['b'], value: 1 },
    ]);
  });

  it('keeps contributors whose keys only differ in how they would be joined apart', () => {
    const a = newAggregation(1000);
    addContribution(a, 0, { keys: ['a,b', 'c'], value: 1 });
    addContribution(a, 0, { keys: ['a', 'b,c'], value: 1 });
    expect(contributorRows(a)).toHaveLength(2);
  });

  it('names key columns as written in the rule and quotes fields when needed', () => {
    const lines = [...insightsCsvLines(['$.a.b', 'runtimeVersion'], [{ periodStartMs: 86_400_000, keys: ['x,y', 'say "hi"'], value: 2.5 }])];
    expect(lines).toEqual([
      'period_start_ms,period_start,$.a.b,runtimeVersion,value\n',
      '86400000,1970-01-02T00:00:00.000Z,"x,y","say ""hi""",2.5\n',
    ]);
  });
});
