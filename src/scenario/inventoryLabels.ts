/**
 * Runtime version ARNs of an inventory → version labels (R4, R6: ARNs are opaque).
 *
 * With `runtimes.<id>.arns: {label: [arn…]}` the labels are the scenario's: listed oldest
 * first, the runtime's `current` label names its current version, labels listed before it are
 * earlier versions; every ARN of that runtime in the inventory must be listed.
 *
 * Without it, per (runtime, region, architecture) the ARN most versions run is the runtime's
 * current version, and the other ARNs are earlier versions of unknown age, ordered by the
 * number of versions running them (more first, then by ARN text): the k-th one is labelled
 * `<current>~earlier<k>` and taken as k releases behind the current one. A version whose
 * runtime version ARN is unknown (no `get-function` output) runs its pinned ARN if Manual,
 * else the current version.
 */
import type { FleetFunctionRecord, FleetVersionRecord } from '../fleet/fleetRecords.js';

export interface LabelResolution {
  /** Label of the runtime version a version runs. */
  readonly labelOf: (fn: FleetFunctionRecord, runtime: string, v: FleetVersionRecord) => string;
  /** Earlier labels per runtime, oldest first. */
  readonly earlier: ReadonlyMap<string, readonly string[]>;
  /** One message per problem (ARN not listed, label order). */
  readonly problems: readonly string[];
}

export interface ExplicitArns {
  readonly current: string;
  /** Labels in file order (oldest first) with their ARNs. */
  readonly labels: readonly (readonly [string, readonly string[]])[];
}

export function arnOf(v: FleetVersionRecord): string | null {
  return v.runtimeVersionArn ?? (v.mode === 'Manual' ? v.pinnedRuntimeVersionArn : null);
}

export function resolveLabels(
  functions: readonly { readonly fn: FleetFunctionRecord; readonly runtime: string }[],
  currentOf: (runtime: string) => string,
  explicit: ReadonlyMap<string, ExplicitArns>,
): LabelResolution {
  const problems: string[] = [];
  const earlier = new Map<string, string[]>();
  // Explicit labels.
  const explicitLabel = new Map<string, string>();
  for (const [runtime, e] of explicit) {
    const at = e.labels.findIndex(([label]) => label === e.current);
    if (at < 0 && e.labels.length > 0) problems.push(`runtimes.${runtime}.arns: no label is the current one (${e.current}); list it, with the earlier labels before it`);
    earlier.set(runtime, e.labels.slice(0, Math.max(0, at)).map(([label]) => label));
    e.labels.slice(at + 1).forEach(([label]) => problems.push(`runtimes.${runtime}.arns.${label}: listed after the current label ${e.current}; newer versions come from releases`));
    for (const [label, arns] of e.labels) for (const arn of arns) explicitLabel.set(`${runtime}\u0000${arn}`, label);
  }
  // Automatic labels: ARN counts per (runtime, region, architecture).
  const counts = new Map<string, Map<string, number>>();
  for (const { fn, runtime } of functions) {
    if (explicit.has(runtime)) continue;
    for (const v of fn.versions) {
      const arn = arnOf(v);
      if (arn === null) continue;
      const group = `${runtime}\u0000${fn.region}\u0000${v.architecture}`;
      const m = counts.get(group) ?? new Map<string, number>();
      m.set(arn, (m.get(arn) ?? 0) + 1);
      counts.set(group, m);
    }
  }
  const autoLabel = new Map<string, string>();
  const depth = new Map<string, number>();
  for (const [group, m] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const runtime = group.split('\u0000')[0]!;
    const ranked = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([arn]) => arn);
    ranked.forEach((arn, k) => autoLabel.set(`${runtime}\u0000${arn}`, k === 0 ? currentOf(runtime) : `${currentOf(runtime)}~earlier${k}`));
    depth.set(runtime, Math.max(depth.get(runtime) ?? 0, ranked.length - 1));
  }
  for (const [runtime, d] of depth) earlier.set(runtime, Array.from({ length: d }, (_, i) => `${currentOf(runtime)}~earlier${d - i}`));

  const unlisted = new Map<string, number>();
  const labelOf = (_fn: FleetFunctionRecord, runtime: string, v: FleetVersionRecord): string => {
    const arn = arnOf(v);
    if (arn === null) return currentOf(runtime);
    const key = `${runtime}\u0000${arn}`;
    if (explicit.has(runtime)) {
      const label = explicitLabel.get(key);
      if (label === undefined) {
        unlisted.set(runtime, (unlisted.get(runtime) ?? 0) + 1);
        return currentOf(runtime);
      }
      return label;
    }
    return autoLabel.get(key) ?? currentOf(runtime);
  };
  // Walk once so that unlisted ARNs are reported before the caller uses the labels.
  for (const { fn, runtime } of functions) for (const v of fn.versions) labelOf(fn, runtime, v);
  for (const [runtime, n] of unlisted) problems.push(`runtimes.${runtime}.arns: ${n} version(s) of the inventory run an ARN not listed here; list every ARN of ${runtime}`);
  return { labelOf, earlier, problems };
}
