/**
 * One INIT_START line read back (R15): `INIT_START Runtime Version: <label>` TAB
 * `Runtime Version ARN: <arn>`, with the function from the log group (`/aws/lambda/<name>`),
 * the region from the runtime version ARN (R4: `arn:aws[…]:lambda:<region>::runtime:<hex>`) and
 * the function version from the log stream name (`YYYY/MM/DD/[$LATEST]<32 hex>` or
 * `YYYY/MM/DD/[7]<32 hex>`; ../shared/aws-shapes.md). Labels are never parsed for order
 * (domain.md: no label grammar); the runtime identifier comes from the label's prefix when the
 * catalog knows it.
 */
import { MANAGED_RUNTIMES } from '../model/catalog/runtimes.js';

export interface Init {
  readonly timestampMs: number;
  /** Function name (the log group without `/aws/lambda/`). */
  readonly fn: string;
  readonly region: string;
  /** `$LATEST` or a published version number. */
  readonly qualifier: string;
  readonly label: string;
  readonly arn: string;
}

export type InitParse = { readonly ok: true; readonly init: Init } | { readonly ok: false; readonly reason: string } | null;

const MESSAGE = /^INIT_START Runtime Version: (\S+)\s+Runtime Version ARN: (arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-[a-z]+)+-\d)::runtime:[0-9a-f]+)\s*$/;
const STREAM = /^\d{4}\/\d{2}\/\d{2}\/\[(\$LATEST|\d+)\][0-9a-f]{32}$/;
const LOG_GROUP_PREFIX = '/aws/lambda/';

/** null for a line that is not INIT_START (skipped); else the init or why it is malformed. */
export function parseInit(timestampMs: number, logGroup: string, logStream: string, message: string): InitParse {
  if (!message.startsWith('INIT_START')) return null;
  const m = MESSAGE.exec(message);
  if (m === null) return { ok: false, reason: 'INIT_START line is not `INIT_START Runtime Version: <label>\\tRuntime Version ARN: arn:aws:lambda:<region>::runtime:<hex>`' };
  const s = STREAM.exec(logStream);
  if (s === null) return { ok: false, reason: `log stream name ${JSON.stringify(logStream.slice(0, 80))} is not YYYY/MM/DD/[$LATEST or version]<32 hex>` };
  if (!Number.isFinite(timestampMs)) return { ok: false, reason: 'no usable timestamp' };
  return { ok: true, init: { timestampMs, fn: functionOfLogGroup(logGroup), region: m[3]!, qualifier: s[1]!, label: m[1]!, arn: m[2]! } };
}

/** `/aws/lambda/NAME` → NAME; an Insights `@log` value `123456789012:/aws/lambda/NAME` too; other log groups stay whole. */
export function functionOfLogGroup(logGroup: string): string {
  const withoutAccount = logGroup.replace(/^\d{12}:/, '');
  return withoutAccount.startsWith(LOG_GROUP_PREFIX) ? withoutAccount.slice(LOG_GROUP_PREFIX.length) : withoutAccount;
}

/** Runtime identifier of a label (`python:3.12.v14` → `python3.12`), by the longest known prefix; else the label up to its last dot. */
export function runtimeOfLabel(label: string): string {
  let best: { id: string; prefix: string } | undefined;
  for (const r of MANAGED_RUNTIMES) {
    if (label.startsWith(`${r.labelPrefix}.`) && (best === undefined || r.labelPrefix.length > best.prefix.length)) best = { id: r.id, prefix: r.labelPrefix };
  }
  if (best !== undefined) return best.id;
  const dot = label.lastIndexOf('.');
  return dot > 0 ? label.slice(0, dot) : label;
}

/** The log group a filter-log-events file stands for: `aws_lambda_NAME.json` and `NAME.json` both mean `/aws/lambda/NAME`. */
export function logGroupOfFileName(path: string): string {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.(nd)?json$/i, '');
  return `${LOG_GROUP_PREFIX}${base.startsWith('aws_lambda_') ? base.slice('aws_lambda_'.length) : base}`;
}

/** `2026-03-20 12:34:56.789` (Logs Insights, UTC) or an ISO 8601 time or ms since the epoch → ms since the epoch; NaN if none. */
export function parseInsightsTime(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && /^\d{4}-/.test(value) ? ms : Number.NaN;
}
