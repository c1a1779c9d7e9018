/**
 * The one adapter between `--inventory FLEET.json` and the observer: it reads only the few
 * fields observe and calibrate use, in Lambda's own member names (../shared/aws-shapes.md,
 * FunctionConfiguration and GetRuntimeManagementConfig), so the fleet file can grow freely.
 *
 * Accepted: a JSON list of function versions, or an object with such a list under `Functions`
 * (ListFunctions' shape) or `functions`. Each function version:
 *   - `FunctionArn` (`arn:aws:lambda:<region>:<account>:function:<name>[:<version>]`), or
 *     `FunctionName` with `Region`: the function and its region;
 *   - `Version` (`$LATEST` or `"7"`; else the ARN's version suffix; else `$LATEST`): the qualifier;
 *   - `Architectures` (`["x86_64"]` or `["arm64"]`; absent means x86_64);
 *   - `PackageType` (`Zip` or `Image`; absent means Zip);
 *   - `UpdateRuntimeOn` (`Auto`, `FunctionUpdate`, `Manual`; absent: unknown), as
 *     GetRuntimeManagementConfig returns it (R7, R17);
 *   - `LastModified` (`2019-09-23T18:32:33.857+0000`; absent: unknown): the last deploy.
 * The file is small (one entry per function version) and is parsed whole.
 *
 * The fleet file that `fleet import` / `fleet collect` write (`"format": "lambda-rollout-sim/fleet"`)
 * is recognised by that field and read through src/fleet's reader (validated against its
 * schema): one entry per kept version, with its own architecture and configured mode.
 */
import { readFileSync } from 'node:fs';
import { FLEET_FORMAT } from '../fleet/fleetFile.js';
import { readFleetFile } from '../fleet/fleetRecords.js';
import { FleetInputError } from '../fleet/issues.js';
import { parseLastModifiedMs } from '../fleet/lastModified.js';
import { ObserveInputError } from './observeError.js';
import { ioReason } from '../common/messages.js';

export interface InventoryEntry {
  readonly fn: string;
  readonly region: string;
  readonly qualifier: string;
  readonly architecture: string;
  readonly packageType: string;
  readonly updateMode: string | null;
  readonly lastModifiedMs: number | null;
}

const ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-[a-z]+)+-\d):\d{12}:function:([A-Za-z0-9_-]+)(?::(\$LATEST|\d+|[A-Za-z0-9_-]+))?$/;
const MODES = ['Auto', 'FunctionUpdate', 'Manual'];

export function inventoryKey(fn: string, region: string, qualifier: string): string {
  return `${fn}\u0000${region}\u0000${qualifier}`;
}

export function readInventory(file: string): Map<string, InventoryEntry> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ObserveInputError([`${file}: cannot read the inventory: ${ioReason(error)}`]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ObserveInputError([`${file}: the inventory is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (typeof value === 'object' && value !== null && (value as Record<string, unknown>).format === FLEET_FORMAT) return fleetFileInventory(file);
  return parseInventory(file, value);
}

/** A fleet file (`fleet import`): every kept version of every function, through src/fleet's reader. */
export function fleetFileInventory(file: string): Map<string, InventoryEntry> {
  let fleet;
  try {
    fleet = readFleetFile(file);
  } catch (error) {
    if (error instanceof FleetInputError) throw new ObserveInputError([...error.problems]);
    throw error;
  }
  const out = new Map<string, InventoryEntry>();
  for (const f of fleet.functions) {
    for (const v of f.versions) {
      out.set(inventoryKey(f.functionName, f.region, v.qualifier), {
        fn: f.functionName, region: f.region, qualifier: v.qualifier, architecture: v.architecture, packageType: f.packageType,
        updateMode: v.updateRuntimeOn, lastModifiedMs: parseLastModifiedMs(v.lastModified) ?? null,
      });
    }
  }
  return out;
}

export function parseInventory(file: string, value: unknown): Map<string, InventoryEntry> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  const listName = record === null ? '' : Array.isArray(record.Functions) ? 'Functions' : 'functions';
  const list = Array.isArray(value) ? value : record?.[listName];
  if (!Array.isArray(list)) throw new ObserveInputError([`${file}: the inventory must be a list of function versions, or an object with one under \`Functions\``]);
  const out = new Map<string, InventoryEntry>();
  list.forEach((item, i) => {
    const at = `${file}: ${listName === '' ? '' : listName}[${i}]`;
    const bad = (key: string, allowed: string): ObserveInputError => new ObserveInputError([`${at}.${key}: must be ${allowed}`]);
    if (typeof item !== 'object' || item === null) throw new ObserveInputError([`${at}: must be an object (a FunctionConfiguration)`]);
    const e = item as Record<string, unknown>;
    let fn: string | undefined;
    let region: string | undefined;
    let qualifier = typeof e.Version === 'string' ? e.Version : undefined;
    if (typeof e.FunctionArn === 'string') {
      const m = ARN.exec(e.FunctionArn);
      if (m === null) throw bad('FunctionArn', 'a function ARN, arn:aws:lambda:<region>:<account>:function:<name>[:<version>]');
      [, region, fn] = m;
      qualifier ??= m[3] ?? '$LATEST';
    } else if (typeof e.FunctionName === 'string' && typeof e.Region === 'string') {
      fn = e.FunctionName;
      region = e.Region;
    } else {
      throw bad('FunctionArn', 'present (or FunctionName with Region)');
    }
    qualifier ??= '$LATEST';
    if (!/^(\$LATEST|\d+)$/.test(qualifier)) throw bad('Version', '`$LATEST` or a version number such as "7"');
    const archs = e.Architectures;
    if (archs !== undefined && !(Array.isArray(archs) && archs.length === 1 && (archs[0] === 'x86_64' || archs[0] === 'arm64'))) throw bad('Architectures', 'a list of exactly one of x86_64, arm64');
    if (e.PackageType !== undefined && e.PackageType !== 'Zip' && e.PackageType !== 'Image') throw bad('PackageType', 'Zip or Image');
    if (e.UpdateRuntimeOn !== undefined && e.UpdateRuntimeOn !== null && !MODES.includes(e.UpdateRuntimeOn as string)) throw bad('UpdateRuntimeOn', 'Auto, FunctionUpdate or Manual');
    let lastModifiedMs: number | null = null;
    if (e.LastModified !== undefined) {
      lastModifiedMs = typeof e.LastModified === 'string' ? Date.parse(e.LastModified.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
      if (!Number.isFinite(lastModifiedMs)) throw bad('LastModified', 'a time like 2019-09-23T18:32:33.857+0000');
    }
    out.set(inventoryKey(fn!, region!, qualifier), {
      fn: fn!, region: region!, qualifier,
      architecture: (archs as string[] | undefined)?.[0] ?? 'x86_64',
      packageType: (e.PackageType as string | undefined) ?? 'Zip',
      updateMode: (e.UpdateRuntimeOn as string | undefined | null) ?? null,
      lastModifiedMs,
    });
  });
  return out;
}
