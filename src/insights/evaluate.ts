/**
 * One event through one rule: log group → message fields → filters (ANDed) → keys and
 * value. Undefined when the event does not contribute: another log group, a message
 * that is not JSON for a JSON rule, a failed filter, a missing key, or (Sum) a
 * `ValueOf` field that is missing or not numeric.
 */
import { clfField, clfFields } from './clfFields.js';
import type { CompiledRule, FieldRef } from './compileRule.js';
import { passes } from './filters.js';
import { leafAt, type Leaf } from './jsonPath.js';
import type { LogEvent } from './logEvent.js';
import { leafNumber, leafText } from './values.js';

export interface Contribution {
  /** One text per rule key, in rule order. */
  readonly keys: readonly string[];
  readonly value: number;
}

type Read = (field: FieldRef) => Leaf | undefined;

export function contributionOf(rule: CompiledRule, event: LogEvent): Contribution | undefined {
  if (!rule.logGroups(event.logGroupName)) return undefined;
  const read = reader(rule.logFormat, event.message);
  if (read === undefined) return undefined;
  for (const filter of rule.filters) {
    if (!passes(filter.test, read(filter.field))) return undefined;
  }
  const keys: string[] = [];
  for (const field of rule.keys) {
    const value = read(field);
    if (value === undefined) return undefined;
    keys.push(leafText(value));
  }
  if (rule.valueOf === undefined) return { keys, value: 1 };
  const raw = read(rule.valueOf);
  const value = raw === undefined ? undefined : leafNumber(raw);
  return value === undefined ? undefined : { keys, value };
}

/** How to read fields of this message; undefined for a JSON rule and a message that is not JSON. */
function reader(format: CompiledRule['logFormat'], message: string): Read | undefined {
  if (format === 'CLF') {
    const fields = clfFields(message);
    return (field) => (field.kind === 'clf' ? clfField(fields, field.position) : undefined);
  }
  let root: unknown;
  try {
    root = JSON.parse(message);
  } catch {
    return undefined;
  }
  return (field) => (field.kind === 'json' ? leafAt(root, field.steps) : undefined);
}
