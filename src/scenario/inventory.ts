/**
 * `fleet.inventory: FLEET.json` (issue 11): the scenario layer reads the fleet file that
 * `fleet import` writes (through src/fleet's reader; the model never imports src/fleet) and
 *   - refuses `fleet.functions` and the weight keys next to it (the inventory gives them);
 *   - writes the inventory's own counts into the raw scenario as the fleet's weights, so every
 *     check and the normaliser run unchanged, and functions created during the run are drawn
 *     from the inventory's mix;
 *   - resolves each version's runtime version ARN to a label (inventoryLabels.ts) and returns
 *     one plain InventoryFunctionSpec per function, attached after normalising (withInventory).
 * Image functions have no runtime in the file (R3): they are given the inventory's most
 * common Zip runtime (ties: the first in id order), whose base image they are taken to follow.
 */
import { dirname, resolve } from 'node:path';
import { DEFAULT_SERVING_ALIAS_NAMES, fleetFunctionRecords, readFleetFile } from '../fleet/fleetRecords.js';
import { FleetInputError } from '../fleet/issues.js';
import { COMMERCIAL_REGIONS, type RegionName } from '../model/catalog/regions.js';
import { RUNTIME_IDS } from '../model/catalog/runtimes.js';
import { defaultCurrentLabel } from './defaults.js';
import { finding, type Finding } from './finding.js';
import { resolveLabels, type ExplicitArns } from './inventoryLabels.js';
import type { InventoryFunctionSpec, Scenario } from '../model/spec.js';

/** Keys of `fleet` that the inventory replaces. */
export const INVENTORY_REPLACES = ['functions', 'regions', 'architectures', 'runtimes', 'packageTypes', 'updateModes', 'publishedVersionShare'] as const;

