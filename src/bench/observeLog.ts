/**
 * A synthetic INIT_START log for the observe benchmark, in the NDJSON form `run` writes:
 * `functions` functions spread over three regions, each moving from v14 to v15 at a time of its
 * own, inits in time order. Every line is an INIT_START line (a filter-pattern export), the
 * heaviest case: each one is parsed. Written in 1 MiB chunks, so any size fits in little memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const REGIONS = ['eu-west-1', 'us-east-1', 'ap-south-1'];
const HEX = '0123456789abcdef';

function hex(n: number, seed: number): string {
  let out = '';
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out += HEX[x >>> 28];
  }
  return out;
}

export function writeObserveLog(file: string, lines: number, functions: number): void {
  const start = Date.UTC(2026, 0, 1);
  const spanMs = 365 * 86_400_000;
  const arns = REGIONS.map((r) => [14, 15].map((v) => `arn:aws:lambda:${r}::runtime:${hex(64, v * 7919)}`));
  const fd = openSync(file, 'w');
  try {
    let buffer: string[] = [];
    let size = 0;
    for (let i = 0; i < lines; i++) {
      const f = i % functions;
      const t = start + Math.floor((i / lines) * spanMs);
      const region = f % REGIONS.length;
      const moved = i / lines > 0.3 + 0.4 * (f / functions);
      const day = new Date(t).toISOString().slice(0, 10).replaceAll('-', '/');
      const line = JSON.stringify({
        timestamp: t,
        logGroupName: `/aws/lambda/fn-${String(f).padStart(7, '0')}`,
        logStreamName: `${day}/[$LATEST]${hex(32, i)}`,
        message: `INIT_START Runtime Version: python:3.12.v${moved ? 15 : 14}\tRuntime Version ARN: ${arns[region]![moved ? 1 : 0]}`,
      }) + '\n';
      buffer.push(line);
      size += line.length;
      if (size >= 1 << 20) {
        writeSync(fd, buffer.join(''));
        buffer = [];
        size = 0;
      }
    }
    if (buffer.length > 0) writeSync(fd, buffer.join(''));
  } finally {
    closeSync(fd);
  }
}
