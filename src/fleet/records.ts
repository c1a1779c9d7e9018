/**
 * Turns one record of a recognised document into the few fields the fleet file keeps,
 * checking each against the API's shape (aws-shapes.md). A record that fails a check is
 * logged (bad ARN or bad value) and dropped; the import then refuses the whole inventory.
 */
import { parseFunctionArn, parseRuntimeVersionArn, qualifierKind, type FunctionArn } from './arn.js';
import type { Architecture, PackageType, UpdateMode } from './fleetFile.js';
import type { IssueLog } from './issues.js';
import { parseLastModifiedMs } from './lastModified.js';

export interface ConfigurationRecord {
  readonly arn: FunctionArn;
  readonly qualifier: string;
  readonly lastModified: string;
  readonly lastModifiedMs: number;
  readonly runtime: string | null;
  readonly architecture: Architecture;
  readonly packageType: PackageType;
  /** RuntimeVersionConfig.RuntimeVersionArn: present in get-function output only. */
  readonly runtimeVersionArn: string | null;
}

export interface RuntimeManagementRecord {
  readonly arn: FunctionArn;
  readonly qualifier: string;
  readonly mode: UpdateMode;
  readonly pinnedArn: string | null;
}

export interface AliasRecord {
  readonly arn: FunctionArn;
  readonly name: string;
  readonly functionVersion: string;
  readonly weights: Readonly<Record<string, number>>;
}

const RUNTIME_ID = /^[a-z][a-z0-9.]*$/;
const MODES: readonly string[] = ['Auto', 'FunctionUpdate', 'Manual'];

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function at(where: string, path: string, key: string): string {
  return `${where} ${path === '' ? key : `${path}.${key}`}:`;
}

/** A function ARN whose qualifier, if any, is `$LATEST` or a version number. */
function versionArn(value: unknown, where: string, path: string, key: string, issues: IssueLog): FunctionArn | undefined {
  const arn = parseFunctionArn(value);
  if (arn === undefined || (arn.qualifier !== undefined && qualifierKind(arn.qualifier) === 'alias')) {
    issues.add('bad ARN', at(where, path, key), `${JSON.stringify(value)} is not a function ARN (arn:aws:lambda:<region>:<12-digit account>:function:<name>[:$LATEST|:<version>])`);
    return undefined;
  }
  return arn;
}

function runtimeArnOf(value: unknown, region: string, where: string, path: string, key: string, issues: IssueLog): string | null | undefined {
  if (value === undefined || value === null) return null;
  const parsed = parseRuntimeVersionArn(value);
  if (parsed === undefined) {
    issues.add('bad ARN', at(where, path, key), `${JSON.stringify(value)} is not a runtime version ARN (arn:aws:lambda:<region>::runtime:<id>, R4)`);
    return undefined;
  }
  if (parsed.region !== region) {
    issues.add('bad value', at(where, path, key), `runtime version ARN of region ${parsed.region} on a function in ${region} (ARNs differ by region, R6)`);
    return undefined;
  }
  return value as string;
}

export function readConfiguration(value: unknown, where: string, path: string, issues: IssueLog): ConfigurationRecord | undefined {
  const c = obj(value);
  if (c === undefined) {
    issues.add('bad value', `${where} ${path}:`, 'expected a FunctionConfiguration object');
    return undefined;
  }
  const arn = versionArn(c['FunctionArn'], where, path, 'FunctionArn', issues);
  if (arn === undefined) return undefined;
  const version = c['Version'];
  if (typeof version !== 'string' || qualifierKind(version) === 'alias' || (arn.qualifier !== undefined && arn.qualifier !== version)) {
    issues.add('bad value', at(where, path, 'Version'), `${JSON.stringify(version)}: expected \`$LATEST\` or a version number matching the FunctionArn`);
    return undefined;
  }
  const lastModifiedMs = parseLastModifiedMs(c['LastModified']);
  if (lastModifiedMs === undefined) {
    issues.add('bad value', at(where, path, 'LastModified'), `${JSON.stringify(c['LastModified'])}: expected a time like 2019-09-23T18:32:33.857+0000`);
    return undefined;
  }
  const packageType = c['PackageType'] ?? 'Zip';
  if (packageType !== 'Zip' && packageType !== 'Image') {
    issues.add('bad value', at(where, path, 'PackageType'), `${JSON.stringify(packageType)} (allowed: Zip, Image)`);
    return undefined;
  }
  const runtime = c['Runtime'];
  if (packageType === 'Zip' && (typeof runtime !== 'string' || !RUNTIME_ID.test(runtime))) {
    issues.add('bad value', at(where, path, 'Runtime'), `${JSON.stringify(runtime)}: a Zip function needs a runtime identifier such as python3.12`);
    return undefined;
  }
  const architectures = c['Architectures'] ?? ['x86_64'];
  if (!Array.isArray(architectures) || architectures.length !== 1 || (architectures[0] !== 'x86_64' && architectures[0] !== 'arm64')) {
    issues.add('bad value', at(where, path, 'Architectures'), `${JSON.stringify(architectures)} (allowed: ["x86_64"], ["arm64"])`);
    return undefined;
  }
  const runtimeVersionArn =
    packageType === 'Image'
      ? null
      : runtimeArnOf(obj(c['RuntimeVersionConfig'])?.['RuntimeVersionArn'], arn.region, where, path, 'RuntimeVersionConfig.RuntimeVersionArn', issues);
  if (runtimeVersionArn === undefined) return undefined;
  return {
    arn,
    qualifier: version,
    lastModified: c['LastModified'] as string,
    lastModifiedMs,
    runtime: packageType === 'Image' ? null : (runtime as string),
    architecture: architectures[0],
    packageType,
    runtimeVersionArn,
  };
}

