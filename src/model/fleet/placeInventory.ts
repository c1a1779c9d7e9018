/**
 * The fleet at time 0 from an imported inventory (`fleet.inventory`, issue 11) instead of
 * draws from the weights: each function's region, architecture, runtime and package type, its
 * `$LATEST` and kept published versions with their runtime versions and configured modes
 * (R7), and the alias that serves traffic (R14), exactly as the scenario layer resolved them.
 * What the inventory does not hold is still drawn: the invocation rate (`fleet.invocationsPerDay`,
 * one draw per function from the same named stream as drawn fleets). The deploy rate is the
 * inventory's estimate. A function whose serving version is older than its runtime's current
 * version is stale from time 0.
 */
import { lognormalFromMedian } from '../../kernel/distributions.js';
import type { InventoryFunctionSpec, Scenario } from '../spec.js';
import type { VersionTable } from '../catalog/versionTable.js';
import { PACKAGE_TYPES, UPDATE_MODES } from '../catalog/architectures.js';
import type { ReplicationContext } from '../context.js';
import { refreshSlots } from '../rollout/functionVersionOps.js';
import { latestFor } from '../rollout/switchVersion.js';
import { DAY_MS } from '../units.js';
import { HOW_INITIAL, MODE_NONE, PACKAGE_IMAGE } from './fleetState.js';
import { setFunctionVersions, type PublishedVersionData } from './functionVersions.js';

/** Places every inventory function, in file order (function id = position in the inventory). */
export function placeInventory(ctx: ReplicationContext, inventory: readonly InventoryFunctionSpec[]): void {
  const { fleet, scenario, versions } = ctx;
  const spec = scenario.fleet;
  const regionIndex = new Map(spec.regions.map((w, i) => [w.name as string, i]));
  const architectureIndex = new Map(spec.architectures.map((w, i) => [w.name as string, i]));
  const runtimeIndex = new Map(scenario.runtimes.map((r, i) => [r.id, i]));
  const versionId = new Map<string, number>();
  for (let v = 0; v < versions.count; v++) versionId.set(`${versions.runtimeIndex[v]}\u0000${versions.label[v]}`, v);
  const index = <K>(map: Map<K, number>, key: K, what: string): number => {
    const i = map.get(key);
    if (i === undefined) throw new Error(`inventory: ${what} ${String(key)} is not in the scenario`);
    return i;
  };

  inventory.forEach((fn) => {
    const f = fleet.add();
    const runtime = index(runtimeIndex, fn.runtime, 'runtime');
    fleet.setRegion(f, index(regionIndex, fn.region, 'region'));
    fleet.setArchitecture(f, index(architectureIndex, fn.architecture, 'architecture'));
    fleet.setRuntime(f, runtime);
    const packageType = PACKAGE_TYPES.indexOf(fn.packageType);
    fleet.setPackageType(f, packageType);
    const data = fn.versions.map((v) => ({
      number: v.number,
      version: index(versionId, `${runtime}\u0000${v.label}`, `version ${fn.runtime}`),
      mode: packageType === PACKAGE_IMAGE || v.mode === null ? MODE_NONE : UPDATE_MODES.indexOf(v.mode),
      // A Manual version with its pinned ARN is the owner's configuration, not a rollback pin (R12).
      pinned: false,
    }));
    const [latest, ...published] = data;
    if (latest === undefined) throw new Error(`inventory: function ${f} has no $LATEST`);
    setFunctionVersions(fleet, f, { latest, published: published as PublishedVersionData[], aliasNumber: fn.aliasNumber });
    fleet.setConfiguredMode(f, latest.mode);
    fleet.setChangeRatePerMs(f, fn.deployRatePerDay / DAY_MS);
    fleet.setInvocationsPerDay(f, lognormalFromMedian(ctx.draws.invocations, spec.invocationsPerDay.median, spec.invocationsPerDay.sigma));
    fleet.setCreatedMs(f, 0);
    fleet.setArchitecture0(f, fleet.architecture(f));
    fleet.setQualifier0(f, fn.aliasNumber ?? 0);
    let highest = 0;
    for (const v of data) highest = Math.max(highest, versions.rank[v.version]!);
    fleet.setHighestRank(f, highest);
    fleet.setVersionSinceMs(f, 0);
    fleet.setLastHow(f, HOW_INITIAL);
    ctx.buckets.add(fleet.region(f), runtime, packageType, f);
    ctx.groups.add(f);
    if (fleet.version(f) !== latestFor(ctx, f)) ctx.staleness.begin(f, 0);
    refreshSlots(ctx, f, 0);
  });
}

/** The runtime version each inventory function serves at time 0 (version ids), in function-id order; empty without an inventory. */
export function inventoryServingVersions(scenario: Scenario, versions: VersionTable): Uint16Array {
  const inventory = scenario.fleet.inventory ?? [];
  const out = new Uint16Array(inventory.length);
  const ids = new Map<string, number>();
  for (let v = 0; v < versions.count; v++) ids.set(`${scenario.runtimes[versions.runtimeIndex[v]!]!.id}\u0000${versions.label[v]}`, v);
  inventory.forEach((fn, f) => {
    const serving = fn.versions.find((v) => v.number === (fn.aliasNumber ?? 0)) ?? fn.versions[0]!;
    out[f] = ids.get(`${fn.runtime}\u0000${serving.label}`) ?? versions.currentVersion[scenario.runtimes.findIndex((r) => r.id === fn.runtime)]!;
  });
  return out;
}