export interface InventoryRead {
  readonly findings: Finding[];
  /** Functions as read (all published versions; trimmed to `retain` by withInventory), or null. */
  readonly functions: InventoryFunctionSpec[] | null;
  readonly earlier: ReadonlyMap<string, readonly string[]>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `fleet.inventory` if the raw value has one, and rewrites the raw `fleet` in place. `scenarioFile`: null when parsed from text. */
export function readInventory(value: unknown, scenarioFile: string | null): InventoryRead {
  const none: InventoryRead = { findings: [], functions: null, earlier: new Map() };
  if (!isMap(value) || !isMap(value.fleet)) return none;
  if (!Object.hasOwn(value.fleet, 'inventory')) {
    return Object.hasOwn(value.fleet, 'switchAutoTo')
      ? { ...none, findings: [finding(['fleet', 'switchAutoTo'], 'key', 'fleet.switchAutoTo needs fleet.inventory: it switches the inventory\'s Auto versions; for a drawn fleet set fleet.updateModes')] }
      : none;
  }
  const fleet = value.fleet;
  const at = ['fleet', 'inventory'];
  const findings: Finding[] = [];
  for (const key of INVENTORY_REPLACES) {
    if (Object.hasOwn(fleet, key)) findings.push(finding(['fleet', key], 'key', `fleet.${key} and fleet.inventory cannot both be given: the inventory gives the functions and their mix; remove fleet.${key}`));
  }
  const path = fleet.inventory;
  if (typeof path !== 'string' || path.length === 0) findings.push(finding(at, 'value', 'fleet.inventory must be the path of a fleet file (written by `fleet import`), relative to the scenario file'));
  else if (scenarioFile === null) findings.push(finding(at, 'value', 'fleet.inventory needs the scenario to be read from a file (the path is relative to it)'));
  if (findings.length > 0 || typeof path !== 'string' || scenarioFile === null) return { ...none, findings };

  let records;
  try {
    records = fleetFunctionRecords(readFleetFile(resolve(dirname(scenarioFile), path)), DEFAULT_SERVING_ALIAS_NAMES);
  } catch (error) {
    if (!(error instanceof FleetInputError)) throw error;
    const first = error.message.split('\n')[0] ?? error.message;
    return { ...none, findings: [finding(at, 'value', `cannot use ${path}: ${first}`)] };
  }
  if (records.length === 0) return { ...none, findings: [finding(at, 'value', `${path} has no functions`)] };

  const unknownRuntime = new Map<string, number>();
  const unknownRegion = new Map<string, number>();
  const zipRuntimes = new Map<string, number>();
  for (const r of records) {
    if (!(COMMERCIAL_REGIONS as readonly string[]).includes(r.region)) unknownRegion.set(r.region, (unknownRegion.get(r.region) ?? 0) + 1);
    if (r.runtime === null) continue;
    if (!RUNTIME_IDS.includes(r.runtime)) unknownRuntime.set(r.runtime, (unknownRuntime.get(r.runtime) ?? 0) + 1);
    else zipRuntimes.set(r.runtime, (zipRuntimes.get(r.runtime) ?? 0) + 1);
  }
  for (const [runtime, n] of unknownRuntime) findings.push(finding(at, 'value', `runtime ${runtime} (${n} function(s)) is not a managed runtime this simulator knows; allowed: ${RUNTIME_IDS.join(', ')}`));
  for (const [region, n] of unknownRegion) findings.push(finding(at, 'value', `region ${region} (${n} function(s)) is not a commercial region this simulator knows; allowed: ${COMMERCIAL_REGIONS.join(', ')}`));
  const imageRuntime = [...zipRuntimes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (imageRuntime === undefined) findings.push(finding(at, 'value', `${path} has no Zip function with a managed runtime to simulate`));
  if (findings.length > 0 || imageRuntime === undefined) return { ...none, findings };

  const states = isMap(value.runtimes) ? value.runtimes : {};
  const stateOf = (id: string): Record<string, unknown> => (isMap(states[id]) ? (states[id] as Record<string, unknown>) : {});
  const currentOf = (id: string): string => (typeof stateOf(id).current === 'string' ? (stateOf(id).current as string) : defaultCurrentLabel(id));
  const explicit = new Map<string, ExplicitArns>();
  for (const id of Object.keys(states)) {
    const arns = stateOf(id).arns;
    if (!isMap(arns)) continue;
    explicit.set(id, { current: currentOf(id), labels: Object.entries(arns).map(([label, list]) => [label, Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : []] as const) });
  }
  const withRuntime = records.map((fn) => ({ fn, runtime: fn.runtime ?? imageRuntime }));
  const labels = resolveLabels(withRuntime, currentOf, explicit);
  for (const p of labels.problems) findings.push(finding(['runtimes'], 'key', p));
  if (findings.length > 0) return { ...none, findings };

  const functions: InventoryFunctionSpec[] = withRuntime.map(({ fn, runtime }) => ({
    region: fn.region as RegionName,
    architecture: fn.architecture,
    runtime,
    packageType: fn.packageType,
    versions: fn.versions.map((v) => ({
      number: v.qualifier === '$LATEST' ? 0 : Number(v.qualifier),
      label: fn.packageType === 'Image' ? currentOf(runtime) : labels.labelOf(fn, runtime, v),
      mode: fn.packageType === 'Image' ? null : (v.mode ?? 'Auto'),
    })),
    aliasNumber: fn.servingQualifier === '$LATEST' ? null : Number(fn.servingQualifier),
    deployRatePerDay: fn.deployRatePerDay,
  }));
  injectWeights(fleet, functions);
  delete fleet.inventory;
  return { findings: [], functions, earlier: labels.earlier };
}

/** The inventory's counts as the fleet's weights (the mix functions created during the run are drawn from). */
function injectWeights(fleet: Record<string, unknown>, functions: readonly InventoryFunctionSpec[]): void {
  const tally = (key: (f: InventoryFunctionSpec) => string | null): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const f of functions) {
      const k = key(f);
      if (k !== null) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  const serving = (f: InventoryFunctionSpec) => f.versions.find((v) => v.number === (f.aliasNumber ?? 0)) ?? f.versions[0];
  fleet.functions = functions.length;
  fleet.regions = tally((f) => f.region);
  fleet.architectures = tally((f) => f.architecture);
  fleet.runtimes = tally((f) => f.runtime);
  fleet.packageTypes = tally((f) => f.packageType);
  const modes = tally((f) => serving(f)?.mode ?? null);
  fleet.updateModes = Object.keys(modes).length > 0 ? modes : { Auto: 1 };
  fleet.publishedVersionShare = functions.filter((f) => f.aliasNumber !== null).length / functions.length;
}

/**
 * Attaches the inventory to a normalised scenario: `fleet.switchAutoTo` sets the mode of every
 * Auto version (R19's deny policy makes every version Auto instead); each function keeps `$LATEST` and its newest
 * `fleet.publishedVersions.retain` published versions, or, when the alias serves an older one,
 * that one and the newest `retain − 1` (older published versions are dropped: the model keeps
 * `retain`, R14); each runtime gets its earlier versions.
 */
export function withInventory(scenario: Scenario, read: InventoryRead): Scenario {
  if (read.functions === null) return scenario;
  const retain = scenario.fleet.publishedVersions.retain;
  // R19: with PutRuntimeManagementConfig denied every version is Auto; else "if the owners switched".
  const switchTo = scenario.policy.denyRuntimeManagementConfig ? 'Auto' : scenario.fleet.switchAutoTo;
  const inventory = read.functions.map((f) => {
    const versions = f.versions.map((v) => (v.mode === null || switchTo === undefined || (v.mode !== 'Auto' && !scenario.policy.denyRuntimeManagementConfig) ? v : { ...v, mode: switchTo }));
    const [latest, ...published] = versions;
    const newest = published.slice(-retain);
    const aliasKept = f.aliasNumber === null || newest.some((v) => v.number === f.aliasNumber);
    const kept = aliasKept ? newest : [...published.filter((v) => v.number === f.aliasNumber), ...published.slice(-(retain - 1))].filter((v, i, a) => a.indexOf(v) === i);
    kept.sort((a, b) => a.number - b.number);
    return { ...f, versions: [latest!, ...kept.slice(-retain)] };
  });
  return {
    ...scenario,
    fleet: { ...scenario.fleet, inventory },
    runtimes: scenario.runtimes.map((r) => {
      const earlier = read.earlier.get(r.id);
      return earlier === undefined || earlier.length === 0 ? r : { ...r, earlier };
    }),
  };
}
