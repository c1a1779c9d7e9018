/** Output files written on worker threads: how the files are split over the threads. */
import { describe, expect, it } from 'vitest';
import { splitOverThreads } from '../../src/batch/outputTask.js';

describe('splitOverThreads', () => {
  it('gives the large files a thread each, first, and never more tasks than threads', () => {
    const names = ['timeseries.parquet', 'exposure.parquet', 'episodes.parquet', 'releases.parquet', 'patches.parquet'];
    expect(splitOverThreads(names, 1)).toEqual([['patches.parquet', 'timeseries.parquet', 'exposure.parquet', 'episodes.parquet', 'releases.parquet']]);
    expect(splitOverThreads(names, 2)).toEqual([
      ['patches.parquet', 'exposure.parquet', 'releases.parquet'],
      ['timeseries.parquet', 'episodes.parquet'],
    ]);
    expect(splitOverThreads(['releases.parquet'], 8)).toEqual([['releases.parquet']]);
  });
});
