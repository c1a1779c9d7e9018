/**
 * Find the schema of one key inside the file schema by its path, e.g.
 * `['releases', 0, 'phase2', 'duration']`. Used to word errors (allowed keys,
 * allowed values) and to validate a single value on its own (swept values).
 */
import { z } from 'zod';
import { fieldInfoOf, type FieldInfo } from './fields.js';
import type { PathSegment } from './path.js';

/** The schema and every wrapper inside it (default, optional, …), outermost first. */
export function layers(schema: z.ZodType): z.ZodType[] {
  const out: z.ZodType[] = [schema];
  for (let current: z.ZodType | undefined = schema; current !== undefined; ) {
    current = innerOf(current);
    if (current !== undefined) out.push(current);
  }
  return out;
}

/** The schema with all wrappers removed: an object, record, array, union or leaf. */
export function unwrap(schema: z.ZodType): z.ZodType {
  const all = layers(schema);
  return all[all.length - 1] ?? schema;
}

function innerOf(schema: z.ZodType): z.ZodType | undefined {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodNonOptional ||
    schema instanceof z.ZodCatch
  ) {
    return schema.def.innerType as z.ZodType;
  }
  if (schema instanceof z.ZodPipe) return schema.def.in as z.ZodType;
  return undefined;
}

/** One step down from a container schema; undefined if `segment` does not fit it. */
export function step(container: z.ZodType, segment: PathSegment): z.ZodType | undefined {
  const core = unwrap(container);
  if (core instanceof z.ZodObject) {
    const shape = core.shape as Record<string, z.ZodType>;
    return typeof segment === 'string' && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
  }
  if (core instanceof z.ZodRecord) return typeof segment === 'string' ? (core.def.valueType as z.ZodType) : undefined;
  if (core instanceof z.ZodArray) return typeof segment === 'number' ? (core.def.element as z.ZodType) : undefined;
  if (core instanceof z.ZodUnion) {
    for (const option of core.def.options as readonly z.ZodType[]) {
      const found = step(option, segment);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The schema at `path` below `root`, or undefined when the path leaves the format. */
export function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = step(current, segment);
  }
  return current;
}

/** The first registered `FieldInfo` among the schema's layers. */
export function infoOf(schema: z.ZodType | undefined): FieldInfo | undefined {
  if (schema === undefined) return undefined;
  for (const layer of layers(schema)) {
    const info = fieldInfoOf(layer);
    if (info !== undefined) return info;
  }
  return undefined;
}

/** Keys a map schema accepts: an object's keys, or the names of a record keyed by an enum. */
export function acceptedKeys(schema: z.ZodType | undefined): { keys: readonly string[]; noun?: string } | undefined {
  if (schema === undefined) return undefined;
  const core = unwrap(schema);
  if (core instanceof z.ZodObject) return { keys: Object.keys(core.shape) };
  if (core instanceof z.ZodRecord) {
    const keyType = core.def.keyType as z.ZodType;
    const noun = infoOf(keyType)?.noun;
    if (keyType instanceof z.ZodEnum) {
      const keys = (keyType.options as readonly unknown[]).map(String);
      return noun === undefined ? { keys } : { keys, noun };
    }
  }
  return undefined;
}
