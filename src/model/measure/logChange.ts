/**
 * Records one row of the change trace with the function's serving state after the change:
 * the qualifier that serves (`$LATEST` = 0, or the alias's published version number) and the
 * architecture, which the INIT_START log needs for its stream names and ARNs (R15).
 */
import type { ReplicationContext } from '../context.js';
import { slotIndex } from '../fleet/functionVersions.js';

export function logChange(ctx: ReplicationContext, atMs: number, f: number, action: number, from: number, to: number, cause: number): void {
  const changes = ctx.changes;
  if (changes === null) return;
  const fleet = ctx.fleet;
  const qualifier = fleet.slotNumber(slotIndex(f, fleet.aliasSlot(f)));
  changes.record(atMs, f, action, from, to, cause, qualifier, fleet.architecture(f));
}
