/**
 * How a field's value is read by filters, keys and `ValueOf`. CLF fields are always
 * text; JSON leaves keep their type. Keys and the string operators (`In`, `NotIn`,
 * `StartsWith`, string `EqualTo`) use the text; the numeric operators and `Sum` use
 * the number, parsed from text when the field is text.
 */
import type { Leaf } from './jsonPath.js';

/** A JSON number, or text that is a decimal number (`200`, `-1.5`, `1e3`); anything else is not numeric. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text of a leaf: strings as they are, numbers in JavaScript's shortest form (`1.0` → `1`), `true`, `false`, `null`. */
export function leafText(value: Leaf): string {
  return typeof value === 'string' ? value : String(value);
}

export function leafNumber(value: Leaf): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !DECIMAL.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
