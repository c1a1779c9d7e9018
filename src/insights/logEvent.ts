/**
 * One line of the log file: a CloudWatch Logs event as `FilterLogEvents` returns it,
 * `{"timestamp": <ms>, "logGroupName": "/aws/lambda/<function>", "logStreamName": "…",
 * "message": "…"}`. Other fields (`ingestionTime`, `eventId`, …) are ignored.
 */
import { msg } from './messages.js';

export interface LogEvent {
  readonly timestampMs: number;
  readonly logGroupName: string;
  readonly message: string;
}

/** Largest |timestamp| a JavaScript Date (and so an ISO 8601 time) can hold. */
const MAX_TIME_MS = 8.64e15;

export type LineParse = { readonly ok: true; readonly event: LogEvent } | { readonly ok: false; readonly reason: string };

export function parseLogLine(line: string): LineParse {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: msg.lineNotJson(error instanceof Error ? error.message : String(error)) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: msg.lineNotObject(value) };
  const { timestamp, logGroupName, logStreamName, message } = value as Record<string, unknown>;
  if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || Math.abs(timestamp) > MAX_TIME_MS) {
    return { ok: false, reason: msg.eventField('timestamp', 'a whole number of milliseconds since 1970-01-01T00:00:00Z', timestamp) };
  }
  if (typeof logGroupName !== 'string') return { ok: false, reason: msg.eventField('logGroupName', 'a string', logGroupName) };
  if (logStreamName !== undefined && typeof logStreamName !== 'string') {
    return { ok: false, reason: msg.eventField('logStreamName', 'a string', logStreamName) };
  }
  if (typeof message !== 'string') return { ok: false, reason: msg.eventField('message', 'a string', message) };
  return { ok: true, event: { timestampMs: timestamp, logGroupName, message } };
}
