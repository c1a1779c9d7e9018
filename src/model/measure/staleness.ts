/**
 * Window of exposure (metrics.md): the area under the stale curve, in function-ms, split by
 * responsibility (R18) and by update-mode slot, plus its invocation-weighted form.
 * A function is stale while its live runtime version is older than the latest secure
 * version of its runtime in its region. Stale time of an `Auto` Zip function is Lambda's
 * (the rollout has not reached it yet); every other stale time is the owner's
 * (`FunctionUpdate` not deployed, `Manual` pinned, image not rebuilt).
 */
import { MODE_AUTO, MODE_SLOTS, type FleetState } from '../fleet/fleetState.js';
import { DAY_MS } from '../units.js';

export class StalenessMeter {
  lambdaStaleMs = 0;
  ownerStaleMs = 0;
  /** Invocations served while stale: Σ stale days × invocations per day. */
  staleInvocations = 0;
  readonly staleMsByMode = new Float64Array(MODE_SLOTS);

  constructor(private readonly fleet: FleetState) {}

  isStale(f: number): boolean {
    return !Number.isNaN(this.fleet.staleSinceMs(f));
  }

  /** Marks `f` stale from `atMs` unless it already is. */
  begin(f: number, atMs: number): void {
    if (Number.isNaN(this.fleet.staleSinceMs(f))) this.fleet.setStaleSinceMs(f, atMs);
  }

  /** Books the stale time of `f` up to `atMs` under its current mode; `stillStale` keeps the interval open. */
  book(f: number, atMs: number, stillStale: boolean): void {
    const fleet = this.fleet;
    const since = fleet.staleSinceMs(f);
    if (Number.isNaN(since)) return;
    const ms = atMs - since;
    const mode = fleet.mode(f);
    if (mode === MODE_AUTO) this.lambdaStaleMs += ms;
    else this.ownerStaleMs += ms;
    this.staleMsByMode[mode] = this.staleMsByMode[mode]! + ms;
    this.staleInvocations += (ms / DAY_MS) * fleet.invocationsPerDay(f);
    fleet.setStaleSinceMs(f, stillStale ? atMs : Number.NaN);
  }
}
