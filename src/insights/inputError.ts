/** The insights command's user error. */
import { UserError } from '../common/userError.js';

/** A problem with the command's files (rule, logs, --out) that the user can fix: printed as lines, exit code 2. */
export class InsightsInputError extends UserError {
  constructor(problems: readonly string[]) {
    super(problems, 'file');
  }
}
