/**
 * The runtime lifecycle in the model (issue 11, `startDate`): once a function's runtime is
 * deprecated, Lambda gives it no new runtime versions — no phase 1 update on a deploy or a
 * configuration update, no phase 2 update, no move off a withdrawn release (domain.md,
 * "Deprecation policy"; releases after deprecation are refused by the scenario checks). Deploys
 * after block-update are refused by Lambda anyway, so they cannot bring a version either.
 * Without `startDate` no runtime has a lifecycle and nothing here applies.
 */
import type { ReplicationContext } from '../context.js';
import type { Scenario } from '../spec.js';

/** Deprecation time of each scenario runtime (by runtime index), ms; Infinity without one. */
export function deprecationTimes(scenario: Scenario): Float64Array {
  return Float64Array.from(scenario.runtimes, (r) => r.lifecycle?.deprecatedAtMs ?? Number.POSITIVE_INFINITY);
}

/** True when `f`'s runtime is deprecated at `atMs`. */
export function runtimeDeprecated(ctx: ReplicationContext, f: number, atMs: number): boolean {
  return atMs >= ctx.deprecatedAtMs[ctx.fleet.runtime(f)]!;
}
