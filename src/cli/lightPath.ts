/**
 * The light path (docs/performance.md, start-up): `validate FILE...` and `schema [--fleet]` in
 * their plain forms run without loading the argument parser, from the files `npm run build`
 * makes (src/build/lightPath.ts): the schemas as generated JSON, `validate` as one bundled file
 * compiled with V8's code cache for this Node when the build left one. Any other form (`--help`,
 * an option, a mistake) returns null and goes through yargs, so help and error messages are
 * yargs' own; so does a build without those files (plain `tsc`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { EXIT_OK, type CliIo } from './io.js';

const lightDir = new URL('./light/', import.meta.url);

/** The exit code when the light path ran the command; null when yargs must. */
export async function runLightPath(args: readonly string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = args;
  if (command === 'schema' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--fleet'))) {
    const file = new URL(rest.length === 0 ? 'scenario.schema.json' : 'fleet.schema.json', lightDir);
    if (!existsSync(file)) return null;
    io.stdout(readFileSync(file, 'utf8'));
    return EXIT_OK;
  }
  if (command === 'validate' && rest.length > 0 && rest.every((arg) => arg !== '' && !arg.startsWith('-'))) {
    const bundle = await loadValidateBundle(lightDir);
    return bundle === null ? null : bundle.validateCommand(rest, io);
  }
  return null;
}

/**
 * The files of `validate`'s bundle in the light folder; src/build/lightPath.ts writes them under
 * the same names. The bundle is CommonJS wrapped in `(function (exports, require, module) {…})`,
 * so that it compiles as a classic script, which is what V8's code cache serves. The cache is
 * named by Node version and architecture: another Node finds none and compiles the bundle plainly.
 * Its first 32 bytes are the SHA-256 of the bundle followed by V8's data, which is the rest:
 * V8 checks its data against the source's length only, and a damaged cache of the right length
 * can abort the process, so a cache whose digest does not match is not given to V8.
 */
export const VALIDATE_BUNDLE = 'validate.bundle.js';
export const validateCodeCache = (): string => `validate.${process.version}-${process.arch}.cache`;
export const CACHE_DIGEST_BYTES = 32;

/** The bundle's code as the build wraps it. */
export type BundleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }) => void;

/**
 * How the bundle was compiled: from the code cache; plainly because the cache was refused (its
 * digest does not match the bundle, or V8 refused it: other V8 flags); or plainly because there
 * was no cache for this Node.
 */
export type CodeCacheUse = 'accepted' | 'rejected' | 'none';

type ValidateCommand = typeof import('./commands/validate.js').validateCommand;

/** `validate` from the bundle in `dir`; null when there is no bundle (a plain `tsc` build). */
export async function loadValidateBundle(dir: URL): Promise<{ validateCommand: ValidateCommand; codeCache: CodeCacheUse } | null> {
  const file = new URL(VALIDATE_BUNDLE, dir);
  if (!existsSync(file)) return null;
  const source = readFileSync(file);
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(new URL(validateCodeCache(), dir));
  } catch {
    cache = undefined; // no cache for this Node (or unreadable): a plain compile
  }
  const [{ Script }, { createRequire }, { fileURLToPath }] = await Promise.all([import('node:vm'), import('node:module'), import('node:url')]);
  let cachedData: Buffer | undefined;
  if (cache !== undefined && cache.length > CACHE_DIGEST_BYTES) {
    const { createHash } = await import('node:crypto');
    const data = cache.subarray(CACHE_DIGEST_BYTES);
    if (createHash('sha256').update(source).update(data).digest().equals(cache.subarray(0, CACHE_DIGEST_BYTES))) cachedData = data;
  }
  // V8 checks the cache too (its version and flags) and compiles plainly when it refuses it.
  const script = new Script(source.toString('utf8'), { filename: fileURLToPath(file), cachedData });
  const module = { exports: {} as { validateCommand?: ValidateCommand } };
  (script.runInThisContext() as BundleFunction)(module.exports, createRequire(file), module);
  if (module.exports.validateCommand === undefined) throw new Error(`${VALIDATE_BUNDLE} has no validateCommand`);
  const codeCache: CodeCacheUse = cache === undefined ? 'none' : cachedData === undefined || script.cachedDataRejected === true ? 'rejected' : 'accepted';
  return { validateCommand: module.exports.validateCommand, codeCache };
}
