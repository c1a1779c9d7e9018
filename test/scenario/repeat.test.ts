/** Release series (`repeat`): labels, times and the errors they can raise. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.js';
import { seriesLabel, seriesLength } from '../../src/scenario/repeat.js';

const base = (releases: string): string => `name: series
horizon: 60d
fleet:
  functions: 10
  regions: { us-east-1: 1 }
  runtimes: { python3.12: 1 }
runtimes:
  python3.12: { current: python:3.12.v14 }
releases:
${releases}`;

describe('seriesLabel / seriesLength', () => {
  it('raises the final number and keeps zero padding', () => {
    expect(seriesLabel('python:3.12.v15', 0)).toBe('python:3.12.v15');
    expect(seriesLabel('python:3.12.v15', 3)).toBe('python:3.12.v18');
    expect(seriesLabel('provided:al2023.v098', 3)).toBe('provided:al2023.v101');
    expect(seriesLabel('x.v007', 1)).toBe('x.v008');
  });

  it('counts releases that start before the horizon, capped by count', () => {
    expect(seriesLength(0, 14, 60, undefined)).toBe(5); // 0, 14, 28, 42, 56
    expect(seriesLength(0, 15, 60, undefined)).toBe(4); // 0, 15, 30, 45
    expect(seriesLength(0, 14, 60, 2)).toBe(2);
  });
});

describe('repeat in a scenario file', () => {
  it('expands into releases every `every`, labelled in order', () => {
    const r = parseScenario(base(`  - { runtime: python3.12, version: python:3.12.v15, at: 2d, repeat: { every: 14d } }\n`), 's.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.releases.map((x) => [x.version, x.atMs / 86_400_000])).toEqual([
      ['python:3.12.v15', 2], ['python:3.12.v16', 16], ['python:3.12.v17', 30], ['python:3.12.v18', 44], ['python:3.12.v19', 58],
    ]);
  });

  it('refuses an unnumbered label, a label clash with another release, and fixes', () => {
    const r = parseScenario(base([
      '  - { runtime: python3.12, version: python:3.12.latest, at: 2d, repeat: { every: 14d } }',
      '  - { runtime: python3.12, version: python:3.12.v15, at: 2d, repeat: { every: 14d, count: 3 } }',
      '  - { runtime: python3.12, version: python:3.12.v16, at: 40d, fixes: python:3.12.v15, repeat: { every: 7d } }',
      '',
    ].join('\n')), 's.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`);
    expect(lines.some((l) => l.startsWith('10:') && l.includes('does not end in a number'))).toBe(true);
    expect(lines.some((l) => l.startsWith('12:') && l.includes('python:3.12.v16') && l.includes('already released by releases[1]'))).toBe(true);
    expect(lines.some((l) => l.startsWith('12:') && l.includes('releases[2].fixes'))).toBe(true);
  });
});
