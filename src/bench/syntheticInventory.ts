/**
 * Writes a synthetic but real-shaped inventory, as the AWS CLI commands of docs/own-fleet.md
 * would save it, into a folder: per region, list-functions
 * `--function-version ALL` pages (NextMarker) appended into one file, get-function and
 * get-runtime-management-config outputs per Zip version, list-aliases per function. Seeded:
 * the same options give the same files. Used by the import benchmark (100,000 functions × 5
 * versions) and to make the bundled example inventory.
 *
 * The fleet it draws: regions and accounts by weight, 10% container images, 30% arm64 (and a
 * share of old outputs without `Architectures`), deploy rates Gamma(0.7, scale 0.03/day), the
 * last published versions kept, modes Auto 80% (for half of them no runtime-management output
 * at all, as when it was never fetched), FunctionUpdate 15%, Manual 5% pinned to an older
 * runtime version, a `live` alias on 40% of functions with versions (some with a 10% canary).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { categorical, cumulativeWeights, exponential, gamma } from '../kernel/distributions.js';
import { createStream } from '../kernel/random.js';

export interface SyntheticInventoryOptions {
  readonly functions: number;
  /** Versions kept per function, `$LATEST` included (>= 1). */
  readonly versionsPerFunction: number;
  readonly seed: number;
  /** JSON indentation: 4 like the AWS CLI, or 0 for compact files. */
  readonly indent: number;
  /** Epoch ms of the collection (the history ends here). */
  readonly endMs: number;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-northeast-1', 'eu-central-1', 'ap-southeast-2', 'sa-east-1', 'ca-central-1'];
const REGION_WEIGHTS = cumulativeWeights([30, 20, 15, 10, 10, 7, 4, 4]);
const ACCOUNTS = ['111122223333', '444455556666', '777788889999'];
const RUNTIMES = ['python3.12', 'nodejs20.x', 'python3.11', 'nodejs18.x', 'java21', 'provided.al2023', 'nodejs22.x', 'python3.9'];
const RUNTIME_WEIGHTS = cumulativeWeights([22, 20, 12, 12, 8, 6, 12, 8]);
const DAY_MS = 86_400_000;

