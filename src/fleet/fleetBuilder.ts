/**
 * Merges the records of every document into functions with versions and aliases, whatever
 * the order the documents come in. list-functions names the functions; list-functions
 * (`--function-version ALL`) and list-versions-by-function name their versions; get-function
 * adds the runtime version each version runs; get-runtime-management-config its configured
 * mode (a version with none is `Auto`, R2, and counted); list-aliases the aliases.
 * A record for a function or version never listed, or a record seen twice from the same
 * kind of output, is logged. The result is sorted, so the same inputs in any order give
 * the same fleet.
 */
import { compareQualifiers, compareStrings } from './arn.js';
import type { FleetAlias, FleetFunction, FleetVersion } from './fleetFile.js';
import type { IssueLog } from './issues.js';
import { readAlias, readConfiguration, readRuntimeManagement, type AliasRecord, type ConfigurationRecord, type RuntimeManagementRecord } from './records.js';
import type { ShapeRecord } from './shapes.js';

/** A function before its deploy statistics are estimated; `lastModifiedMs` per version in the same order. */
export interface MergedFunction {
  readonly fn: Omit<FleetFunction, 'deploys'>;
  readonly lastModifiedMs: readonly number[];
}

export interface MergeCounts {
  readonly functions: number;
  readonly versions: number;
  readonly imageFunctions: number;
  /** Zip versions with no get-runtime-management-config output, taken as `Auto` (R2). */
  readonly defaultedToAuto: number;
  /** Zip versions with no get-function output: the runtime version they run is unknown (null). */
  readonly withoutRuntimeVersion: number;
  /** Runtime-management outputs for image versions, which have no runtime to manage (R3): not used. */
  readonly ignoredForImages: number;
  readonly aliases: number;
}

interface Placed<T> {
  readonly record: T;
  readonly where: string;
}

export class FleetBuilder {
  private readonly listedFunctions = new Set<string>();
  private readonly fromListFunctions = new Map<string, Placed<ConfigurationRecord>>();
  private readonly fromListVersions = new Map<string, Placed<ConfigurationRecord>>();
  private readonly fromGetFunction = new Map<string, Placed<ConfigurationRecord>>();
  private readonly runtimeManagement = new Map<string, Placed<RuntimeManagementRecord>>();
  private readonly aliases = new Map<string, Placed<AliasRecord>>();

  constructor(private readonly issues: IssueLog) {}

  add(record: ShapeRecord, where: string): void {
    const at = record.path === '' ? where : `${where} ${record.path}`;
    if (record.kind === 'configuration') {
      const c = readConfiguration(record.value, where, record.path, this.issues);
      if (c === undefined) return;
      const key = `${c.arn.unqualified}:${c.qualifier}`;
      const target =
        record.source === 'list-functions' ? this.fromListFunctions : record.source === 'list-versions-by-function' ? this.fromListVersions : this.fromGetFunction;
      if (record.source === 'list-functions') this.listedFunctions.add(c.arn.unqualified);
      this.put(target, key, { record: c, where: at }, record.source);
    } else if (record.kind === 'runtime-management') {
      const r = readRuntimeManagement(record.value, where, record.path, this.issues);
      if (r !== undefined) this.put(this.runtimeManagement, `${r.arn.unqualified}:${r.qualifier}`, { record: r, where: at }, 'get-runtime-management-config');
    } else {
      const a = readAlias(record.value, where, record.path, this.issues);
      if (a !== undefined) this.put(this.aliases, `${a.arn.unqualified}:${a.name}`, { record: a, where: at }, 'list-aliases');
    }
  }

  private put<T>(map: Map<string, Placed<T>>, key: string, placed: Placed<T>, source: string): void {
    const earlier = map.get(key);
    if (earlier !== undefined) {
      this.issues.add('duplicate', `${placed.where}:`, `${key} again in ${source} output (first at ${earlier.where})`);
      return;
    }
    map.set(key, placed);
  }

