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


/** The message of a bug (exit code 1): the one place a stack trace is printed. */
export function internalErrorText(error: unknown): string {
  return `lambda-rollout-sim: internal error (please report it with the scenario file):\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`;
}
