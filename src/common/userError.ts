/**
 * One error model: a mistake the user can fix (in the command line or in a file) is a
 * `UserError`. The command line catches it once (cli/cli.ts) and prints it as lines on
 * stderr with exit code 2, never a stack trace; anything else is an internal error.
 */

/** Where in a file a problem is: the file, and the 1-based line and column when known. */
export interface FilePosition {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
}

/** `file`, `file:line` or `file:line:col`: how every problem names its place. */
export function formatPosition(at: FilePosition): string {
  if (at.line === undefined) return at.file;
  return `${at.file}:${at.line}${at.col === undefined ? '' : `:${at.col}`}`;
}

/**
 * How the lines are shown: `command` for a mistake in the command line (`lambda-rollout-sim:
 * <message>` then a pointer to --help), `file` for problems found in the user's files (each
 * line alone, already naming its file and position).
 */
export type UserErrorForm = 'command' | 'file';

export class UserError extends Error {
  /** The lines shown to the user, one problem a line. */
  readonly problems: readonly string[];

  constructor(
    problems: string | readonly string[],
    readonly form: UserErrorForm = 'command',
    /** The place of the (first) problem, when it has one. */
    readonly position?: FilePosition,
  ) {
    const lines = typeof problems === 'string' ? [problems] : [...problems];
    super(lines.join('\n'));
    this.name = new.target.name;
    this.problems = lines;
  }
}

