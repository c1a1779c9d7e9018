/**
 * Filter operators, as documented for Contributor Insights rules: `In`, `NotIn` and
 * `StartsWith` take a list of strings, ORed; `EqualTo`, `NotEqualTo`, `GreaterThan`
 * and `LessThan` a single number (`EqualTo`/`NotEqualTo` also accept a string here,
 * compared as exact text); `IsPresent` a boolean. A rule's filters are ANDed.
 *
 * A field that is absent fails every operator except `IsPresent: false` (negative
 * operators included: `NotIn` does not match an event that lacks the field). A field
 * that is not numeric fails every numeric comparison, `NotEqualTo` included.
 */
import type { Leaf } from './jsonPath.js';
import { leafNumber, leafText } from './values.js';

export type FilterTest =
  | { readonly op: 'In'; readonly values: ReadonlySet<string> }
  | { readonly op: 'NotIn'; readonly values: ReadonlySet<string> }
  | { readonly op: 'StartsWith'; readonly prefixes: readonly string[] }
  | { readonly op: 'EqualTo' | 'NotEqualTo'; readonly value: number | string }
  | { readonly op: 'GreaterThan' | 'LessThan'; readonly value: number }
  | { readonly op: 'IsPresent'; readonly present: boolean };

export function passes(test: FilterTest, value: Leaf | undefined): boolean {
  if (test.op === 'IsPresent') return (value !== undefined) === test.present;
  if (value === undefined) return false;
  switch (test.op) {
    case 'In':
      return test.values.has(leafText(value));
    case 'NotIn':
      return !test.values.has(leafText(value));
    case 'StartsWith': {
      const text = leafText(value);
      return test.prefixes.some((prefix) => text.startsWith(prefix));
    }
    case 'EqualTo':
    case 'NotEqualTo': {
      const equal = equalTo(test.value, value);
      if (equal === undefined) return false;
      return test.op === 'EqualTo' ? equal : !equal;
    }
    case 'GreaterThan':
    case 'LessThan': {
      const n = leafNumber(value);
      if (n === undefined) return false;
      return test.op === 'GreaterThan' ? n > test.value : n < test.value;
    }
  }
}

/** Number against number (`200` equals `"200.0"`), string against text; undefined when the field is not numeric. */
function equalTo(expected: number | string, value: Leaf): boolean | undefined {
  if (typeof expected === 'string') return leafText(value) === expected;
  const n = leafNumber(value);
  return n === undefined ? undefined : n === expected;
}
