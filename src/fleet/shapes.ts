/**
 * Recognises an AWS CLI / SDK output document by its shape (its top-level keys, as in
 * aws-shapes.md), never by file name, and hands out the records inside it with a path for
 * messages (`Functions[3]`).
 */

export type ShapeName =
  | 'list-functions'
  | 'list-versions-by-function'
  | 'list-aliases'
  | 'get-function'
  | 'get-function-configuration'
  | 'get-runtime-management-config';

export type ConfigurationSource = 'list-functions' | 'list-versions-by-function' | 'get-function' | 'get-function-configuration';

/** `path` is the list's key (`Functions`) with `index` >= 0 its position, a member (`Configuration`) or `''` (the document) with index -1. Records are made lazily. */
export type ShapeRecord =
  | { readonly kind: 'configuration'; readonly source: ConfigurationSource; readonly path: string; readonly index: number; readonly value: unknown }
  | { readonly kind: 'alias'; readonly path: string; readonly index: number; readonly value: unknown }
  | { readonly kind: 'runtime-management'; readonly path: ''; readonly index: number; readonly value: Record<string, unknown> };

export type Recognised =
  | { readonly shape: ShapeName; readonly records: Iterable<ShapeRecord> }
  | { readonly shape: undefined; readonly keys: readonly string[] };

export const KNOWN_SHAPES =
  '`Functions` (list-functions), `Versions` (list-versions-by-function), `Aliases` (list-aliases), ' +
  '`Configuration` (get-function), `UpdateRuntimeOn` + `FunctionArn` (get-runtime-management-config), ' +
  '`FunctionArn` + `Version` + `LastModified` (get-function-configuration)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function* listOf(source: ConfigurationSource, key: string, items: readonly unknown[]): Generator<ShapeRecord> {
  for (let i = 0; i < items.length; i++) yield { kind: 'configuration', source, path: key, index: i, value: items[i] };
}

function* aliasesOf(items: readonly unknown[]): Generator<ShapeRecord> {
  for (let i = 0; i < items.length; i++) yield { kind: 'alias', path: 'Aliases', index: i, value: items[i] };
}

export function recognise(doc: unknown): Recognised {
  if (!isObject(doc)) return { shape: undefined, keys: Array.isArray(doc) ? ['(a list)'] : [] };
  const functions = doc['Functions'];
  if (Array.isArray(functions)) return { shape: 'list-functions', records: listOf('list-functions', 'Functions', functions) };
  const versions = doc['Versions'];
  if (Array.isArray(versions)) {
    return { shape: 'list-versions-by-function', records: listOf('list-versions-by-function', 'Versions', versions) };
  }
  const aliases = doc['Aliases'];
  if (Array.isArray(aliases)) {
    return { shape: 'list-aliases', records: aliasesOf(aliases) };
  }
  if (isObject(doc['Configuration'])) {
    return { shape: 'get-function', records: [{ kind: 'configuration', source: 'get-function', path: 'Configuration', index: -1, value: doc['Configuration'] }] };
  }
  if ('UpdateRuntimeOn' in doc && 'FunctionArn' in doc) {
    return { shape: 'get-runtime-management-config', records: [{ kind: 'runtime-management', path: '', index: -1, value: doc }] };
  }
  if ('FunctionArn' in doc && 'Version' in doc && 'LastModified' in doc) {
    return { shape: 'get-function-configuration', records: [{ kind: 'configuration', source: 'get-function-configuration', path: '', index: -1, value: doc }] };
  }
  return { shape: undefined, keys: Object.keys(doc).sort() };
}
