/**
 * Build step after `tsc` (npm run build): makes the CLI's light path, the commands a user or an
 * editor runs often and expects at once (docs/performance.md, start-up):
 *   1. dist/cli/light/scenario.schema.json and fleet.schema.json: the JSON Schemas that `schema`
 *      prints, generated here from the live zod definitions, so `schema` loads no zod or yargs
 *      (test/cli/schemaFiles.test.ts checks they equal `z.toJSONSchema` of the definitions);
 *   2. dist/cli/light/validate.js: `validate`'s implementation with yaml and zod bundled into one
 *      file by esbuild (one file instead of ≈ 300 module files: Node's module loading was most of
 *      the cost). Only validate.ts's closure goes in; the other commands stay tsc output.
 * main.ts uses these files when they exist and falls back to the yargs path when they do not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

async function main(): Promise<void> {
  mkdirSync(lightDir, { recursive: true });
  writeFileSync(`${lightDir}scenario.schema.json`, schemaText(false));
  writeFileSync(`${lightDir}fleet.schema.json`, schemaText(true));
  await build({
    entryPoints: [fileURLToPath(new URL('../cli/commands/validate.js', import.meta.url))],
    outfile: `${lightDir}validate.js`,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    plugins: [withoutZodLocales],
    // yaml is CommonJS and requires Node built-ins: give the ES module bundle a `require`.
    banner: { js: "import { createRequire as __lrsRequire } from 'node:module'; const require = __lrsRequire(import.meta.url);" },
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
