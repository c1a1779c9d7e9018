/**
 * The runtime lifecycle in the model (issue 11, `startDate`): once a function's runtime is
 * deprecated, Lambda gives it no new runtime versions — no phase 1 update on a deploy or a
 * configuration update, no phase 2 update, no move off a withdrawn release (domain.md,
 * "Deprecation policy"; releases after deprecation are refused by the scenario checks). Deploys
 * after block-update are refused by Lambda anyway, so they cannot bring a version either.
 * Without `startDate` no runtime has a lifecycle and nothing here applies.
 */
import type { ReplicationContext } from '../context.js';

/** True when `f`'s runtime is deprecated at `atMs`. */
export function runtimeDeprecated(ctx: ReplicationContext, f: number, atMs: number): boolean {
  const lifecycle = ctx.scenario.runtimes[ctx.fleet.runtime[f]!]!.lifecycle;
  return lifecycle !== undefined && lifecycle.deprecatedAtMs !== null && atMs >= lifecycle.deprecatedAtMs;
}
