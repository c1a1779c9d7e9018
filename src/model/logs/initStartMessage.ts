/**
 * The INIT_START line an execution environment logs once, in its init phase (R15), exactly as
 * Lambda writes it: the version label, a TAB, then the version's ARN. Read as CLF (split on
 * white space) it gives `INIT_START` as field 1, the label as field 4 and the ARN as field 8,
 * which R16's Contributor Insights rule counts.
 */
export function initStartMessage(label: string, arn: string): string {
  return `INIT_START Runtime Version: ${label}\tRuntime Version ARN: ${arn}`;
}
