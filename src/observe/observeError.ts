/**
 * A problem with the user's files (logs, inventory, --out) that the user can fix: printed one
 * line each, naming the file and a position, exit code 2, nothing written.
 */
import { formatPosition, UserError } from '../common/userError.js';

export class ObserveInputError extends UserError {
  constructor(problems: readonly string[]) {
    super(problems, 'file');
  }
}

/** `file:line` (or `file:line:col`) then the message: the one form every problem takes. */
export function problemAt(file: string, line: number, message: string, col?: number): ObserveInputError {
  return new ObserveInputError([`${formatPosition({ file, line, col })}: ${message}`]);
}
