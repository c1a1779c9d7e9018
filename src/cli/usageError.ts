/**
 * A mistake in the command line: printed as one message and a pointer to --help, no stack
 * trace, exit code 2 (a UserError of the `command` form, caught in cli.ts). Apart from io.ts,
 * so that the light start-up path, which loads io.ts, loads nothing else of ours.
 */
import { UserError } from '../common/userError.js';

export class UsageError extends UserError {}
