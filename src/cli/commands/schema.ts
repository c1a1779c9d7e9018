/** `schema [--fleet]`: prints the JSON Schema of scenario files, or of fleet files, for editors. */
import { fleetJsonSchema } from '../../fleet/fleetFile.js';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import { EXIT_OK, type CliIo } from '../io.js';

export function schemaCommand(io: CliIo, fleet = false): number {
  io.stdout(JSON.stringify(fleet ? fleetJsonSchema() : scenarioJsonSchema(), null, 2) + '\n');
  return EXIT_OK;
}
