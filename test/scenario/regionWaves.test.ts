import { describe, expect, it } from 'vitest';
import { COMMERCIAL_REGIONS, DEFAULT_REGION_WAVES } from '../../src/model/catalog/regions.js';
import { completeRegionWaves } from '../../src/scenario/regionWaves.js';

const coversAllOnce = (waves: readonly (readonly string[])[]) => {
  const all = waves.flat();
  expect(new Set(all).size).toBe(all.length);
  expect([...all].sort()).toEqual([...COMMERCIAL_REGIONS].sort());
};

describe('completeRegionWaves', () => {
  it('is the default order without a regionOrder', () => {
    expect(completeRegionWaves(undefined)).toEqual(DEFAULT_REGION_WAVES);
    expect(completeRegionWaves([])).toEqual(DEFAULT_REGION_WAVES);
  });

  it('puts the listed waves first, then the rest grouped by default wave', () => {
    const waves = completeRegionWaves(['us-east-1', ['ca-west-1', 'eu-west-1']]);
    expect(waves.slice(0, 2)).toEqual([['us-east-1'], ['ca-west-1', 'eu-west-1']]);
    // ca-west-1's default wave is now empty and dropped: af-south-1 follows.
    expect(waves[2]).toEqual(['af-south-1']);
    expect(waves.at(-1)).toEqual(['ap-northeast-1', 'eu-central-1', 'us-east-2', 'us-west-2']);
    expect(waves).toHaveLength(2 + DEFAULT_REGION_WAVES.length - 2);
    coversAllOnce(waves);
  });

  it('keeps every region once when all are listed', () => {
    const all = [...COMMERCIAL_REGIONS].reverse();
    const waves = completeRegionWaves([all]);
    expect(waves).toEqual([all]);
    coversAllOnce(waves);
  });
});
