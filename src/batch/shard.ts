/**
 * Which share of a batch this process runs: `--shard i/K` runs every K-th unit, starting at
 * unit i (units in plan order: points in order, replications in order within a point).
 * With `--shards K` (or `--shards auto`) instead, the index comes from the cluster engine:
 *
 *   Kubernetes Indexed Job   JOB_COMPLETION_INDEX        K: --shards K (the Job's completions)
 *   AWS Batch array job      AWS_BATCH_JOB_ARRAY_INDEX   K: --shards K, or auto = AWS_BATCH_JOB_ARRAY_SIZE
 *   Slurm job array          SLURM_ARRAY_TASK_ID         K: --shards K, or auto = SLURM_ARRAY_TASK_COUNT
 *                            (minus SLURM_ARRAY_TASK_MIN, so --array=1-8 works; the step must be 1)
 *
 * Without either option nothing is sharded, even inside an array job (an array may run a
 * different scenario per task).
 */
import { UserError } from '../common/userError.js';
export interface Shard {
  readonly index: number;
  readonly count: number;
  /** Where the index came from, for messages. */
  readonly source: string;
}

/** A problem with the shard options or variables (exit code 2). */
export class ShardError extends UserError {}

export type Env = Readonly<Record<string, string | undefined>>;

function whole(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim())) throw new ShardError(`${what} must be a whole number ≥ 0, got \`${text}\``);
  return Number(text.trim());
}

export function resolveShard(options: { readonly shard?: string | undefined; readonly shards?: string | undefined }, env: Env): Shard | null {
  if (options.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(options.shard.trim());
    if (m === null) throw new ShardError(`--shard must be i/K (e.g. 0/4), got \`${options.shard}\``);
    return checked(Number(m[1]), Number(m[2]), '--shard');
  }
  if (options.shards === undefined) return null;
  const found = indexFromEnv(env);
  if (found === null) {
    throw new ShardError('--shards needs a shard index: set --shard i/K, or run as an indexed job (JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or SLURM_ARRAY_TASK_ID)');
  }
  let count: number;
  if (options.shards.trim() === 'auto') {
    if (found.count === null) throw new ShardError(`--shards auto: ${found.source} has no variable for the number of shards; pass --shards K`);
    count = whole(found.count.value, found.count.name);
  } else {
    count = whole(options.shards, '--shards');
  }
  return checked(found.index, count, found.source);
}

function checked(index: number, count: number, source: string): Shard {
  if (!Number.isSafeInteger(count) || count < 1) throw new ShardError(`the number of shards must be ≥ 1, got ${count}`);
  if (!Number.isSafeInteger(index) || index >= count) throw new ShardError(`shard index ${index} (${source}) is not below the number of shards, ${count}`);
  return { index, count, source };
}

function indexFromEnv(env: Env): { index: number; source: string; count: { name: string; value: string } | null } | null {
  const k8s = env['JOB_COMPLETION_INDEX'];
  if (k8s !== undefined && k8s !== '') return { index: whole(k8s, 'JOB_COMPLETION_INDEX'), source: 'JOB_COMPLETION_INDEX', count: null };
  const aws = env['AWS_BATCH_JOB_ARRAY_INDEX'];
  if (aws !== undefined && aws !== '') {
    const size = env['AWS_BATCH_JOB_ARRAY_SIZE'];
    return {
      index: whole(aws, 'AWS_BATCH_JOB_ARRAY_INDEX'),
      source: 'AWS_BATCH_JOB_ARRAY_INDEX',
      count: size === undefined || size === '' ? null : { name: 'AWS_BATCH_JOB_ARRAY_SIZE', value: size },
    };
  }
  const slurm = env['SLURM_ARRAY_TASK_ID'];
  if (slurm !== undefined && slurm !== '') {
    const step = env['SLURM_ARRAY_TASK_STEP'];
    if (step !== undefined && step !== '' && step.trim() !== '1') {
      throw new ShardError(`SLURM_ARRAY_TASK_STEP is ${step}; submit the array with step 1 (e.g. --array=0-7)`);
    }
    const min = env['SLURM_ARRAY_TASK_MIN'];
    const offset = min === undefined || min === '' ? 0 : whole(min, 'SLURM_ARRAY_TASK_MIN');
    const count = env['SLURM_ARRAY_TASK_COUNT'];
    return {
      index: whole(slurm, 'SLURM_ARRAY_TASK_ID') - offset,
      source: 'SLURM_ARRAY_TASK_ID',
      count: count === undefined || count === '' ? null : { name: 'SLURM_ARRAY_TASK_COUNT', value: count },
    };
  }
  return null;
}
