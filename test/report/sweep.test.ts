/** The Pareto front of the staleness/exposure trade-off, and the headline rows of sweeps and comparisons. */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { headlineRows, paretoFront, tradeoffRows } from '../../src/report/data/sweep.js';
import { parameterNumber } from '../../src/report/resultSets.js';

describe('paretoFront', () => {
  it('keeps exactly the points no other point beats on both', () => {
    const points = [{ x: 1, y: 9 }, { x: 2, y: 5 }, { x: 3, y: 6 }, { x: 4, y: 1 }, { x: 4, y: 1 }, { x: 5, y: 1 }];
    expect(paretoFront(points)).toEqual([true, true, false, true, true, false]);
  });
});

describe('headline and trade-off rows', () => {
  const setMetrics = aq.from([
    { set: 'a', metric: 'staleFunctionDays', mean: 100, lo: 90, hi: 110, replications: 3, unit: 'function-days' },
    { set: 'b', metric: 'staleFunctionDays', mean: 50, lo: 40, hi: 60, replications: 3, unit: 'function-days' },
    { set: 'a', metric: 'failedInvocations', mean: 10, lo: -5, hi: 25, replications: 3, unit: 'invocations' },
    { set: 'b', metric: 'failedInvocations', mean: 30, lo: 20, hi: 40, replications: 3, unit: 'invocations' },
    { set: 'a', metric: 'timeToPatchP95Days', mean: Number.NaN, lo: Number.NaN, hi: Number.NaN, replications: 0, unit: 'days' },
    { set: 'b', metric: 'timeToPatchP95Days', mean: Number.NaN, lo: Number.NaN, hi: Number.NaN, replications: 0, unit: 'days' },
    { set: 'a', metric: 'staleInvocations', mean: 1, lo: 1, hi: 1, replications: 3, unit: 'invocations' },
  ]);

  it('keeps the headline metrics defined somewhere, in headline order, never below zero', () => {
    const rows = headlineRows(setMetrics);
    expect([...new Set(rows.map((r) => r.metric))]).toEqual(['staleFunctionDays', 'failedInvocations']);
    expect(rows.find((r) => r.set === 'a' && r.metric === 'failedInvocations')!.lo).toBe(0);
    expect(rows[0]!.label).toBe('staleFunctionDays (function-days)');
  });

  it('puts both sets on the front when neither beats the other', () => {
    const points = tradeoffRows(setMetrics);
    expect(points.map((p) => [p.set, p.pareto])).toEqual([['a', true], ['b', true]]);
  });
});

describe('parameterNumber', () => {
  it('reads numbers and durations (in days) for a sweep axis', () => {
    expect(parameterNumber(0.5)).toEqual({ value: 0.5, unit: '' });
    expect(parameterNumber('12h')).toEqual({ value: 0.5, unit: 'days' });
    expect(parameterNumber('2w')).toEqual({ value: 14, unit: 'days' });
    expect(parameterNumber(true)).toBeNull();
    expect(parameterNumber('Auto')).toBeNull();
  });
});
