/**
 * A cheap, conservative guard against deeply nested input, checked before YAML
 * parsing: the `yaml` composer recurses once per level, and at some ten thousand
 * levels the process can die outright (a stack overflow inside V8's RegExp compiler
 * is fatal, not a catchable RangeError). A scenario needs about five levels.
 *
 * Two bounds, both over-estimates of the real depth (brackets inside quoted text
 * count too), which is fine at limits this far above any real file:
 * - open flow brackets `[` `{` not yet closed;
 * - the width of a line's leading indentation and block indicators (`- - - x`).
 */
import { MAX_FLOW_NESTING, MAX_BLOCK_INDENT } from './limits.js';

export interface NestingProblem {
  readonly offset: number;
  readonly kind: 'flow' | 'block';
}

export function findExcessiveNesting(source: string): NestingProblem | undefined {
  let open = 0;
  let lineStart = true;
  let lead = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n') {
      lineStart = true;
      lead = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ' || c === '\t' || c === '-' || c === '?' || c === ':') {
        if (++lead > MAX_BLOCK_INDENT) return { offset: i, kind: 'block' };
      } else {
        lineStart = false;
      }
    }
    if (c === '[' || c === '{') {
      if (++open > MAX_FLOW_NESTING) return { offset: i, kind: 'flow' };
    } else if ((c === ']' || c === '}') && open > 0) {
      open--;
    }
  }
  return undefined;
}
