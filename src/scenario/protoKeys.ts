/**
 * `__proto__` keys in name-keyed maps (`fleet.regions`, `runtimes`, …). zod reports
 * `__proto__` as an unknown key in strict objects but silently drops it from
 * records; this walk reports it there too, so it is an unknown key everywhere.
 * (Nothing is polluted either way: YAML makes it an own property, zod never
 * copies it, and our own code reads only own keys.)
 */
import { z } from 'zod';
import type { Finding } from './finding.js';
import { unknownKey } from './issues.js';
import type { PathSegment } from './path.js';
import { schemaAt, unwrap } from './schemaAt.js';

const PROTO = '__proto__';

export function protoKeyFindings(raw: unknown, root: z.ZodType): Finding[] {
  const findings: Finding[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (typeof value !== 'object' || value === null) return;
    const schema = schemaAt(root, path);
    if (schema === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
      return;
    }
    const isRecord = unwrap(schema) instanceof z.ZodRecord;
    for (const key of Object.keys(value)) {
      if (key === PROTO) {
        if (isRecord) findings.push(unknownKey(path, key, schema));
        continue;
      }
      visit((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(raw, []);
  return findings;
}
