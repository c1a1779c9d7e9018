/**
 * Progress of a batch on stderr: a cli-progress bar when stderr is a terminal, plain
 * periodic lines otherwise (CI logs), nothing with --quiet. It follows simulated time inside
 * the running units, not only finished units: each running unit's worker writes the
 * simulated time and events so far into a shared cell (src/batch/progressCell.ts), which a
 * timer here reads. So a single 20-second replication shows `day 143/365`, the events per
 * second so far, and an ETA from the simulated-time progress.
 *
 *   units 0/1 ████████░░░░ 39% | day 143/365 | 1.10 M events/s | 8s elapsed | ETA 12s
 */
import cliProgress from 'cli-progress';
import type { UnitRef } from '../batch/plan.js';
import { createProgressCell, readProgressCell } from '../batch/progressCell.js';
import type { BatchProgress } from '../batch/runBatch.js';
import type { UnitSummary } from '../batch/unitCodec.js';
import type { CliIo } from './io.js';

export interface ProgressReporter extends BatchProgress {
  /** Reads the running units' cells and redraws (a timer calls it; tests may too). */
  poll(): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Milliseconds between plain lines when stderr is not a terminal (default 5 s). */
  readonly plainEveryMs?: number;
  /** Milliseconds between reads of the running units' cells (default 200). */
  readonly pollEveryMs?: number;
}

/** The bar counts thousandths of a unit, so progress inside a unit moves it. */
const STEPS_PER_UNIT = 1000;
const DAY_MS = 86_400_000;

function rate(eventsPerSecond: number): string {
  if (eventsPerSecond >= 1e6) return `${(eventsPerSecond / 1e6).toFixed(2)} M`;
  if (eventsPerSecond >= 1e3) return `${(eventsPerSecond / 1e3).toFixed(1)} k`;
  return eventsPerSecond.toFixed(0);
}

interface Running {
  readonly cell: SharedArrayBuffer;
  readonly horizonMs: number;
}

const keyOf = (u: UnitRef): string => `${u.point}:${u.replication}`;

export function createProgress(io: CliIo, quiet: boolean, onUnit?: (done: number) => void, options: ProgressOptions = {}): ProgressReporter {
  let doneHere = 0;
  if (quiet) {
    return {
      planned: () => undefined,
      unitDone: () => onUnit?.(++doneHere),
      poll: () => undefined,
      stop: () => undefined,
    };
  }
  const tty = io.stderrIsTty;
  const stream = tty ? process.stderr : { write: (text: string) => { io.stderr(text); return true; }, isTTY: false };
  const fields = 'units {units} | day {day} | {rate} events/s | {duration_formatted} elapsed | ETA {eta_formatted}';
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: tty ? `{bar} {percentage}% | ${fields}` : `{percentage}% | ${fields}`,
    noTTYOutput: !tty,
    notTTYSchedule: options.plainEveryMs ?? 5_000,
    hideCursor: tty,
    etaBuffer: 50,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  const started = process.hrtime.bigint();
  const running = new Map<string, Running>();
  let total = 0;
  let done = 0;
  let eventsDone = 0;
  let timer: NodeJS.Timeout | null = null;

  const snapshot = (): { value: number; payload: Record<string, string> } => {
    let inside = 0;
    let events = eventsDone;
    let day = '–';
    let least = Number.POSITIVE_INFINITY;
    for (const r of running.values()) {
      const p = readProgressCell(r.cell);
      const share = r.horizonMs > 0 ? Math.min(1, p.atMs / r.horizonMs) : 0;
      inside += Math.floor(share * STEPS_PER_UNIT);
      events += p.events;
      if (share < least) {
        least = share;
        day = `${Math.floor(p.atMs / DAY_MS)}/${Math.round(r.horizonMs / DAY_MS)}`;
      }
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      value: Math.min(total * STEPS_PER_UNIT, done * STEPS_PER_UNIT + inside),
      payload: { units: `${done}/${total}`, day, rate: rate(seconds > 0 ? events / seconds : 0) },
    };
  };
  const poll = (): void => {
    if (timer === null) return;
    const s = snapshot();
    bar.update(s.value, s.payload);
  };
  return {
    planned(units: number, stored: number): void {
      total = units;
      done = stored;
      const s = snapshot();
      if (timer === null) {
        bar.start(total * STEPS_PER_UNIT, s.value, s.payload);
        timer = setInterval(poll, options.pollEveryMs ?? 200);
        timer.unref();
      } else {
        bar.setTotal(total * STEPS_PER_UNIT);
        bar.update(s.value, s.payload);
      }
    },
    unitStarted(unit: UnitRef, horizonMs: number): SharedArrayBuffer {
      const cell = createProgressCell();
      running.set(keyOf(unit), { cell, horizonMs });
      return cell;
    },
    unitEnded(unit: UnitRef): void {
      running.delete(keyOf(unit));
    },
    unitDone(summary: UnitSummary): void {
      running.delete(keyOf(summary));
      eventsDone += summary.events;
      done++;
      poll();
      onUnit?.(++doneHere);
    },
    poll,
    stop(): void {
      if (timer === null) return;
      clearInterval(timer);
      timer = null;
      bar.stop();
    },
  };
}
