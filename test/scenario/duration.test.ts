import { describe, expect, it } from 'vitest';
import { durationMs, formatDuration, parseDuration } from '../../src/scenario/duration.js';
import { parseScenario } from '../../src/scenario/load.js';

describe('parseDuration', () => {
  it.each([
    ['0s', 0],
    ['500ms', 500],
    ['45s', 45_000],
    ['30m', 1_800_000],
    ['6h', 21_600_000],
    ['14d', 1_209_600_000],
    ['2w', 1_209_600_000],
    ['1.5d', 129_600_000],
    ['.5s', 500],
    ['0.001s', 1],
    ['1.1h', 3_960_000], // exact, not 3960000.0000000005
    ['0012h', 43_200_000],
    ['3650d', 315_360_000_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
    expect(Number.isSafeInteger(ms)).toBe(true);
  });

  it.each([
    ['', 'syntax'],
    ['1', 'syntax'],
    ['d', 'syntax'],
    ['1 d', 'syntax'],
    ['1D', 'syntax'],
    ['1y', 'syntax'],
    ['1e3s', 'syntax'],
    ['1.d', 'syntax'],
    ['+1d', 'syntax'],
    ['Infinityd', 'syntax'],
    ['1d2h', 'syntax'],
    ['-1d', 'negative'],
    ['-0.5h', 'negative'],
    ['1.5ms', 'fraction'],
    ['0.0001s', 'fraction'],
    ['99999999999999999999w', 'tooLarge'],
  ])('%j is refused (%s)', (text, reason) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason });
  });

  it('durationMs throws on what parseDuration refuses', () => {
    expect(durationMs('2h')).toBe(7_200_000);
    expect(() => durationMs('2 hours')).toThrow(/invalid duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1ms'],
    [1_500, '1500ms'],
    [90_000, '90s'],
    [129_600_000, '36h'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [1_209_600_000, '2w'],
  ])('%d ms is %s, and reads back', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(durationMs(text)).toBe(ms);
  });
});

describe('durations in a scenario', () => {
  const base = (extra: string) =>
    `name: d\nhorizon: 10d\nfleet:\n  functions: 1\n  regions: { us-east-1: 1 }\n  runtimes: { python3.12: 1 }\n${extra}`;
  const messageFor = (extra: string) => {
    const result = parseScenario(base(extra), 'd.yaml');
    return result.ok ? undefined : result.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('a bare number asks for a unit', () => {
    expect(messageFor('sampleEvery: 6')).toEqual(['sampleEvery: `6` has no unit; add one, e.g. `6d` or `6h`']);
  });

  it('0 is refused where it is meaningless, with the reason', () => {
    expect(messageFor('sampleEvery: 0m')).toEqual(['sampleEvery: `0m` is zero, which is meaningless here']);
    expect(messageFor('owners: { rollback: { unpinAfter: 0d } }')).toEqual([
      'owners.rollback.unpinAfter: `0d` is zero, which is meaningless here',
    ]);
  });

  it('0 is allowed where it means "at once"', () => {
    const result = parseScenario(base('releases:\n  - { runtime: python3.12, version: v2, at: 0s, regionInterval: 0s, phase2: { startAfter: 0d, duration: 0d } }'), 'd.yaml');
    expect(result.ok && result.scenario.releases[0]).toMatchObject({ atMs: 0, regionIntervalMs: 0, phase2: { startAfterMs: 0, durationMs: 0 } });
  });

  it('the horizon is at most ten years', () => {
    expect(messageFor('')).toBeUndefined(); // no extra: valid
    const result = parseScenario(base('').replace('horizon: 10d', 'horizon: 3651d'), 'd.yaml');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual(['`3651d` is longer than the maximum, 3650d']);
  });
});