function lastModified(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Runtime version ARN of the `age`-th version before the current one of a runtime, per region and architecture (R4, R6). */
function runtimeArn(region: string, runtime: string, arch: string, age: number): string {
  return `arn:aws:lambda:${region}::runtime:${createHash('sha256').update(`${runtime}/${arch}/${age}`).digest('hex')}`;
}

class DocFile {
  private readonly fd: number;
  private buffer = '';
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(doc: unknown, indent: number): void {
    this.buffer += JSON.stringify(doc, null, indent || undefined) + '\n';
    if (this.buffer.length > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export function writeSyntheticInventory(dir: string, o: SyntheticInventoryOptions): { files: number; versions: number } {
  mkdirSync(dir, { recursive: true });
  const s = createStream(o.seed, 'synthetic-inventory', 0);
  const files = new Map<string, DocFile>();
  const file = (name: string): DocFile => {
    let f = files.get(name);
    if (f === undefined) files.set(name, (f = new DocFile(join(dir, name))));
    return f;
  };
  const pages = new Map<string, unknown[]>();
  const flushPage = (region: string, last: boolean): void => {
    const page = pages.get(region) ?? [];
    if (page.length === 0 && !last) return;
    file(`functions-${region}.json`).write({ Functions: page, ...(last ? {} : { NextMarker: Buffer.from(`${region}:${s.next()}`).toString('base64') }) }, o.indent);
    pages.set(region, []);
  };
  let versions = 0;
  for (let i = 0; i < o.functions; i++) {
    const region = REGIONS[categorical(s, REGION_WEIGHTS)]!;
    const account = ACCOUNTS[Math.floor(s.next() * ACCOUNTS.length)]!;
    const image = s.next() < 0.1;
    const runtime = RUNTIMES[categorical(s, RUNTIME_WEIGHTS)]!;
    const arch = s.next() < 0.3 ? 'arm64' : 'x86_64';
    const oldOutput = arch === 'x86_64' && s.next() < 0.05;
    const name = `svc-${i.toString(36)}-${['api', 'worker', 'cron', 'stream', 'auth'][i % 5]}`;
    const arn = `arn:aws:lambda:${region}:${account}:function:${name}`;
    // deploy history: a Poisson process of a Gamma-drawn rate, read backwards from the end
    // (memoryless), so every function keeps exactly versionsPerFunction - 1 published versions
    const rate = Math.max(1e-4, gamma(s, 0.7, 0.03)); // floor: one deploy in ~27 years, so dates stay valid
    const kept: number[] = [];
    let t = o.endMs;
    for (let k = 0; k < o.versionsPerFunction - 1; k++) kept.unshift((t -= exponential(s, 1 / rate) * DAY_MS));
    const published = kept.length + Math.floor(s.next() * 20);
    // a fifth of the functions changed $LATEST after the last publication
    const latestMs = s.next() < 0.2 ? Math.min(o.endMs, (kept.at(-1) ?? t) + exponential(s, 1 / rate) * DAY_MS) : kept.at(-1) ?? o.endMs - s.next() * 365 * DAY_MS;
    const roll = s.next();
    const mode = roll < 0.8 ? 'Auto' : roll < 0.95 ? 'FunctionUpdate' : 'Manual';
    const writeRmc = mode !== 'Auto' || s.next() < 0.5;
    const qualifiers = ['$LATEST', ...kept.map((_, k) => String(published - kept.length + 1 + k))];
    const lastMs = [latestMs, ...kept];
    qualifiers.forEach((q, k) => {
      versions++;
      const age = q === '$LATEST' || mode === 'Auto' ? 0 : Math.min(6, qualifiers.length - k);
      const config: Record<string, unknown> = {
        FunctionName: name,
        FunctionArn: q === '$LATEST' ? arn : `${arn}:${q}`,
        ...(image ? {} : { Runtime: runtime }),
        Role: `arn:aws:iam::${account}:role/${name}-role`,
        ...(image ? {} : { Handler: 'index.handler' }),
        CodeSize: image ? 0 : 10_000 + i,
        Description: '',
        Timeout: 30,
        MemorySize: 512,
        LastModified: lastModified(lastMs[k]!),
        CodeSha256: createHash('sha256').update(`${name}${q}`).digest('base64'),
        Version: q,
        TracingConfig: { Mode: 'PassThrough' },
        RevisionId: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${k.toString(16).padStart(12, '0')}`,
        PackageType: image ? 'Image' : 'Zip',
        ...(oldOutput ? {} : { Architectures: [arch] }),
        EphemeralStorage: { Size: 512 },
      };
      let page = pages.get(region);
      if (page === undefined) pages.set(region, (page = []));
      page.push(config);
      if (page.length === 50) flushPage(region, false);
      if (image) return;
      const current = runtimeArn(region, runtime, arch, age);
      file(`get-function-${region}.json`).write({ Configuration: { ...config, RuntimeVersionConfig: { RuntimeVersionArn: mode === 'Manual' && q === '$LATEST' ? runtimeArn(region, runtime, arch, 1) : current } }, Code: { RepositoryType: 'S3', Location: 'https://example.invalid/code' }, Tags: {} }, o.indent);
      if (writeRmc) {
        const pinned = mode === 'Manual' && q === '$LATEST';
        file(`runtime-management-${region}.json`).write({
          UpdateRuntimeOn: pinned || mode !== 'Manual' ? mode : 'Auto',
          FunctionArn: q === '$LATEST' ? arn : `${arn}:${q}`,
          RuntimeVersionArn: pinned ? runtimeArn(region, runtime, arch, 1) : null,
        }, o.indent);
      }
    });
    const aliases: unknown[] = [];
    if (qualifiers.length > 1 && s.next() < 0.4) {
      const top = qualifiers.at(-1)!;
      const canary = qualifiers.length > 2 && s.next() < 0.25;
      aliases.push({ AliasArn: `${arn}:live`, Name: 'live', FunctionVersion: top, Description: '', ...(canary ? { RoutingConfig: { AdditionalVersionWeights: { [qualifiers.at(-2)!]: 0.1 } } } : {}), RevisionId: '00000000-0000-4000-8000-000000000000' });
    }
    file(`aliases-${region}.json`).write({ Aliases: aliases }, o.indent);
  }
  for (const region of REGIONS) if (pages.has(region)) flushPage(region, true);
  for (const f of files.values()) f.close();
  return { files: files.size, versions };
}
