/**
 * Problems in the inputs of `fleet import` / `fleet collect`: collected in one pass, counted
 * per kind, the first few of each kind shown with `file:line:col`. Any problem refuses the
 * whole import (exit code 2, nothing written): a fleet file is all of the inventory or nothing.
 */
import { UserError } from '../common/userError.js';

export type IssueKind =
  | 'not JSON'
  | 'unknown shape'
  | 'bad ARN'
  | 'bad value'
  | 'never listed'
  | 'duplicate'
  | 'file';

/** A mistake in the inputs that the user can fix: printed as lines, exit code 2. */
export class FleetInputError extends UserError {
  constructor(problems: readonly string[]) {
    super(problems, 'file');
  }
}

/** How many examples of each kind are printed; the count covers them all. */
export const EXAMPLES_PER_KIND = 5;

const KIND_LABEL: Record<IssueKind, string> = {
  'not JSON': 'not JSON',
  'unknown shape': 'documents of no known shape',
  'bad ARN': 'ARNs that do not parse',
  'bad value': 'values out of range',
  'never listed': 'records of functions or versions never listed',
  duplicate: 'duplicate records',
  file: 'files that cannot be read',
};

export class IssueLog {
  private readonly counts = new Map<IssueKind, number>();
  private readonly examples: string[] = [];

  add(kind: IssueKind, where: string, message: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= EXAMPLES_PER_KIND) this.examples.push(`${where} ${message}`);
  }

  count(kind?: IssueKind): number {
    if (kind !== undefined) return this.counts.get(kind) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** Throws a FleetInputError with every example and one summary line of counts, if anything was logged. */
  throwIfAny(): void {
    if (this.count() === 0) return;
    const kinds = [...this.counts.entries()].map(([kind, n]) => `${n} ${KIND_LABEL[kind]}`);
    throw new FleetInputError([...this.examples, `fleet: refused (nothing written): ${kinds.join(', ')}`]);
  }
}
