/**
 * V8's inlining budget, widened for the simulation (docs/performance.md, "Where the time goes",
 * "Inlining").
 *
 * TurboFan stops inlining calls into a function it optimises once the callees already inlined
 * there add up to `--max-inlined-bytecode-size-cumulative` bytes of bytecode (920 by default).
 * A move passes through some forty small functions (the record's accessors, the staleness
 * meters, patches, group counts), and at the default the budget ran out before the hot path
 * was compiled as one piece. At 2,500 bytes a 1 M-function simulation took 23.5 and 23.3 s
 * against 26.7 and 26.2 s in two back-to-back pairs on the same build, with the same digest
 * (inlining changes no result).
 *
 * V8's flags are process-wide and read when a function is optimised, so setting this when the
 * worker thread's entry loads (before any simulation gets hot) is enough. Node warns that
 * changing V8 flags after start-up may behave unpredictably; this one changes only which
 * calls the optimising compiler inlines.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytes of bytecode the optimising compiler may inline into one function (V8's default: 920). */
export const INLINED_BYTECODE_CUMULATIVE_BYTES = 2500;

export function widenInliningBudget(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE_BYTES}`);
}
