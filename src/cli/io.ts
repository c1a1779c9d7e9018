/** The terminal as the CLI sees it: its two streams, exit codes, and the command-line mistake. */
import { UserError } from '../common/userError.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress lines are redrawn in place only there). */
  readonly stderrIsTty: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTty: Boolean(process.stderr.isTTY),
};

/** Exit codes: 0 done, 1 the tool failed, 2 the input or the command line is wrong. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line: printed as one message, no stack trace, exit code 2. */
export class UsageError extends UserError {}
