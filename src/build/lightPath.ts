/**
 * Build step after `tsc` (npm run build): makes the CLI's light path, the commands a user or an
 * editor runs often and expects at once (docs/performance.md, start-up):
 *   1. dist/cli/light/scenario.schema.json and fleet.schema.json: the JSON Schemas that `schema`
 *      prints, generated here from the live zod definitions, so `schema` loads no zod or yargs
 *      (test/cli/lightPath.test.ts checks they equal `z.toJSONSchema` of the definitions);
 *   2. dist/cli/light/validate.bundle.js: `validate`'s implementation with yaml and zod bundled
 *      into one file by esbuild (one file instead of ≈ 300 module files: Node's module loading
 *      was most of the cost). Only validate.ts's closure goes in; the other commands stay tsc
 *      output. It is CommonJS wrapped in a function expression, a classic script, because
 *      that is what V8's code cache (3) serves;
 *   3. dist/cli/light/validate.<node version>-<arch>.cache: V8's code cache of the bundle,
 *      made after the bundle has run once on scenarios/default.yaml, so that it holds the
 *      functions a `validate` compiles besides the top level, behind a SHA-256 of bundle and
 *      cache. Without it (another Node, a digest that does not match, V8 refusing it) the
 *      bundle is compiled plainly.
 * main.ts uses these files when they exist and falls back to the yargs path when they do not.
 * The file names are src/cli/lightPath.ts's (this step may not import cli/; the light path's
 * test checks that the cache written here is the one the CLI accepts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { fleetJsonSchema } from '../fleet/fleetFile.js';
import { scenarioJsonSchema } from '../scenario/jsonSchema.js';

/** The light path's folder: dist/cli/light/ (this file is dist/build/lightPath.js). */
export const lightDir = fileURLToPath(new URL('../cli/light/', import.meta.url));

/** The text `schema` prints, exactly as the yargs path prints it. */
export function schemaText(fleet: boolean): string {
  return JSON.stringify(fleet ? fleetJsonSchema() : scenarioJsonSchema(), null, 2) + '\n';
}

/**
 * zod's `z` re-exports every message locale (≈ 40 % of the bundle) but sets English itself
 * (classic/external.js imports locales/en.js directly; core/index.js re-exports them too); no code of ours reads `z.locales`, so
 * the bundle gets an empty `locales` namespace.
 */
const withoutZodLocales: Plugin = {
  name: 'without-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** The bundle's name and its code cache's for the running Node (as src/cli/lightPath.ts names them). */
const VALIDATE_BUNDLE = 'validate.bundle.js';
const validateCodeCache = (): string => `validate.${process.version}-${process.arch}.cache`;

/** The scenario the bundle runs once before its code cache is taken. */
const warmUpScenario = fileURLToPath(new URL('../../scenarios/default.yaml', import.meta.url));

/**
 * V8's code cache of the bundle for this Node, taken after the bundle has validated the default
 * scenario (output thrown away), so that it holds the functions compiled on the way, not only
 * the top level: a `validate` then compiles almost nothing. Written after the SHA-256 of the
 * bundle and the cache, which the CLI checks before it gives the cache to V8.
 */
async function codeCache(bundleFile: string): Promise<Buffer> {
  const source = readFileSync(bundleFile);
  const script = new Script(source.toString('utf8'), { filename: bundleFile });
  const module = { exports: {} as { validateCommand?: (files: readonly string[], io: object) => Promise<number> } };
  (script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object) => void)(module.exports, createRequire(bundleFile), module);
  if (module.exports.validateCommand === undefined) throw new Error(`${VALIDATE_BUNDLE} has no validateCommand`);
  if (existsSync(warmUpScenario)) {
    const discard = (): void => undefined;
    await module.exports.validateCommand([warmUpScenario], { stdout: discard, stderr: discard, stderrIsTty: false });
  }
  const data = script.createCachedData();
  return Buffer.concat([createHash('sha256').update(source).update(data).digest(), data]);
}

async function main(): Promise<void> {
  mkdirSync(lightDir, { recursive: true });
  // Earlier bundles and caches go first, so that no cache outlives the bundle it was made from
  // (the CLI's digest check would refuse it; V8 alone checks only the source's length).
  for (const name of readdirSync(lightDir)) if (name.startsWith('validate.')) rmSync(`${lightDir}${name}`);
  writeFileSync(`${lightDir}scenario.schema.json`, schemaText(false));
  writeFileSync(`${lightDir}fleet.schema.json`, schemaText(true));
  const bundleFile = `${lightDir}${VALIDATE_BUNDLE}`;
  await build({
    entryPoints: [fileURLToPath(new URL('../cli/commands/validate.js', import.meta.url))],
    outfile: bundleFile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    plugins: [withoutZodLocales],
    // A function expression: the script's value, which src/cli/lightPath.ts calls with CommonJS's three.
    banner: { js: '(function (exports, require, module) {' },
    footer: { js: '})' },
  });
  writeFileSync(`${lightDir}${validateCodeCache()}`, await codeCache(bundleFile));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
