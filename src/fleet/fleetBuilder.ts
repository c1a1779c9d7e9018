/**
 * Merges the records of every document into functions with versions and aliases, whatever
 * the order the documents come in. list-functions names the functions; list-functions
 * (`--function-version ALL`) and list-versions-by-function name their versions; get-function
 * adds the runtime version each version runs; get-runtime-management-config its configured
 * mode (a version with none is `Auto`, R2, and counted); list-aliases the aliases.
 * A record for a function or version never listed, or a record seen twice from the same
 * kind of output, is logged. The result is sorted, so the same inputs in any order give
 * the same fleet.
 *
 * Memory: one slot per version in a map per function (no composite keys, no kept documents);
 * a record's place is kept as its document's `where` (shared by a page's records) and its index.
 */
import { compareQualifiers, compareStrings } from './arn.js';
import type { FleetAlias, FleetFunction, FleetVersion, UpdateMode } from './fleetFile.js';
import type { IssueLog } from './issues.js';
import { readAlias, readConfiguration, readRuntimeManagement, type AliasRecord, type ConfigurationRecord } from './records.js';
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

/** Where a record was: its document's `where` and, for list pages, its index in the list. */
interface Place {
  readonly where: string;
  readonly path: string;
  readonly index: number;
}

/** `Functions[3]` for a list item (index >= 0), `Configuration` for a member, `''` for the document. */
function pathOf(path: string, index: number): string {
  return path === '' ? '' : index < 0 ? path : `${path}[${index}]`;
}

function describePlace(p: Place): string {
  const path = pathOf(p.path, p.index);
  return path === '' ? p.where : `${p.where} ${path}`;
}

interface Slot {
  listed?: ConfigurationRecord;
  fromListFunctions?: Place;
  fromListVersions?: Place;
  runtimeVersionArn?: string | null;
  fromGetFunction?: Place;
  mode?: UpdateMode;
  pinnedArn?: string | null;
  fromRuntimeManagement?: Place;
}

interface FunctionGroup {
  listedByListFunctions: boolean;
  readonly slots: Map<string, Slot>;
  readonly aliases: Map<string, { record: AliasRecord; place: Place }>;
}

export class FleetBuilder {
  private readonly groups = new Map<string, FunctionGroup>();

  constructor(private readonly issues: IssueLog) {}

  private group(fn: string): FunctionGroup {
    let g = this.groups.get(fn);
    if (g === undefined) this.groups.set(fn, (g = { listedByListFunctions: false, slots: new Map(), aliases: new Map() }));
    return g;
  }

  private slot(fn: string, qualifier: string): Slot {
    const g = this.group(fn);
    let s = g.slots.get(qualifier);
    if (s === undefined) g.slots.set(qualifier, (s = {}));
    return s;
  }

  private duplicate(place: Place, earlier: Place, key: string, source: string): void {
    this.issues.add('duplicate', `${describePlace(place)}:`, `${key} again in ${source} output (first at ${describePlace(earlier)})`);
  }

  add(record: ShapeRecord, where: string): void {
    const place: Place = { where, path: record.path, index: record.index };
    const path = pathOf(record.path, record.index);
    if (record.kind === 'configuration') {
      const c = readConfiguration(record.value, where, path, this.issues);
      if (c === undefined) return;
      const key = `${c.arn.unqualified}:${c.qualifier}`;
      const s = this.slot(c.arn.unqualified, c.qualifier);
      if (record.source === 'list-functions' || record.source === 'list-versions-by-function') {
        const field = record.source === 'list-functions' ? 'fromListFunctions' : 'fromListVersions';
        const earlier = s[field];
        if (earlier !== undefined) return this.duplicate(place, earlier, key, record.source);
        s[field] = place;
        if (record.source === 'list-functions') {
          this.group(c.arn.unqualified).listedByListFunctions = true;
          s.listed = c; // list-functions wins over list-versions-by-function
        } else s.listed ??= c;
      } else {
        if (s.fromGetFunction !== undefined) return this.duplicate(place, s.fromGetFunction, key, record.source);
        s.fromGetFunction = place;
        s.runtimeVersionArn = c.runtimeVersionArn;
      }
    } else if (record.kind === 'runtime-management') {
      const r = readRuntimeManagement(record.value, where, record.path, this.issues);
      if (r === undefined) return;
      const s = this.slot(r.arn.unqualified, r.qualifier);
      if (s.fromRuntimeManagement !== undefined) return this.duplicate(place, s.fromRuntimeManagement, `${r.arn.unqualified}:${r.qualifier}`, 'get-runtime-management-config');
      s.fromRuntimeManagement = place;
      s.mode = r.mode;
      s.pinnedArn = r.pinnedArn;
    } else {
      const a = readAlias(record.value, where, path, this.issues);
      if (a === undefined) return;
      const g = this.group(a.arn.unqualified);
      const earlier = g.aliases.get(a.name);
      if (earlier !== undefined) return this.duplicate(place, earlier.place, `${a.arn.unqualified}:${a.name}`, 'list-aliases');
      g.aliases.set(a.name, { record: a, place });
    }
  }

