/** Log lines and rules as Lambda and CloudWatch write them, for the insights tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOUR_MS = 3_600_000;
/** 2024-01-01T00:00:00Z, a whole number of days (and hours) since the epoch. */
export const T0 = Date.UTC(2024, 0, 1);

/** R16, unchanged: the rule as the source page gives it, the one the report counts INIT_START lines with. */
export { R16_RULE } from '../../src/report/initStartRule.js';

export const ARN_V15 = `arn:aws:lambda:us-east-1::runtime:${'a1'.repeat(32)}`;
export const ARN_V16 = `arn:aws:lambda:us-east-1::runtime:${'b2'.repeat(32)}`;

/** R15: the real INIT_START line, with the TAB before the second part and the trailing newline. */
export function initStart(label: string, arn: string): string {
  return `INIT_START Runtime Version: ${label}\tRuntime Version ARN: ${arn}\n`;
}

export interface EventSpec {
  readonly timestamp: number;
  readonly message: string;
  readonly logGroupName?: string;
}

export function eventLine(e: EventSpec): string {
  return JSON.stringify({
    timestamp: e.timestamp,
    logGroupName: e.logGroupName ?? '/aws/lambda/checkout',
    logStreamName: '2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    message: e.message,
    ingestionTime: e.timestamp + 250,
    eventId: String(e.timestamp),
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'lrs-insights-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/**
 * Three hours of a rollout from v15 to v16: inits per hour are v15 5/3/1 and v16 1/3/6,
 * in two functions' log groups, mixed with START/REPORT lines that the rule must ignore
 * and one INIT_START in a log group outside `/aws/lambda/`.
 */
export function rolloutLines(): string[] {
  const lines: string[] = [];
  const perHour: readonly [number, number][] = [[5, 1], [3, 3], [1, 6]];
  perHour.forEach(([old, fresh], hour) => {
    const base = T0 + hour * HOUR_MS;
    for (let i = 0; i < old; i++) {
      lines.push(eventLine({ timestamp: base + i * 60_000, message: initStart('python:3.12.v15', ARN_V15), logGroupName: `/aws/lambda/fn-${i % 2}` }));
    }
    for (let i = 0; i < fresh; i++) {
      lines.push(eventLine({ timestamp: base + 30 * 60_000 + i * 1000, message: initStart('python:3.12.v16', ARN_V16), logGroupName: `/aws/lambda/fn-${i % 2}` }));
    }
    lines.push(eventLine({ timestamp: base + 10, message: 'START RequestId: 8f5e Version: $LATEST\n' }));
    lines.push(eventLine({ timestamp: base + 20, message: 'REPORT RequestId: 8f5e\tDuration: 2.13 ms\tBilled Duration: 3 ms\n' }));
    lines.push(eventLine({ timestamp: base + 30, message: initStart('python:3.12.v15', ARN_V15), logGroupName: '/ecs/other-service' }));
  });
  return lines;
}
