/**
 * `fleet import` and `fleet collect` through the real command line. collect runs the real AWS
 * SDK against a local server that answers the Lambda REST paths from the fixture inventory
 * (lambdaServer.ts: paged lists, one 429 first): it must write byte for byte the file that
 * import writes from the same documents. Refusals exit with 2 and write nothing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { startLambdaServer, type LambdaServer } from '../fleet/lambdaServer.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/inventory');
const REGIONS = ['eu-west-1', 'us-east-1', 'ap-southeast-2'];

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stderrIsTty: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const dir = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
let server: LambdaServer;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startLambdaServer(FIXTURE);
  // Static credentials through the default chain's environment step; no shared files from the host.
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIDTESTFLEET';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'test-secret';
  process.env['AWS_CONFIG_FILE'] = join(dir, 'no-config');
  process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'no-credentials');
  delete process.env['AWS_PROFILE'];
  delete process.env['AWS_SESSION_TOKEN'];
});
afterAll(async () => {
  await server.close();
  process.env = saved;
});

describe('fleet import', () => {
  it('writes the fleet file and says what it assumed', async () => {
    const io = captureIo();
    const out = join(dir, 'imported.json');
    expect(await runCli(['fleet', 'import', FIXTURE, '--out', out], io)).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).functions).toHaveLength(7);
    expect(io.err).toContain('2 Zip versions had no get-runtime-management-config output: taken as Auto (R2)');
  });

  it('refuses a bad inventory with exit code 2 and writes nothing', async () => {
    const io = captureIo();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"Functions": [}');
    const out = join(dir, 'never.json');
    expect(await runCli(['fleet', 'import', FIXTURE, bad, '--out', out], io)).toBe(2);
    expect(io.err).toBe(`${bad}:1:16 not JSON: expected a value, found \`}\`\nfleet: refused (nothing written): 1 not JSON\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('--anonymize hashes names and accounts, prints the salt once and stores it nowhere', async () => {
    const io = captureIo();
    const out = join(dir, 'anon.json');
    expect(await runCli(['fleet', 'import', FIXTURE, '--out', out, '--anonymize'], io)).toBe(0);
    const salt = /salt ([0-9a-f]{32})/.exec(io.err)![1]!;
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(salt);
    for (const secret of ['orders-api', '123456789012', '210987654321']) expect(text).not.toContain(secret);
    const fleet = JSON.parse(text);
    expect(fleet.anonymized).toBe(true);
    expect(fleet.functions.every((f: { account: string; functionName: string }) => /^\d{12}$/.test(f.account) && /^fn-[0-9a-f]{20}$/.test(f.functionName))).toBe(true);
  });

  it('schema --fleet prints the JSON Schema of fleet files', async () => {
    const io = captureIo();
    expect(await runCli(['schema', '--fleet'], io)).toBe(0);
    expect(JSON.parse(io.out).properties.functions.type).toBe('array');
  });
});

describe('fleet collect against a local Lambda endpoint', () => {
  it('pages, retries the throttled call and writes the same bytes as fleet import', async () => {
    const imported = join(dir, 'same-import.json');
    const collected = join(dir, 'same-collect.json');
    expect(await runCli(['fleet', 'import', FIXTURE, '--out', imported], captureIo())).toBe(0);
    const io = captureIo();
    const code = await runCli(['fleet', 'collect', '--region', ...REGIONS, '--endpoint-url', server.url, '--out', collected, '--concurrency', '4'], io);
    expect(io.err).not.toContain('fleet collect:');
    expect(code).toBe(0);
    expect(readFileSync(collected, 'utf8')).toBe(readFileSync(imported, 'utf8'));
    // one 429 first, then the retry went through
    expect(server.requests[0]!.status).toBe(429);
    expect(server.requests[1]!.path).toBe(server.requests[0]!.path);
    // ListFunctions followed NextMarker: eu-west-1 has 8 configurations in pages of 3
    const euPages = server.requests.filter((r) => r.region === 'eu-west-1' && /\/functions\/?\?/.test(r.path) && r.status === 200);
    expect(euPages.map((r) => new URL(r.path, 'http://x').searchParams.has('Marker'))).toEqual([false, true, true]);
    expect(server.requests.filter((r) => r.path.includes('/aliases') && r.path.includes('Marker=')).length).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.accessKey === 'AKIDTESTFLEET')).toBe(true);
    expect(io.err).toMatch(/API calls \d+\/\d+/);
  });

  it('uses a named profile from the shared credentials file (--profile)', async () => {
    const credentials = join(dir, 'credentials');
    writeFileSync(credentials, '[fleet-test]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n');
    const env = { ...process.env };
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = credentials;
    delete process.env['AWS_ACCESS_KEY_ID'];
    delete process.env['AWS_SECRET_ACCESS_KEY'];
    try {
      const before = server.requests.length;
      const io = captureIo();
      const code = await runCli(['fleet', 'collect', '--region', 'us-east-1', '--profile', 'fleet-test', '--endpoint-url', server.url, '--out', join(dir, 'p.json'), '-q'], io);
      expect(io.err).not.toContain('fleet collect:');
      expect(code).toBe(0);
      expect(server.requests.slice(before).every((r) => r.accessKey === 'AKIDPROFILE')).toBe(true);
    } finally {
      process.env = env;
    }
  });

  it('an API error is one line and exit code 2', async () => {
    const io = captureIo();
    const code = await runCli(['fleet', 'collect', '--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:1', '--out', join(dir, 'x.json'), '-q'], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^fleet collect: \w+: .+\n$/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
