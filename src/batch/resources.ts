/**
 * Whether a run fits before it starts: the budget (a share of the V8 heap limit, no output
 * limit by default) and the check of a run's estimate (estimate.ts) against it, with a
 * refusal that says which part is large and how to shrink the run.
 */
import { formatDuration } from '../scenario/duration.js';
import type { RunEstimate } from './estimate.js';

export interface ResourceLimits {
  /** Most memory a run may need, bytes. */
  readonly memoryBytes: number;
  /** Most output it may write, bytes; Infinity for no limit. */
  readonly outputBytes: number;
}

/** Share of V8's heap limit a run may plan to use: the rest is the process's own. */
export const MEMORY_BUDGET_SHARE = 0.75;

/**
 * The default budget: 75% of the V8 heap limit (`v8.getHeapStatistics().heap_size_limit`,
 * passed in so this stays pure). Node sizes that limit from the machine's memory, and
 * `NODE_OPTIONS=--max-old-space-size=<MB>` raises it, so the budget follows both. Result
 * columns are typed arrays outside the V8 heap, so the heap limit is a proxy for what the
 * machine can hold, not a hard wall. No output limit by default.
 */
export function defaultResourceLimits(heapSizeLimitBytes: number): ResourceLimits {
  return { memoryBytes: MEMORY_BUDGET_SHARE * heapSizeLimitBytes, outputBytes: Number.POSITIVE_INFINITY };
}

export type ResourceCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Context for advice: the run's current settings, as the user would change them. */
export interface ResourceContext {
  readonly functions: number;
  readonly replications: number;
  readonly workers: number;
  readonly sampleEveryMs: number;
}

/** Ok, or a refusal that names the large parts and how to shrink the run. */
export function checkResources(estimate: RunEstimate, limits: ResourceLimits, context?: ResourceContext): ResourceCheck {
  const memoryOver = !(estimate.peakMemoryBytes <= limits.memoryBytes);
  const outputOver = !(estimate.outputBytes <= limits.outputBytes);
  if (!memoryOver && !outputOver) return { ok: true };
  const problems: string[] = [];
  const advice: { bytes: number; text: string }[] = [];
  const now = (text: string): string => (context === undefined ? '' : ` (now ${text})`);

  if (memoryOver) {
    const r = estimate.replication;
    const large = (b: number): boolean => !(b < 0.05 * estimate.replicationBytes);
    const parts = ([
      ['patch rows', r.patches], ['timeseries rows', r.timeseries], ['change trace', r.changes], ['INIT_START log', r.initStart],
      ['fleet', r.fleet], ['event queue', r.eventQueue], ['group counts', r.groupCounts], ['exposure', r.exposure],
    ] as const).filter(([, b]) => large(b)).sort((a, b) => b[1] - a[1]);
    problems.push(
      `this run needs about ${bytes(estimate.peakMemoryBytes)} of memory: ${estimate.workers} worker(s) × ` +
        `${bytes(estimate.replicationBytes)} per replication while it is simulated (${parts.map(([name, b]) => `${name} ${bytes(b)}`).join(', ')}), ` +
        `plus ${bytes(estimate.retainedBytes)} per result while it is stored and written; more than the budget of ${bytes(limits.memoryBytes)} ` +
        `(${Math.round(MEMORY_BUDGET_SHARE * 100)}% of Node's heap limit; NODE_OPTIONS=--max-old-space-size=<MB> raises it)`,
    );
    const offer = (b: number, text: string): void => {
      if (b > 0 && large(b)) advice.push({ bytes: b, text });
    };
    offer(r.patches, `--no-patches (patch rows: ${bytes(r.patches)} per replication; metrics are unchanged)`);
    offer(r.timeseries, `a larger sampleEvery${now(context === undefined ? '' : duration(context.sampleEveryMs))} (timeseries rows: ${bytes(r.timeseries)})`);
    offer(r.initStart, `a smaller outputs.initStartLog.sample (INIT_START log: ${bytes(r.initStart)})`);
    offer(r.changes, `outputs.events: false (change trace: ${bytes(r.changes)})`);
    if (estimate.workers > 1) {
      advice.push({ bytes: (estimate.workers - 1) * estimate.replicationBytes, text: `fewer worker threads, e.g. --workers 1${now(String(estimate.workers))}` });
    }
    advice.push({ bytes: 0, text: `fewer functions (fleet.functions${context === undefined ? '' : `, now ${count(context.functions)}`}): memory grows with them` });
  }
  if (outputOver) {
    const o = estimate.outputs;
    const files = Object.entries(o).filter(([, b]) => !(b < 0.05 * estimate.outputBytes)).sort((a, b) => b[1] - a[1]);
    problems.push(
      `it would write about ${bytes(estimate.outputBytes)} (${files.map(([name, b]) => `${name} ${bytes(b)}`).join(', ')}), ` +
        `more than the limit of ${bytes(limits.outputBytes)}`,
    );
    if (o['patches.csv'] !== undefined) advice.push({ bytes: o['patches.csv'], text: `--no-patches (patches.csv: ${bytes(o['patches.csv'])})` });
    if ((o['timeseries.csv'] ?? 0) > 0.05 * estimate.outputBytes) {
      advice.push({ bytes: o['timeseries.csv']!, text: `a larger sampleEvery (timeseries.csv: ${bytes(o['timeseries.csv']!)})` });
    }
    advice.push({ bytes: 0, text: `fewer replications (--replications N${context === undefined ? '' : `, now ${count(context.replications)}`}) or functions: output grows with both` });
  }
  // One piece of advice per option (--no-patches may help both memory and output: said once).
  const seen = new Set<string>();
  const shown = advice
    .sort((a, b) => b.bytes - a.bytes)
    .map((a) => a.text)
    .filter((text) => {
      const option = text.split(' (')[0]!;
      if (seen.has(option)) return false;
      seen.add(option);
      return true;
    });
  return { ok: false, message: `${problems.join('; and ')}. To shrink it: ${shown.join('; ')}.` };
}

/** `1.2 GB`, `340 MB`, `12 kB` (decimal units); "an unbounded amount" for a run too big to count. */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return 'an unbounded amount';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let x = n;
  let u = 0;
  while (x >= 1000 && u < units.length - 1) {
    x /= 1000;
    u++;
  }
  return u === 0 ? `${Math.round(x)} bytes` : `${x < 10 ? x.toFixed(1) : Math.round(x)} ${units[u]}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A sampling interval as a scenario writes it (the scenario's own `formatDuration`). */
function duration(ms: number): string {
  return Number.isSafeInteger(ms) && ms >= 0 ? formatDuration(ms) : `${ms}ms`;
}
