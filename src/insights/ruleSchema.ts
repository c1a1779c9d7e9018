/**
 * The shape of a CloudWatch Contributor Insights rule for logs (`CloudWatchLogRule`,
 * version 1), as documented in "Contributor Insights rule syntax in CloudWatch".
 * Strict objects everywhere: an unknown key is an error, not silently ignored.
 * Checks across keys (Sum needs ValueOf, CLF names must be defined, one operator per
 * filter, …) are in `compileRule.ts`.
 */
import { z } from 'zod';

/** The documented filter operators; each filter has `Match` and exactly one of these. */
export const OPERATORS = ['In', 'NotIn', 'StartsWith', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'IsPresent'] as const;
export type Operator = (typeof OPERATORS)[number];

/** Documented limits: up to four keys and four filters; `In`/`NotIn`/`StartsWith` take up to 10 strings. */
export const MAX_KEYS = 4;
export const MAX_FILTERS = 4;
export const MAX_MATCH_STRINGS = 10;

const name = () => z.string().min(1);
const strings = () => z.array(z.string()).min(1).max(MAX_MATCH_STRINGS);

export const filterSchema = z.strictObject({
  Match: name(),
  In: strings().optional(),
  NotIn: strings().optional(),
  StartsWith: strings().optional(),
  EqualTo: z.union([z.number(), z.string()]).optional(),
  NotEqualTo: z.union([z.number(), z.string()]).optional(),
  GreaterThan: z.number().optional(),
  LessThan: z.number().optional(),
  IsPresent: z.boolean().optional(),
});

export const schemaSchema = z.strictObject({
  Name: z.literal('CloudWatchLogRule'),
  Version: z.literal(1),
});

export const contributionSchema = z.strictObject({
  Keys: z.array(name()).min(1).max(MAX_KEYS),
  ValueOf: name().optional(),
  Filters: z.array(filterSchema).max(MAX_FILTERS).optional(),
});

export const ruleSchema = z.strictObject({
  Schema: schemaSchema,
  LogGroupNames: z.array(name()).min(1),
  LogFormat: z.enum(['CLF', 'JSON']),
  Fields: z.record(z.string(), name()).optional(),
  Contribution: contributionSchema,
  AggregateOn: z.enum(['Count', 'Sum']),
});

export type RuleFile = z.infer<typeof ruleSchema>;
export type RuleFilter = z.infer<typeof filterSchema>;

/** The keys each object of a rule accepts, by the path of that object (for "did you mean"). */
export function acceptedKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const [first, second, third] = path;
  if (path.length === 0) return Object.keys(ruleSchema.shape);
  if (path.length === 1 && first === 'Schema') return Object.keys(schemaSchema.shape);
  if (path.length === 1 && first === 'Contribution') return Object.keys(contributionSchema.shape);
  if (path.length === 3 && first === 'Contribution' && second === 'Filters' && typeof third === 'number') {
    return Object.keys(filterSchema.shape);
  }
  return [];
}
