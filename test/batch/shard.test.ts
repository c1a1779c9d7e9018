/** Shard index and count: from --shard i/K, or from the cluster engine's variables with --shards. */
import { describe, expect, it } from 'vitest';
import { resolveShard } from '../../src/batch/shard.js';

describe('resolveShard', () => {
  it('--shard i/K', () => {
    expect(resolveShard({ shard: '2/3' }, {})).toEqual({ index: 2, count: 3, source: '--shard' });
    expect(() => resolveShard({ shard: '3/3' }, {})).toThrow('shard index 3 (--shard) is not below the number of shards, 3');
    expect(() => resolveShard({ shard: '1-3' }, {})).toThrow('--shard must be i/K');
  });

  it('no option: no shard, even inside an array job', () => {
    expect(resolveShard({}, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '8' })).toBeNull();
  });

  it('Kubernetes Indexed Job: JOB_COMPLETION_INDEX, K from --shards', () => {
    expect(resolveShard({ shards: '4' }, { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 3, count: 4, source: 'JOB_COMPLETION_INDEX' });
    expect(() => resolveShard({ shards: 'auto' }, { JOB_COMPLETION_INDEX: '3' })).toThrow('JOB_COMPLETION_INDEX has no variable for the number of shards');
  });

  it('AWS Batch array job: AWS_BATCH_JOB_ARRAY_INDEX and AWS_BATCH_JOB_ARRAY_SIZE', () => {
    expect(resolveShard({ shards: 'auto' }, { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '10' }))
      .toEqual({ index: 0, count: 10, source: 'AWS_BATCH_JOB_ARRAY_INDEX' });
  });

  it('Slurm job array: SLURM_ARRAY_TASK_ID from SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT', () => {
    expect(resolveShard({ shards: 'auto' }, { SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' }))
      .toEqual({ index: 7, count: 8, source: 'SLURM_ARRAY_TASK_ID' });
    expect(() => resolveShard({ shards: 'auto' }, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow('step 1');
  });

  it('--shards without an index anywhere is refused', () => {
    expect(() => resolveShard({ shards: '4' }, {})).toThrow('--shards needs a shard index');
  });
});
