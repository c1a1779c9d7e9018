/** `schema`: prints the JSON Schema of scenario files, for editors. */
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';
import { EXIT_OK, type CliIo } from '../io.js';

export function schemaCommand(io: CliIo): number {
  io.stdout(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  return EXIT_OK;
}
