/**
 * A local HTTP server that answers the Lambda REST paths of aws-shapes.md from a folder of
 * CLI outputs, for `fleet collect` tests (nothing talks to AWS). The region comes from the
 * SigV4 credential scope of each request. ListFunctions and ListAliases are paged
 * (Marker/NextMarker) with small pages; the first request of all is refused with 429
 * TooManyRequestsException, which the SDK's adaptive retry must absorb. Versions the folder
 * has no get-function or get-runtime-management-config output for are answered as Lambda
 * would: the configuration without RuntimeVersionConfig, and `Auto` (R2).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inputFiles } from '../../src/fleet/inputFiles.js';
import { IssueLog } from '../../src/fleet/issues.js';
import { readJsonDocuments } from '../../src/fleet/jsonDocuments.js';
import { parseFunctionArn } from '../../src/fleet/arn.js';

type Doc = Record<string, unknown>;

export interface LambdaServer {
  readonly url: string;
  readonly requests: { method: string; path: string; region: string; accessKey: string; status: number }[];
  close(): Promise<void>;
}

export const FUNCTIONS_PAGE = 3;
export const ALIASES_PAGE = 1;

function index(folder: string) {
  const configs = new Map<string, Doc[]>(); // region → configurations (ALL)
  const seen = new Set<string>();
  const details = new Map<string, Doc>();
  const rmc = new Map<string, Doc>();
  const aliases = new Map<string, Doc[]>();
  const keyOf = (arn: string, q: string): string => `${parseFunctionArn(arn)!.unqualified}:${q}`;
  for (const file of inputFiles([folder], new IssueLog())) {
    for (const { value } of readJsonDocuments(file)) {
      const d = value as Doc;
      for (const c of ((d['Functions'] ?? d['Versions'] ?? []) as Doc[])) {
        const key = keyOf(c['FunctionArn'] as string, c['Version'] as string);
        if (seen.has(key)) continue;
        seen.add(key);
        const region = parseFunctionArn(c['FunctionArn'])!.region;
        configs.set(region, [...(configs.get(region) ?? []), c]);
      }
      if (d['Configuration'] !== undefined) {
        const c = d['Configuration'] as Doc;
        details.set(keyOf(c['FunctionArn'] as string, c['Version'] as string), d);
      }
      if (d['UpdateRuntimeOn'] !== undefined) {
        const arn = parseFunctionArn(d['FunctionArn'])!;
        rmc.set(`${arn.unqualified}:${arn.qualifier ?? '$LATEST'}`, d);
      }
      for (const a of (d['Aliases'] ?? []) as Doc[]) {
        const fn = parseFunctionArn(a['AliasArn'])!.unqualified;
        aliases.set(fn, [...(aliases.get(fn) ?? []), a]);
      }
    }
  }
  return { configs, details, rmc, aliases };
}

function page<T>(items: readonly T[], marker: string | null, size: number): { items: T[]; next: string | undefined } {
  const from = marker === null ? 0 : Number(Buffer.from(marker, 'base64').toString());
  const next = from + size < items.length ? Buffer.from(String(from + size)).toString('base64') : undefined;
  return { items: items.slice(from, from + size), next };
}

export async function startLambdaServer(folder: string): Promise<LambdaServer> {
  const data = index(folder);
  const requests: LambdaServer['requests'] = [];
  let throttled = false;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = req.headers.authorization ?? '';
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/lambda\/aws4_request/.exec(auth);
    const region = scope?.[2] ?? '';
    const send = (status: number, body: unknown, errorType?: string): void => {
      requests.push({ method: req.method ?? '', path: `${url.pathname}${url.search}`, region, accessKey: scope?.[1] ?? '', status });
      res.writeHead(status, { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
      res.end(JSON.stringify(body));
    };
    if (!throttled) {
      throttled = true;
      return send(429, { Reason: 'CallerRateLimitExceeded', Type: 'User', message: 'Rate exceeded' }, 'TooManyRequestsException');
    }
    if (scope === null) return send(403, { message: 'Missing Authentication Token' }, 'AccessDeniedException');
    const q = url.searchParams;
    const qualifier = q.get('Qualifier') ?? '$LATEST';
    let m: RegExpExecArray | null;
    if (/^\/2015-03-31\/functions\/?$/.test(url.pathname)) {
      const all = (data.configs.get(region) ?? []).filter((c) => q.get('FunctionVersion') === 'ALL' || c['Version'] === '$LATEST');
      const p = page(all, q.get('Marker'), Math.min(FUNCTIONS_PAGE, Number(q.get('MaxItems') ?? 50)));
      return send(200, { Functions: p.items, ...(p.next ? { NextMarker: p.next } : {}) });
    }
    const notFound = (what: string) => send(404, { Type: 'User', message: `Function not found: ${what}` }, 'ResourceNotFoundException');
    if ((m = /^\/2015-03-31\/functions\/([^/]+)\/aliases$/.exec(url.pathname))) {
      const fn = decodeURIComponent(m[1]!);
      const p = page(data.aliases.get(fn) ?? [], q.get('Marker'), ALIASES_PAGE);
      return send(200, { Aliases: p.items, ...(p.next ? { NextMarker: p.next } : {}) });
    }
    if ((m = /^\/2021-07-20\/functions\/([^/]+)\/runtime-management-config$/.exec(url.pathname))) {
      const key = `${decodeURIComponent(m[1]!)}:${qualifier}`;
      const found = data.rmc.get(key);
      if (found) return send(200, found);
      const listed = [...data.configs.values()].flat().some((c) => `${parseFunctionArn(c['FunctionArn'])!.unqualified}:${c['Version']}` === key);
      if (!listed) return notFound(key);
      const arn = decodeURIComponent(m[1]!);
      return send(200, { UpdateRuntimeOn: 'Auto', FunctionArn: qualifier === '$LATEST' ? arn : `${arn}:${qualifier}`, RuntimeVersionArn: null });
    }
    if ((m = /^\/2015-03-31\/functions\/([^/]+)$/.exec(url.pathname))) {
      const key = `${decodeURIComponent(m[1]!)}:${qualifier}`;
      const found = data.details.get(key);
      if (found) return send(200, found);
      const config = [...data.configs.values()].flat().find((c) => `${parseFunctionArn(c['FunctionArn'])!.unqualified}:${c['Version']}` === key);
      return config ? send(200, { Configuration: config }) : notFound(key);
    }
    return send(404, { message: `no route ${url.pathname}` }, 'UnknownOperationException');
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
