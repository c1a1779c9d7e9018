/**
 * Leaf schemas of the scenario file format (durations, shares, weights, counts,
 * names), each tagged (`withInfo`) with the "allowed" text that error
 * messages show and, for names, the noun (`region`, `runtime`, …).
 *
 * The schemas validate the file's own values and keep them as written
 * (durations stay strings), so the JSON Schema and the defaults read like a file;
 * `normalize.ts` converts them to the model's units.
 */
import { z } from 'zod';
import { DURATION_PATTERN, formatDuration, parseDuration } from './duration.js';
import { MAX_LABEL_CHARS, MAX_NAME_CHARS } from './limits.js';
import { allowed, msg } from './messages.js';

export interface FieldInfo {
  /** What the user may write here, shown after an error. */
  readonly allowed?: string;
  /** For names and maps keyed by names: what one name is, e.g. `region`. */
  readonly noun?: string;
}

/**
 * Keyed by the schema's definition object, which `.describe()` and `.meta()` clones
 * share with the original (a zod registry is keyed by instance and would lose them).
 * Kept out of zod's global registry so it stays out of the JSON Schema.
 */
const infoByDef = new WeakMap<object, FieldInfo>();

/** Attach `info` to `schema` (and to its `.describe()` clones); returns the schema. */
export function withInfo<T extends z.ZodType>(schema: T, info: FieldInfo): T {
  infoByDef.set(schema.def, info);
  return schema;
}

/** The info of a schema (or of the schema a zod issue came from); undefined for unregistered ones. */
export function fieldInfoOf(schema: unknown): FieldInfo | undefined {
  if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) return undefined;
  const def = (schema as { _zod: { def?: unknown } })._zod.def;
  return typeof def === 'object' && def !== null ? infoByDef.get(def) : undefined;
}

export type ZeroDuration = 'allowed' | 'refused';

/**
 * A duration string (`30m`, `6h`, `14d`, `2w`, `1.5d`) that converts to a whole,
 * non-negative, safe number of milliseconds. `zero: 'refused'` where 0 is meaningless.
 */
export function duration(zero: ZeroDuration, maxMs?: number) {
  const max = maxMs === undefined ? undefined : formatDuration(maxMs);
  const schema = z
    .string({
      error: (issue) => (typeof issue.input === 'number' ? msg.durationBareNumber(issue.input) : undefined),
    })
    .regex(DURATION_PATTERN, {
      abort: true,
      error: (issue) => {
        const text = String(issue.input);
        const parsed = parseDuration(text);
        return !parsed.ok && parsed.reason === 'negative' ? msg.durationNegative(text) : msg.durationSyntax(issue.input);
      },
    })
    .superRefine((text, ctx) => {
      const parsed = parseDuration(text);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.reason === 'fraction' ? msg.durationFraction(text) : msg.durationTooLarge(text) });
      } else if (zero === 'refused' && parsed.ms === 0) {
        ctx.addIssue({ code: 'custom', message: msg.durationZero(text) });
      } else if (maxMs !== undefined && parsed.ms > maxMs) {
        ctx.addIssue({ code: 'custom', message: msg.durationTooLong(text, formatDuration(maxMs)) });
      }
    });
  return withInfo(schema, { allowed: allowed.duration(zero, max) });
}

/** A share of a population or of invocations, in [0, 1]. */
export const share = () => withInfo(z.number().min(0).max(1), { allowed: allowed.share() });

/** A share in (0, 1], where 0 would switch the feature off and the key should be left out instead. */
export const positiveShare = () => withInfo(z.number().gt(0).max(1), { allowed: allowed.positiveShare() });

export const nonNegativeNumber = () => withInfo(z.number().min(0), { allowed: allowed.nonNegative() });

export const positiveNumber = () => withInfo(z.number().gt(0), { allowed: allowed.positive() });

/** A number in (0, max]. */
export const positiveNumberAtMost = (max: number) => withInfo(z.number().gt(0).max(max), { allowed: allowed.positiveAtMost(max) });

/** A number in [0, max]. */
export const nonNegativeNumberAtMost = (max: number) => withInfo(z.number().min(0).max(max), { allowed: allowed.nonNegativeAtMost(max) });

export const count = (min: number, max: number) =>
  withInfo(z.number().int().min(min).max(max), { allowed: allowed.count(min, max) });

export const flag = () => withInfo(z.boolean(), { allowed: allowed.boolean() });

/** Free text such as the scenario's name. */
export const text = () =>
  withInfo(z.string().min(1).max(MAX_NAME_CHARS).regex(/\S/, { error: () => msg.blank() }), {
    allowed: allowed.text(MAX_NAME_CHARS),
  });

/** A runtime version label (R4), e.g. `python:3.12.v15`; one word, since INIT_START lines split on white space (R16). */
export const label = () =>
  withInfo(
    z.string().min(1).max(MAX_LABEL_CHARS).regex(/^\S+$/, { error: (issue) => msg.labelSpaces(issue.input) }),
    { allowed: allowed.label(MAX_LABEL_CHARS) },
  );

/** One of a fixed list of names (regions, runtimes, …); unknown names get a did-you-mean. */
export function names<const T extends readonly [string, ...string[]]>(noun: string, values: T) {
  return withInfo(z.enum(values), { noun, allowed: allowed.names(values) });
}

/** A non-empty list of names, e.g. an incompatibility filter. */
export function nameList<const T extends readonly [string, ...string[]]>(noun: string, values: T) {
  return withInfo(z.array(names(noun, values)).min(1), { allowed: `a non-empty list of: ${allowed.names(values)}` });
}

/**
 * `{name: weight}`: keys from a fixed list, weights ≥ 0 with a positive, finite sum.
 * The map keeps the file's key order (the seeded draws index into it).
 */
export function weightMap<const T extends readonly [string, ...string[]]>(noun: string, values: T) {
  const weight = withInfo(z.number().min(0), { allowed: allowed.weight() });
  const schema = z.partialRecord(names(noun, values), weight).superRefine((map, ctx) => {
    const weights: unknown[] = Object.values(map);
    // Bad weights are reported on their own; the sum is only checked over a clean map.
    if (!weights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0)) return;
    const sum = (weights as number[]).reduce((a, b) => a + b, 0);
    if (sum === 0) ctx.addIssue({ code: 'custom', message: msg.weightsSumZero(noun) });
    else if (!Number.isFinite(sum)) ctx.addIssue({ code: 'custom', message: msg.weightsTooLarge() });
  });
  return withInfo(schema, { noun, allowed: allowed.weightMap(noun) });
}
