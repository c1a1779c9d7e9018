/**
 * `releases[].publishedAt` (R10, irregular waves): explicit per-region publication times that
 * override the wave order and interval for the regions listed, and its errors with positions.
 */
import { describe, expect, it } from 'vitest';
import { buildVersionTable, REGION_COUNT } from '../../src/model/catalog/versionTable.js';
import { COMMERCIAL_REGIONS } from '../../src/model/catalog/regions.js';
import { formatScenarioError, parseScenario, type LoadResult } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';

const HOUR = 3_600_000;
const BASE = `name: x
horizon: 30d
fleet:
  functions: 10
  regions: { us-east-1: 1, eu-west-1: 1, ap-south-1: 1 }
  runtimes: { python3.12: 1 }
releases:
`;

function load(release: string): LoadResult {
  return parseScenario(`${BASE}  - ${release}\n`, 'p.yaml');
}

function errors(result: LoadResult): string[] {
  if (result.ok) throw new Error('expected errors, the scenario loaded');
  return result.errors.map(formatScenarioError);
}

describe('releases[].publishedAt', () => {
  it('overrides the wave time of the regions it lists and leaves the others on their waves', () => {
    const result = load('{ runtime: python3.12, version: python:3.12.v2, at: 1d, regionOrder: [us-east-1, eu-west-1, ap-south-1], regionInterval: 12h, publishedAt: { ap-south-1: 5d, eu-west-1: 2d } }');
    if (!result.ok) throw new Error(errors(result).join('\n'));
    const table = buildVersionTable(result.scenario);
    const pub = (region: string) => table.publishedMs[1 * REGION_COUNT + COMMERCIAL_REGIONS.indexOf(region as never)];
    expect(pub('us-east-1')).toBe(24 * HOUR); // first wave, at
    expect(pub('eu-west-1')).toBe(48 * HOUR); // explicit, not 36 h (second wave)
    expect(pub('ap-south-1')).toBe(120 * HOUR); // explicit, not 48 h (third wave)
    expect(result.scenario.releases[0]?.publishedAtMs).toEqual([
      { region: 'ap-south-1', atMs: 120 * HOUR },
      { region: 'eu-west-1', atMs: 48 * HOUR },
    ]);
  });

  it('shifts with each release of a series (repeat)', () => {
    const result = load('{ runtime: python3.12, version: python:3.12.v2, at: 1d, repeat: { every: 7d, count: 2 }, publishedAt: { eu-west-1: 2d } }');
    if (!result.ok) throw new Error(errors(result).join('\n'));
    expect(result.scenario.releases.map((r) => r.publishedAtMs)).toEqual([
      [{ region: 'eu-west-1', atMs: 48 * HOUR }],
      [{ region: 'eu-west-1', atMs: (48 + 168) * HOUR }],
    ]);
  });

  it('refuses an unknown region, a region outside the fleet and a negative time, each at its position', () => {
    const e = errors(load('{ runtime: python3.12, version: v2, at: 1d, publishedAt: { eu-wst-1: 2d, us-west-2: 3d, us-east-1: -1d } }'));
    expect(e).toHaveLength(3);
    expect(e.find((x) => x.includes('publishedAt.eu-wst-1'))).toMatch(/^p\.yaml:8:\d+ releases\[0\]\.publishedAt\.eu-wst-1: .*unknown region `eu-wst-1`; did you mean `eu-west-1`\?/);
    expect(e.find((x) => x.includes('publishedAt.us-west-2'))).toMatch(/^p\.yaml:8:\d+ releases\[0\]\.publishedAt\.us-west-2: region `us-west-2` is not in fleet\.regions/);
    expect(e.find((x) => x.includes('publishedAt.us-east-1'))).toMatch(/^p\.yaml:8:\d+ releases\[0\]\.publishedAt\.us-east-1: .*negative/);
  });

  it('is in the JSON Schema for editors', () => {
    const schema = JSON.stringify(scenarioJsonSchema());
    expect(schema).toContain('"publishedAt"');
    expect(schema).toContain('Explicit publication time per region');
  });
});
