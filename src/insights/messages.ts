/**
 * Every text the `insights` command shows a user, in one catalogue. Other files in
 * this folder call these functions and never spell a message themselves. Rules are JSON,
 * so names and strings are quoted as JSON writes them (common/messages.ts's `json`).
 */
import { clip, didYouMean as didYouMeanText, json } from '../common/messages.js';

/** A value as the user wrote it, short enough for one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null`';
  if (typeof value === 'string') return json(clip(value));
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${value}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `\`${String(value)}\``;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: '`true` or `false`',
  object: 'a JSON object',
  record: 'a JSON object',
  array: 'a list',
};

const didYouMean = (suggestion: string | undefined): string => {
  const text = didYouMeanText(suggestion, json);
  return text === undefined ? '' : ` (${text})`;
};

const quoted = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(', ');

export const msg = {
  // --- the rule file ---
  cannotReadRule: (reason: string) => `cannot read the rule file: ${reason}`,
  ruleTooLarge: (bytes: number, limit: number) => `the rule file is ${bytes} bytes; rules are limited to ${limit} bytes`,
  ruleNotJson: (reason: string) => `the rule file is not valid JSON: ${reason}`,
  ruleNotObject: (value: unknown) => `a rule must be a JSON object ({"Schema": …, "Contribution": …}), not ${show(value)}`,

  // --- rule keys and values (zod issues) ---
  missingKey: () => 'is required',
  wrongType: (expected: string, input: unknown) => `must be ${EXPECTED[expected] ?? expected}, not ${show(input)}`,
  notOneOf: (allowed: readonly unknown[], input: unknown) =>
    `must be ${allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`}, not ${show(input)}`,
  unknownKey: (key: string, allowed: readonly string[], suggestion: string | undefined) =>
    `unknown key ${JSON.stringify(key)}${didYouMean(suggestion)}; allowed here: ${quoted(allowed)}`,
  logGroupArns: () => 'cross-account rules are not supported here; list the log groups by name in LogGroupNames',
  emptyText: () => 'must not be an empty string',
  tooFew: (min: number) => `must list at least ${min} item${min === 1 ? '' : 's'}`,
  tooMany: (max: number) => `must list at most ${max} items`,
  numberOrString: (input: unknown) => `must be a number or a string, not ${show(input)}`,
  invalid: () => 'is not valid here',

  // --- checks across keys ---
  wildcardNotAtEnd: (name: string) =>
    `${JSON.stringify(name)}: \`*\` is allowed only at the end of a name, as a prefix match (e.g. "/aws/lambda/*")`,
  sumNeedsValueOf: () => 'AggregateOn "Sum" needs Contribution.ValueOf, the numeric field to add up',
  valueOfOnlyForSum: () => 'ValueOf is only for AggregateOn "Sum" (with "Count" every matching event counts 1)',
  fieldsOnlyForClf: () => 'Fields names CLF field positions; it is only allowed with LogFormat "CLF"',
  fieldNumber: (key: string) => `field positions are whole numbers from 1 ("1", "4", …), not ${JSON.stringify(key)}`,
  fieldNameIsNumber: (name: string) => `${JSON.stringify(name)}: a field name must not be a number (it would hide field ${name})`,
  fieldNameTwice: (name: string, first: string) => `${JSON.stringify(name)} already names field ${first}`,
  unknownClfField: (name: string, names: readonly string[], suggestion: string | undefined) =>
    `${JSON.stringify(name)} is not a field: write a name from Fields${names.length > 0 ? ` (${quoted(names)})` : ''} or a field position ("1", "2", …)${didYouMean(suggestion)}`,
  notJsonPath: (text: string) =>
    `${JSON.stringify(text)} is not a JSON property path: write $ then .name or [index] steps, e.g. "$.ip", "$.users[1].name"`,
  keyTwice: (key: string) => `${JSON.stringify(key)} is listed twice`,
  operatorCount: (found: readonly string[], operators: readonly string[]) =>
    found.length === 0
      ? `a filter needs one operator besides Match: ${operators.join(', ')}`
      : `a filter takes exactly one operator, found ${found.join(' and ')}; write one filter per operator (filters are ANDed)`,

  // --- the log file ---
  cannotReadLogs: (reason: string) => `cannot read the log file: ${reason}`,
  lineNotJson: (reason: string) => `not a JSON object (${reason}); each line must be one log event`,
  lineNotObject: (value: unknown) => `must be a JSON object (one log event), not ${show(value)}`,
  eventField: (name: string, expected: string, value: unknown) =>
    `"${name}" must be ${expected}, not ${show(value)}`,

  // --- the command line ---
  period: (text: string) =>
    `--period must be a positive duration such as 30s, 5m, 1h or 1d, not ${JSON.stringify(text)}`,
  cannotWrite: (reason: string) => `cannot write the output: ${reason}`,
  outIsFolder: () => 'is a folder; --out names the CSV file to write',
} as const;