export function readRuntimeManagement(c: Record<string, unknown>, where: string, path: string, issues: IssueLog): RuntimeManagementRecord | undefined {
  const arn = versionArn(c['FunctionArn'], where, path, 'FunctionArn', issues);
  if (arn === undefined) return undefined;
  const mode = c['UpdateRuntimeOn'];
  if (typeof mode !== 'string' || !MODES.includes(mode)) {
    issues.add('bad value', at(where, path, 'UpdateRuntimeOn'), `${JSON.stringify(mode)} (allowed: ${MODES.join(', ')}; R7)`);
    return undefined;
  }
  const pinned = runtimeArnOf(c['RuntimeVersionArn'], arn.region, where, path, 'RuntimeVersionArn', issues);
  if (pinned === undefined) return undefined;
  if ((mode === 'Manual') !== (pinned !== null)) {
    issues.add('bad value', at(where, path, 'RuntimeVersionArn'), mode === 'Manual' ? 'Manual needs a runtime version ARN (R17)' : `must be null unless UpdateRuntimeOn is Manual (R17)`);
    return undefined;
  }
  // An unqualified FunctionArn is the configuration of $LATEST (the API's default qualifier).
  return { arn, qualifier: arn.qualifier ?? '$LATEST', mode: mode as UpdateMode, pinnedArn: pinned };
}

export function readAlias(value: unknown, where: string, path: string, issues: IssueLog): AliasRecord | undefined {
  const a = obj(value);
  const arn = parseFunctionArn(a?.['AliasArn']);
  if (a === undefined || arn === undefined || arn.qualifier === undefined || qualifierKind(arn.qualifier) !== 'alias') {
    issues.add('bad ARN', at(where, path, 'AliasArn'), `${JSON.stringify(a?.['AliasArn'])} is not an alias ARN (arn:aws:lambda:<region>:<account>:function:<name>:<alias>)`);
    return undefined;
  }
  const name = a['Name'] ?? arn.qualifier;
  const version = a['FunctionVersion'];
  if (name !== arn.qualifier || typeof version !== 'string' || qualifierKind(version) === 'alias') {
    issues.add('bad value', at(where, path, 'FunctionVersion'), `${JSON.stringify(version)}: expected \`$LATEST\` or a version number, and Name equal to the ARN's alias`);
    return undefined;
  }
  const weightsIn = obj(obj(a['RoutingConfig'])?.['AdditionalVersionWeights']) ?? {};
  const entries = Object.entries(weightsIn);
  const bad = entries.find(([v, w]) => qualifierKind(v) !== 'version' || v === version || typeof w !== 'number' || !(w >= 0 && w <= 1));
  if (bad !== undefined || entries.length > 1) {
    issues.add('bad value', at(where, path, 'RoutingConfig.AdditionalVersionWeights'), `${JSON.stringify(weightsIn)}: at most one other published version with a weight in [0, 1] (an alias routes to at most two versions)`);
    return undefined;
  }
  return { arn, name: arn.qualifier, functionVersion: version, weights: Object.fromEntries(entries) as Record<string, number> };
}
