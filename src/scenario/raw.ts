/**
 * Lenient reading of the parsed file before (or despite) schema validation, for the
 * cross-field checks: every accessor returns undefined when the value has the wrong
 * shape (the schema reports that), and only own keys are read, so keys such as
 * `__proto__` or `constructor` never reach Object.prototype.
 */
import { parseDuration } from './duration.js';

export type RawMap = Readonly<Record<string, unknown>>;

export function asMap(value: unknown): RawMap | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawMap) : undefined;
}

export function asList(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function has(map: RawMap | undefined, key: string): boolean {
  return map !== undefined && Object.hasOwn(map, key);
}

export function get(map: RawMap | undefined, key: string): unknown {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Milliseconds of a well-formed duration string, else undefined. */
export function asDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseDuration(value);
  return parsed.ok ? parsed.ms : undefined;
}
