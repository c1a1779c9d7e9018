/**
 * Rule JSON (already parsed) → a `CompiledRule` that evaluates events without looking
 * at the rule's text again, or every problem found, each with its key path.
 *
 *   1. shape   zod schema: types, allowed values, unknown keys, documented limits  (ruleSchema.ts)
 *   2. check   across keys: wildcards, Fields, names in Keys/ValueOf/Match, Sum ⇔ ValueOf,
 *              exactly one operator per filter
 *   3. compile names → CLF positions or JSON paths; filters → tests; log groups → a matcher
 */
import { suggest } from '../common/messages.js';
import type { FilterTest } from './filters.js';
import { parseJsonPath, type PathStep } from './jsonPath.js';
import { isLogGroupPattern, logGroupMatcher, type LogGroupMatcher } from './logGroups.js';
import { msg } from './messages.js';
import { issuesFromZod, ruleIssue, type RuleIssue } from './ruleIssues.js';
import { OPERATORS, ruleSchema, type RuleFile, type RuleFilter } from './ruleSchema.js';

/** Where a rule reads a value: a CLF field position (1-based) or a JSON path into the message. */
export type FieldRef =
  | { readonly kind: 'clf'; readonly position: number }
  | { readonly kind: 'json'; readonly steps: readonly PathStep[] };

export interface CompiledFilter {
  readonly field: FieldRef;
  readonly test: FilterTest;
}

export interface CompiledRule {
  readonly logFormat: 'CLF' | 'JSON';
  readonly logGroups: LogGroupMatcher;
  /** The keys as written in the rule (CSV column names), in rule order. */
  readonly keyNames: readonly string[];
  readonly keys: readonly FieldRef[];
  readonly filters: readonly CompiledFilter[];
  readonly aggregateOn: 'Count' | 'Sum';
  /** Set exactly when `aggregateOn` is `Sum`. */
  readonly valueOf: FieldRef | undefined;
}

export type CompileResult = { readonly ok: true; readonly rule: CompiledRule } | { readonly ok: false; readonly issues: RuleIssue[] };

const POSITION = /^[1-9]\d*$/;

export function compileRule(raw: unknown): CompileResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, issues: [ruleIssue([], msg.ruleNotObject(raw))] };
  }
  const parsed = ruleSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error.issues) };
  return check(parsed.data);
}

function check(file: RuleFile): CompileResult {
  const issues: RuleIssue[] = [];
  file.LogGroupNames.forEach((name, i) => {
    if (!isLogGroupPattern(name)) issues.push(ruleIssue(['LogGroupNames', i], msg.wildcardNotAtEnd(name)));
  });
  const resolve = fieldResolver(file, issues);

  const { Keys, ValueOf, Filters = [] } = file.Contribution;
  const keys = Keys.map((key, i) => {
    if (Keys.indexOf(key) !== i) issues.push(ruleIssue(['Contribution', 'Keys', i], msg.keyTwice(key)));
    return resolve(key, ['Contribution', 'Keys', i]);
  });

  let valueOf: FieldRef | undefined;
  if (file.AggregateOn === 'Sum' && ValueOf === undefined) issues.push(ruleIssue(['Contribution'], msg.sumNeedsValueOf()));
  if (file.AggregateOn === 'Count' && ValueOf !== undefined) issues.push(ruleIssue(['Contribution', 'ValueOf'], msg.valueOfOnlyForSum()));
  if (ValueOf !== undefined) valueOf = resolve(ValueOf, ['Contribution', 'ValueOf']);

  const filters = Filters.map((filter, i) => {
    const path = ['Contribution', 'Filters', i];
    const field = resolve(filter.Match, [...path, 'Match']);
    const test = filterTest(filter, path, issues);
    return field === undefined || test === undefined ? undefined : { field, test };
  });

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    rule: {
      logFormat: file.LogFormat,
      logGroups: logGroupMatcher(file.LogGroupNames),
      keyNames: Keys,
      keys: keys.filter((k) => k !== undefined),
      filters: filters.filter((f) => f !== undefined),
      aggregateOn: file.AggregateOn,
      valueOf,
    },
  };
}

type Resolve = (name: string, path: readonly PropertyKey[]) => FieldRef | undefined;

/** Names → where to read them; problems with `Fields` itself are reported once, here. */
function fieldResolver(file: RuleFile, issues: RuleIssue[]): Resolve {
  if (file.LogFormat === 'JSON') {
    if (file.Fields !== undefined) issues.push(ruleIssue(['Fields'], msg.fieldsOnlyForClf()));
    return (name, path) => {
      const steps = parseJsonPath(name);
      if (steps === undefined) issues.push(ruleIssue(path, msg.notJsonPath(name)));
      return steps === undefined ? undefined : { kind: 'json', steps };
    };
  }
  const positions = new Map<string, number>();
  for (const [position, name] of Object.entries(file.Fields ?? {})) {
    if (!POSITION.test(position)) issues.push(ruleIssue(['Fields', position], msg.fieldNumber(position)));
    else if (POSITION.test(name)) issues.push(ruleIssue(['Fields', position], msg.fieldNameIsNumber(name)));
    else if (positions.has(name)) issues.push(ruleIssue(['Fields', position], msg.fieldNameTwice(name, String(positions.get(name)))));
    else positions.set(name, Number(position));
  }
  const names = [...positions.keys()];
  return (name, path) => {
    const position = positions.get(name) ?? (POSITION.test(name) ? Number(name) : undefined);
    if (position === undefined || !Number.isSafeInteger(position)) {
      issues.push(ruleIssue(path, msg.unknownClfField(name, names, suggest(name, names))));
      return undefined;
    }
    return { kind: 'clf', position };
  };
}

function filterTest(filter: RuleFilter, path: readonly PropertyKey[], issues: RuleIssue[]): FilterTest | undefined {
  const found = OPERATORS.filter((op) => filter[op] !== undefined);
  if (found.length !== 1) {
    issues.push(ruleIssue(path, msg.operatorCount(found, OPERATORS)));
    return undefined;
  }
  if (filter.In !== undefined) return { op: 'In', values: new Set(filter.In) };
  if (filter.NotIn !== undefined) return { op: 'NotIn', values: new Set(filter.NotIn) };
  if (filter.StartsWith !== undefined) return { op: 'StartsWith', prefixes: filter.StartsWith };
  if (filter.EqualTo !== undefined) return { op: 'EqualTo', value: filter.EqualTo };
  if (filter.NotEqualTo !== undefined) return { op: 'NotEqualTo', value: filter.NotEqualTo };
  if (filter.GreaterThan !== undefined) return { op: 'GreaterThan', value: filter.GreaterThan };
  if (filter.LessThan !== undefined) return { op: 'LessThan', value: filter.LessThan };
  if (filter.IsPresent !== undefined) return { op: 'IsPresent', present: filter.IsPresent };
  return undefined;
}
