/**
 * Scenario keys that are validated but whose behaviour this version of the model does not
 * simulate yet (exposure to bad releases, owners' rollbacks, policy, INIT_START logs).
 * The CLI warns about each, so that no one mistakes their absence from the results for an
 * answer.
 */
import type { Scenario } from '../scenario/types.js';

export function notYetSimulated(scenario: Scenario): string[] {
  const out: string[] = [];
  scenario.releases.forEach((r) => {
    if (r.incompatibility) out.push(`releases ${r.version}: incompatibility (failures, detection and rollback, R12, R14, R17)`);
    if (r.halt) out.push(`releases ${r.version}: halt (R11)`);
    if (r.expiresAfterMs !== null) out.push(`releases ${r.version}: expiresAfter (R11)`);
  });
  if (scenario.policy.denyRuntimeManagementConfig) out.push('policy.denyRuntimeManagementConfig: exception approvals for rollbacks (R19); the mode override itself is applied');
  if (scenario.owners.migrations.perFunctionPerDay > 0) out.push('owners.migrations (R13)');
  if (scenario.outputs.initStartLog) out.push('outputs.initStartLog (R15, R16)');
  if (scenario.outputs.events) out.push('outputs.events');
  return out;
}
