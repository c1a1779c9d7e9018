import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN_SOURCE } from '../../src/scenario/duration.js';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';

type Json = Record<string, any>;

describe('scenarioJsonSchema', () => {
  const schema = JSON.parse(JSON.stringify(scenarioJsonSchema())) as Json;

  it('is draft 2020-12 JSON with a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('lambda-rollout-sim scenario');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('has every top-level key, described, and the required ones', () => {
    const keys = ['name', 'seed', 'horizon', 'startDate', 'sampleEvery', 'replications', 'fleet', 'runtimes', 'releases', 'catalog', 'owners', 'policy', 'outputs', 'sweep'];
    expect(Object.keys(schema.properties)).toEqual(keys);
    for (const key of keys) expect(typeof schema.properties[key].description).toBe('string');
    expect(schema.required).toEqual(['name', 'horizon', 'fleet']);
  });

  it('shows durations as strings with their pattern and file-style defaults', () => {
    expect(schema.properties.horizon).toMatchObject({ type: 'string', pattern: DURATION_PATTERN_SOURCE });
    expect(schema.properties.sampleEvery).toMatchObject({ type: 'string', pattern: DURATION_PATTERN_SOURCE, default: '1d' });
    const phase2 = schema.properties.releases.items.properties.phase2.properties;
    expect(phase2.duration).toMatchObject({ type: 'string', default: '7d' });
    expect(new RegExp(DURATION_PATTERN_SOURCE).test('14d')).toBe(true);
  });

  it('lists the allowed names of name-keyed maps and strict nested maps', () => {
    const fleet = schema.properties.fleet;
    expect(fleet.additionalProperties).toBe(false);
    expect(fleet.properties.regions.propertyNames.enum).toContain('us-east-1');
    expect(fleet.properties.runtimes.propertyNames.enum).toContain('python3.12');
    expect(fleet.properties.updateModes.propertyNames.enum).toEqual(['Auto', 'FunctionUpdate', 'Manual']);
    expect(fleet.properties.publishedVersionShare).toMatchObject({ type: 'number', minimum: 0, maximum: 1, default: 0 });
    expect(fleet.properties.functions).toMatchObject({ type: 'integer', minimum: 1, maximum: 50_000_000 });
  });
});
