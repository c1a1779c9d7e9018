/**
 * A problem found in a scenario, before it has a line and column: the key path it
 * concerns and which YAML node to point at. `load.ts` turns findings into
 * `ScenarioError`s with positions (`positions.ts`).
 */
import type { PathSegment } from './path.js';

/**
 * - `value`: the value at `path` (falls back to its key when the value is empty);
 * - `key`: the key at the end of `path` (unknown keys);
 * - `parent`: the map that holds `path` (missing required keys).
 */
export type Anchor = 'value' | 'key' | 'parent';

export interface Finding {
  readonly path: readonly PathSegment[];
  readonly anchor: Anchor;
  readonly message: string;
  readonly allowed?: string;
}

export function finding(path: readonly PathSegment[], anchor: Anchor, message: string, allowed?: string): Finding {
  return allowed === undefined ? { path, anchor, message } : { path, anchor, message, allowed };
}
