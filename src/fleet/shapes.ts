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

export type ShapeRecord =
  | { readonly kind: 'configuration'; readonly source: ConfigurationSource; readonly path: string; readonly value: unknown }
  | { readonly kind: 'alias'; readonly path: string; readonly value: unknown }
  | { readonly kind: 'runtime-management'; readonly path: string; readonly value: Record<string, unknown> };

export type Recognised =
  | { readonly shape: ShapeName; readonly records: readonly ShapeRecord[] }
  | { readonly shape: undefined; readonly keys: readonly string[] };

export const KNOWN_SHAPES =
  '`Functions` (list-functions), `Versions` (list-versions-by-function), `Aliases` (list-aliases), ' +
  '`Configuration` (get-function), `UpdateRuntimeOn` + `FunctionArn` (get-runtime-management-config), ' +
  '`FunctionArn` + `Version` + `LastModified` (get-function-configuration)';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(source: ConfigurationSource, key: string, items: readonly unknown[]): ShapeRecord[] {
  return items.map((value, i) => ({ kind: 'configuration', source, path: `${key}[${i}]`, value }));
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
    return { shape: 'list-aliases', records: aliases.map((value, i) => ({ kind: 'alias', path: `Aliases[${i}]`, value })) };
  }
  if (isObject(doc['Configuration'])) {
    return { shape: 'get-function', records: [{ kind: 'configuration', source: 'get-function', path: 'Configuration', value: doc['Configuration'] }] };
  }
  if ('UpdateRuntimeOn' in doc && 'FunctionArn' in doc) {
    return { shape: 'get-runtime-management-config', records: [{ kind: 'runtime-management', path: '', value: doc }] };
  }
  if ('FunctionArn' in doc && 'Version' in doc && 'LastModified' in doc) {
    return { shape: 'get-function-configuration', records: [{ kind: 'configuration', source: 'get-function-configuration', path: '', value: doc }] };
  }
  return { shape: undefined, keys: Object.keys(doc).sort() };
}
