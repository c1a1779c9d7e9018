/**
 * The minified vega, vega-lite and vega-embed browser bundles, read from the installed
 * packages (each package's build/ folder, beside its entry point), to be inlined in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Bundles {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

function entryOf(pkg: string): string {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return fileURLToPath(resolve(pkg));
    } catch {
      // fall through to require.resolve (e.g. under a test runner without import.meta.resolve)
    }
  }
  return createRequire(import.meta.url).resolve(pkg);
}

function bundle(pkg: string, file: string): string {
  return readFileSync(join(dirname(entryOf(pkg)), file), 'utf8');
}

let cached: Bundles | null = null;

export function browserBundles(): Bundles {
  cached ??= {
    vega: bundle('vega', 'vega.min.js'),
    vegaLite: bundle('vega-lite', 'vega-lite.min.js'),
    vegaEmbed: bundle('vega-embed', 'vega-embed.min.js'),
  };
  return cached;
}
