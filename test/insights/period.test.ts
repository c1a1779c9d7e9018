import { describe, expect, it } from 'vitest';
import { parsePeriod, periodStart } from '../../src/insights/period.js';

describe('--period', () => {
  it('parses durations', () => {
    expect(parsePeriod('30s')).toEqual({ ok: true, periodMs: 30_000 });
    expect(parsePeriod('5m')).toEqual({ ok: true, periodMs: 300_000 });
    expect(parsePeriod('1h')).toEqual({ ok: true, periodMs: 3_600_000 });
    expect(parsePeriod('1d')).toEqual({ ok: true, periodMs: 86_400_000 });
  });

  it('refuses zero, negative and malformed periods', () => {
    for (const bad of ['0s', '-1h', '1', 'h', '1 hour', '', '0.5ms']) expect(parsePeriod(bad).ok, bad).toBe(false);
  });
});

describe('period alignment', () => {
  it('periods start at whole multiples of the period since the epoch', () => {
    const t = Date.UTC(2024, 4, 17, 13, 47, 12, 345);
    expect(periodStart(t, 3_600_000)).toBe(Date.UTC(2024, 4, 17, 13));
    expect(periodStart(t, 86_400_000)).toBe(Date.UTC(2024, 4, 17));
    expect(periodStart(t, 300_000)).toBe(Date.UTC(2024, 4, 17, 13, 45));
    expect(periodStart(Date.UTC(2024, 4, 17, 13), 3_600_000)).toBe(Date.UTC(2024, 4, 17, 13)); // a boundary starts its period
    expect(periodStart(Date.UTC(2024, 4, 17, 13) - 1, 3_600_000)).toBe(Date.UTC(2024, 4, 17, 12));
  });

  it('is aligned to the epoch, not to the first event', () => {
    expect(periodStart(7 * 60_000, 5 * 60_000)).toBe(5 * 60_000);
    expect(periodStart(0, 5 * 60_000)).toBe(0);
  });

  it('works before 1970 and at the edge of Date', () => {
    expect(periodStart(-1, 3_600_000)).toBe(-3_600_000);
    expect(periodStart(-3_600_000, 3_600_000)).toBe(-3_600_000);
    expect(periodStart(8.64e15 - 1, 3)).toBe(8.64e15 - 3);
  });
});
