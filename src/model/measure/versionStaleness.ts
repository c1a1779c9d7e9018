/**
 * Stale function versions (metrics.md "Stale", issue 10's `staleFunctionVersionDays`): the
 * area under the curve of kept function versions (`$LATEST` and every kept published version)
 * whose runtime version is not the latest secure one: the surface that qualified invocations
 * can still reach. Split by responsibility (R18) on each version's effective mode: an `Auto`
 * version's stale time is Lambda's, any other the owner's.
 */
import { MODE_AUTO, type FleetState } from '../fleet/fleetState.js';

export class VersionStalenessMeter {
  lambdaStaleMs = 0;
  ownerStaleMs = 0;

  constructor(private readonly fleet: FleetState) {}

  /**
   * Books slot `i`'s open stale interval up to `atMs` under its current mode, then leaves it
   * open from `atMs` if `staleNow`, closed otherwise. Call it before changing the slot's
   * version or mode, with the staleness that holds from `atMs` on.
   */
  refresh(i: number, atMs: number, staleNow: boolean): void {
    const fleet = this.fleet;
    const since = fleet.slotStaleSinceMs(i);
    if (since === since) {
      // Effective mode Auto (not pinned): Lambda's (R18).
      if (fleet.slotPinned(i) === 0 && fleet.slotMode(i) === MODE_AUTO) this.lambdaStaleMs += atMs - since;
      else this.ownerStaleMs += atMs - since;
    } else if (!staleNow) return;
    fleet.setSlotStaleSinceMs(i, staleNow ? atMs : Number.NaN);
  }
}
