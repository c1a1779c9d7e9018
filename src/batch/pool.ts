/**
 * The worker pool: piscina threads running `dist/batch/worker.js` (workerFile.ts). A task
 * is a unit spec; its answer is the packed unit, transferred, not copied. An error a worker
 * raises outside any task (it should not happen) is handed to `onError`, never lost.
 *
 * Threads are only ever terminated idle, and only SETTLE_MS after their last task: Node 20
 * can abort the whole process (`NodePlatform::ForIsolate` assertion) when a worker is
 * terminated while V8 still compiles its hot code on a background thread. So a running unit
 * is never cancelled (an interrupted batch lets running units finish), and `close()` waits
 * out the rest of the settle time, which the caller can spend writing outputs first.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { OutputFilesTask } from './outputTask.js';
import type { UnitTask } from './unitTask.js';
import { workerFile } from './workerFile.js';

export interface UnitRunner {
  readonly threads: number;
  run(task: UnitTask): Promise<ArrayBuffer>;
  /** Writes output files on a thread (outputTask.ts); the names written. */
  writeFiles(task: OutputFilesTask): Promise<string[]>;
  /** Terminates the threads, once idle long enough (see above). */
  close(): Promise<void>;
}

/** Idle time before threads are terminated; background compilation is long done by then. */
const SETTLE_MS = 500;

export function defaultWorkers(): number {
  return availableParallelism();
}

export function createWorkerPool(workers: number, onError: (error: unknown) => void): UnitRunner {
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  pool.on('error', onError);
  let lastSettled = performance.now();
  let running = 0;
  // pool.run posts the task at once when a thread is idle, before the caller goes on.
  const tracked = async <T>(task: Promise<unknown>, check: (answer: unknown) => T): Promise<T> => {
    running++;
    try {
      return check(await task);
    } finally {
      running--;
      lastSettled = performance.now();
    }
  };
  return {
    threads: workers,
    run: (task) => tracked(pool.run(task), (answer) => {
      if (!(answer instanceof ArrayBuffer)) throw new Error('a worker returned something other than a packed unit');
      return answer;
    }),
    writeFiles: (task) => tracked(pool.run(task, { name: 'writeFiles' }), (answer) => {
      if (!Array.isArray(answer)) throw new Error('a worker returned something other than the files it wrote');
      return answer as string[];
    }),
    close: async () => {
      if (running > 0) throw new Error('the worker pool was closed with units still running');
      const wait = SETTLE_MS - (performance.now() - lastSettled);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await pool.destroy();
    },
  };
}