  /** Every function, sorted by ARN, with versions ($LATEST first) and aliases (by name). */
  finish(): { functions: MergedFunction[]; counts: MergeCounts } {
    let versions = 0;
    let imageFunctions = 0;
    let defaultedToAuto = 0;
    let withoutRuntimeVersion = 0;
    let ignoredForImages = 0;
    let aliasCount = 0;
    const functions: MergedFunction[] = [];
    for (const fnArn of [...this.groups.keys()].sort(compareStrings)) {
      const g = this.groups.get(fnArn)!;
      this.groups.delete(fnArn); // free each function's slots as its record is made
      const listed: { q: string; c: ConfigurationRecord; s: Slot }[] = [];
      for (const [q, s] of g.slots) {
        const key = `${fnArn}:${q}`;
        if (s.listed !== undefined && !g.listedByListFunctions) {
          this.issues.add('never listed', `${describePlace(s.fromListVersions ?? s.fromListFunctions!)}:`, `version of ${fnArn}, which no list-functions output names`);
          continue;
        }
        if (s.listed === undefined) {
          if (s.fromGetFunction) this.issues.add('never listed', `${describePlace(s.fromGetFunction)}:`, `get-function output for ${key}, a version no list-functions or list-versions-by-function output names`);
          if (s.fromRuntimeManagement) this.issues.add('never listed', `${describePlace(s.fromRuntimeManagement)}:`, `get-runtime-management-config output for ${key}, a version no list-functions or list-versions-by-function output names`);
          continue;
        }
        listed.push({ q, c: s.listed, s });
      }
      const aliases: FleetAlias[] = [];
      for (const { record, place } of g.aliases.values()) {
        const missing = [record.functionVersion, ...Object.keys(record.weights)].find((q) => g.slots.get(q)?.listed === undefined || !g.listedByListFunctions);
        if (missing !== undefined) {
          this.issues.add('never listed', `${describePlace(place)}:`, `alias ${record.name} routes to ${fnArn}:${missing}, a version never listed`);
          continue;
        }
        const weights = Object.fromEntries(Object.entries(record.weights).sort(([a], [b]) => compareQualifiers(a, b)));
        aliases.push({ name: record.name, functionVersion: record.functionVersion, additionalVersionWeights: weights });
      }
      if (listed.length === 0) continue;
      listed.sort((a, b) => compareQualifiers(a.q, b.q));
      const head = listed[0]!.c; // $LATEST when listed, else the oldest published version
      const fleetVersions: FleetVersion[] = listed.map(({ c, s }) => {
        if (c.packageType === 'Image') {
          if (s.mode !== undefined) ignoredForImages++;
          return { qualifier: c.qualifier, lastModified: c.lastModified, runtime: null, architecture: c.architecture, updateRuntimeOn: null, pinnedRuntimeVersionArn: null, runtimeVersionArn: null };
        }
        if (s.mode === undefined) defaultedToAuto++;
        const runtimeVersionArn = s.runtimeVersionArn ?? c.runtimeVersionArn;
        if (runtimeVersionArn === null) withoutRuntimeVersion++;
        return {
          qualifier: c.qualifier,
          lastModified: c.lastModified,
          runtime: c.runtime,
          architecture: c.architecture,
          updateRuntimeOn: s.mode ?? 'Auto',
          pinnedRuntimeVersionArn: s.pinnedArn ?? null,
          runtimeVersionArn,
        };
      });
      versions += fleetVersions.length;
      if (head.packageType === 'Image') imageFunctions++;
      aliases.sort((a, b) => compareStrings(a.name, b.name));
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
        lastModifiedMs: listed.map(({ c }) => c.lastModifiedMs),
      });
    }
    this.groups.clear();
    return {
      functions,
      counts: { functions: functions.length, versions, imageFunctions, defaultedToAuto, withoutRuntimeVersion, ignoredForImages, aliases: aliasCount },
    };
  }
}