  /** Every function, sorted by ARN, with versions ($LATEST first) and aliases (by name). */
  finish(): { functions: MergedFunction[]; counts: MergeCounts } {
    const versionsOf = new Map<string, ConfigurationRecord[]>();
    const listed = new Set<string>();
    for (const source of [this.fromListFunctions, this.fromListVersions]) {
      for (const [key, { record, where }] of source) {
        if (listed.has(key)) continue;
        if (!this.listedFunctions.has(record.arn.unqualified)) {
          this.issues.add('never listed', `${where}:`, `version of ${record.arn.unqualified}, which no list-functions output names`);
          continue;
        }
        listed.add(key);
        let list = versionsOf.get(record.arn.unqualified);
        if (list === undefined) versionsOf.set(record.arn.unqualified, (list = []));
        list.push(record);
      }
    }
    for (const [source, map] of [['get-function', this.fromGetFunction], ['get-runtime-management-config', this.runtimeManagement]] as const) {
      for (const [key, { where }] of map) {
        if (!listed.has(key)) this.issues.add('never listed', `${where}:`, `${source} output for ${key}, a version no list-functions or list-versions-by-function output names`);
      }
    }
    const aliasesOf = new Map<string, FleetAlias[]>();
    for (const { record, where } of this.aliases.values()) {
      const fn = record.arn.unqualified;
      const targets = [record.functionVersion, ...Object.keys(record.weights)];
      const missing = targets.find((q) => !listed.has(`${fn}:${q}`));
      if (missing !== undefined) {
        this.issues.add('never listed', `${where}:`, `alias ${record.name} routes to ${fn}:${missing}, a version never listed`);
        continue;
      }
      let list = aliasesOf.get(fn);
      if (list === undefined) aliasesOf.set(fn, (list = []));
      const weights = Object.fromEntries(Object.entries(record.weights).sort(([a], [b]) => compareQualifiers(a, b)));
      list.push({ name: record.name, functionVersion: record.functionVersion, additionalVersionWeights: weights });
    }

    let versions = 0;
    let imageFunctions = 0;
    let defaultedToAuto = 0;
    let withoutRuntimeVersion = 0;
    let ignoredForImages = 0;
    let aliasCount = 0;
    const functions: MergedFunction[] = [];
    for (const fnArn of [...versionsOf.keys()].sort(compareStrings)) {
      const records = versionsOf.get(fnArn)!.sort((a, b) => compareQualifiers(a.qualifier, b.qualifier));
      const head = records[0]!; // $LATEST when listed, else the oldest published version
      const fleetVersions: FleetVersion[] = records.map((c) => {
        const key = `${fnArn}:${c.qualifier}`;
        const rm = this.runtimeManagement.get(key)?.record;
        const detail = this.fromGetFunction.get(key)?.record;
        if (c.packageType === 'Image') {
          if (rm !== undefined) ignoredForImages++;
          return { qualifier: c.qualifier, lastModified: c.lastModified, runtime: null, architecture: c.architecture, updateRuntimeOn: null, pinnedRuntimeVersionArn: null, runtimeVersionArn: null };
        }
        if (rm === undefined) defaultedToAuto++;
        const runtimeVersionArn = detail?.runtimeVersionArn ?? c.runtimeVersionArn;
        if (runtimeVersionArn === null) withoutRuntimeVersion++;
        return {
          qualifier: c.qualifier,
          lastModified: c.lastModified,
          runtime: c.runtime,
          architecture: c.architecture,
          updateRuntimeOn: rm?.mode ?? 'Auto',
          pinnedRuntimeVersionArn: rm?.pinnedArn ?? null,
          runtimeVersionArn,
        };
      });
      versions += fleetVersions.length;
      if (head.packageType === 'Image') imageFunctions++;
      const aliases = (aliasesOf.get(fnArn) ?? []).sort((a, b) => compareStrings(a.name, b.name));
      aliasCount += aliases.length;
      functions.push({
        fn: {
          functionArn: fnArn,
          region: head.arn.region,
          account: head.arn.account,
          functionName: head.arn.name,
          runtime: head.runtime,
          architecture: head.architecture,
          packageType: head.packageType,
          versions: fleetVersions,
          aliases,
        },
        lastModifiedMs: records.map((c) => c.lastModifiedMs),
      });
    }
    return {
      functions,
      counts: { functions: functions.length, versions, imageFunctions, defaultedToAuto, withoutRuntimeVersion, ignoredForImages, aliases: aliasCount },
    };
  }
}
