/**
 * zod issues → findings: one finding per problem, with the path to point at and
 * what is allowed there. Unknown keys become one finding each (at the key, with a
 * did-you-mean); a missing required key points at the map that lacks it; a failed
 * union reports the branch the value was evidently meant for.
 */
import { z } from 'zod';
import { finding, type Finding } from './finding.js';
import { allowed as allowedText, msg } from './messages.js';
import { toKeyPath, type PathSegment } from './path.js';
import { acceptedKeys, infoOf, schemaAt, unwrap } from './schemaAt.js';
import { suggest } from '../common/messages.js';

/** Where relative issue paths start: inside a union branch, the branch's own schema. */
interface Base {
  readonly path: readonly PathSegment[];
  readonly schema: z.ZodType | undefined;
}

export function findingsFromIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, root: z.ZodType): Finding[] {
  return issues.flatMap((issue) => fromIssue(issue, { path: [], schema: root }, raw));
}

function fromIssue(issue: z.core.$ZodIssue, base: Base, raw: unknown): Finding[] {
  const relative = toKeyPath(issue.path);
  const path = [...base.path, ...relative];
  const schemaHere = (): z.ZodType | undefined => (base.schema === undefined ? undefined : schemaAt(base.schema, relative));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(path, key, schemaHere()));
    case 'invalid_union': {
      const chosen = intendedBranch(issue.errors);
      if (chosen === undefined) return [finding(path, 'value', msg.invalid(), allowedAt(schemaHere()))];
      const union = schemaHere();
      const core = union === undefined ? undefined : unwrap(union);
      const option = core instanceof z.ZodUnion ? (core.def.options[chosen.index] as z.ZodType | undefined) : undefined;
      return chosen.issues.flatMap((inner) => fromIssue(inner, { path, schema: option }, raw));
    }
    case 'invalid_type': {
      const key = path[path.length - 1];
      if (issue.input === undefined && typeof key === 'string' && !hasKey(valueAt(raw, path.slice(0, -1)), key)) {
        return [finding(path, 'parent', msg.missingKey(key), allowedAt(schemaHere()))];
      }
      return [finding(path, 'value', issue.message, allowedAt(schemaHere()))];
    }
    default:
      return [finding(path, 'value', issue.message, allowedAt(schemaHere()))];
  }
}

/** An unknown key of the map at `parentPath` whose schema is `parent`, with a did-you-mean. */
export function unknownKey(parentPath: readonly PathSegment[], key: string, parent: z.ZodType | undefined): Finding {
  const accepted = acceptedKeys(parent);
  const keys = accepted?.keys ?? [];
  const suggestion = suggest(key, keys);
  const noun = accepted?.noun;
  const message = noun === undefined ? msg.unknownKey(key, suggestion) : msg.unknownName(noun, key, suggestion);
  const allowed = noun === undefined ? allowedText.keys(keys) : allowedText.names(keys);
  return finding([...parentPath, key], 'key', message, keys.length > 0 ? allowed : undefined);
}

/**
 * The union branch whose type matched the value (a string for `region`, a list for
 * `[region, …]`): the one branch without a type error at its own root. Undefined if
 * none or several fit, so the caller reports the union as a whole.
 */
function intendedBranch(
  branches: readonly (readonly z.core.$ZodIssue[])[],
): { index: number; issues: readonly z.core.$ZodIssue[] } | undefined {
  const fitting = branches
    .map((issues, index) => ({ index, issues }))
    .filter(({ issues }) => !issues.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** What may be written here: the registered text, or the keys of a map. */
function allowedAt(schema: z.ZodType | undefined): string | undefined {
  const info = infoOf(schema);
  if (info?.allowed !== undefined) return info.allowed;
  const keys = acceptedKeys(schema);
  return keys === undefined ? undefined : allowedText.map(keys.keys);
}

function hasKey(map: unknown, key: string): boolean {
  return typeof map === 'object' && map !== null && !Array.isArray(map) && Object.hasOwn(map, key);
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}
