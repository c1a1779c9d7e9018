/**
 * JSON property paths as Contributor Insights writes them: `$` for the root of the
 * message, then `.name` or `[index]` steps: `$.ip`, `$.endpoints[0]`, `$.users[1].name`.
 */

export type PathStep = string | number;

/** A value at the end of a path that a rule can use: a JSON leaf (objects and lists are not). */
export type Leaf = string | number | boolean | null;

/** One step: `.name` (any characters but `.`, `[`, `]`) or `[digits]`. */
const STEP = /\.([^.[\]]+)|\[(\d+)\]/y;

/** Steps of a path, or undefined when `text` is not a path (no `$`, empty name, bad index). */
export function parseJsonPath(text: string): PathStep[] | undefined {
  if (!text.startsWith('$') || text.length === 1) return undefined;
  const steps: PathStep[] = [];
  const pattern = new RegExp(STEP); // own lastIndex, so calls never share state
  pattern.lastIndex = 1;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (match === null) return undefined;
    const index = match[2];
    steps.push(index === undefined ? match[1] ?? '' : Number(index));
  }
  return steps;
}

/** The leaf at `steps` inside `root`, or undefined when a step is missing or the value is an object or a list. */
export function leafAt(root: unknown, steps: readonly PathStep[]): Leaf | undefined {
  let node: unknown = root;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!Array.isArray(node) || step >= node.length) return undefined;
      node = node[step];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, step)) return undefined;
      node = (node as Record<string, unknown>)[step];
    }
  }
  return isLeaf(node) ? node : undefined;
}

function isLeaf(value: unknown): value is Leaf {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
