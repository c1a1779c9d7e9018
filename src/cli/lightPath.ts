/**
 * The light path (docs/performance.md, start-up): `validate FILE...` and `schema [--fleet]` in
 * their plain forms run without loading the argument parser, from the files `npm run build`
 * makes (src/build/lightPath.ts): the schemas as generated JSON, `validate` as one bundled file.
 * Any other form (`--help`, an option, a mistake) returns null and goes through yargs, so help
 * and error messages are yargs' own; so does a build without those files (plain `tsc`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { EXIT_OK, type CliIo } from './io.js';

const lightFile = (name: string): URL => new URL(`./light/${name}`, import.meta.url);

/** The exit code when the light path ran the command; null when yargs must. */
export async function runLightPath(args: readonly string[], io: CliIo): Promise<number | null> {
  const [command, ...rest] = args;
  if (command === 'schema' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--fleet'))) {
    const file = lightFile(rest.length === 0 ? 'scenario.schema.json' : 'fleet.schema.json');
    if (!existsSync(file)) return null;
    io.stdout(readFileSync(file, 'utf8'));
    return EXIT_OK;
  }
  if (command === 'validate' && rest.length > 0 && rest.every((arg) => arg !== '' && !arg.startsWith('-'))) {
    const file = lightFile('validate.js');
    if (!existsSync(file)) return null;
    const { validateCommand } = (await import(file.href)) as typeof import('./commands/validate.js');
    return validateCommand(rest, io);
  }
  return null;
}
