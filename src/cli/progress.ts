/**
 * Progress of a batch on stderr: a cli-progress bar (units done/total, elapsed, ETA,
 * simulated events per second) when stderr is a terminal, plain periodic lines otherwise
 * (CI logs), nothing with --quiet.
 */
import cliProgress from 'cli-progress';
import type { BatchProgress } from '../batch/runBatch.js';
import type { UnitSummary } from '../batch/unitCodec.js';
import type { CliIo } from './io.js';

export interface ProgressReporter extends BatchProgress {
  stop(): void;
}

/** Seconds between plain lines when stderr is not a terminal. */
const PLAIN_EVERY_MS = 5_000;

function rate(eventsPerSecond: number): string {
  if (eventsPerSecond >= 1e6) return `${(eventsPerSecond / 1e6).toFixed(2)} M`;
  if (eventsPerSecond >= 1e3) return `${(eventsPerSecond / 1e3).toFixed(1)} k`;
  return eventsPerSecond.toFixed(0);
}

export function createProgress(io: CliIo, quiet: boolean, onUnit?: (done: number) => void): ProgressReporter {
  let doneHere = 0;
  if (quiet) {
    return {
      planned: () => undefined,
      unitDone: () => onUnit?.(++doneHere),
      stop: () => undefined,
    };
  }
  const tty = io.stderrIsTty;
  const stream = tty ? process.stderr : { write: (text: string) => { io.stderr(text); return true; }, isTTY: false };
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: tty
      ? 'units {bar} {value}/{total} | {duration_formatted} elapsed | ETA {eta_formatted} | {rate} events/s'
      : 'units {value}/{total} ({percentage}%) | {duration_formatted} elapsed | ETA {eta_formatted} | {rate} events/s',
    noTTYOutput: !tty,
    notTTYSchedule: PLAIN_EVERY_MS,
    hideCursor: tty,
    etaBuffer: 50,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  const started = process.hrtime.bigint();
  let events = 0;
  let running = false;
  const payload = (): { rate: string } => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { rate: rate(seconds > 0 ? events / seconds : 0) };
  };
  return {
    planned(total: number, done: number): void {
      if (!running) {
        bar.start(total, done, payload());
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload());
      }
    },
    unitDone(summary: UnitSummary): void {
      events += summary.events;
      bar.increment(1, payload());
      onUnit?.(++doneHere);
    },
    stop(): void {
      if (running) bar.stop();
      running = false;
    },
  };
}
