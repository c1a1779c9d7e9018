/**
 * The work folder of a batch, beside its output folder (`reports/.default.work` for
 * `reports/default`): one file per finished unit, each written to a temporary name and
 * renamed into place, so a unit file is either whole or absent whatever stops the run.
 * `run --resume` reads it back and runs only the missing units. It is removed once the
 * outputs are written.
 *
 *   batch.json           what batch this is (planIdentity); a resume must match it
 *   units/p3-r7.unit     unit (point 3, replication 7), as unitCodec.ts packs it
 *   units/p3-r7.patches  its patch rows, spilled by the worker as they are made (patchSpill.ts),
 *                        when the unit says so (a run on one machine, not a shard)
 *   units/p3-r7.changes  its change trace (events.ndjson), spilled the same way (changeSpill.ts)
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../common/atomicFile.js';
import { UserError } from '../common/userError.js';
import { unitId, type UnitRef } from './plan.js';
import { readChangeSpill } from './changeSpill.js';
import { readPatchSpill } from './patchSpill.js';
import { decodeUnit, decodeUnitSummary, type UnitRows, type UnitSummary } from './unitCodec.js';

/** Where finished units go; the work folder, or memory (benchmarks). */
export interface UnitStore {
  get(unit: UnitRef): UnitSummary | undefined;
  put(summary: UnitSummary, packed: ArrayBuffer): void;
}

/** A problem with the work folder the user can fix (exit code 2). */
export class WorkFolderError extends UserError {}

const IDENTITY_FILE = 'batch.json';

export function workDirFor(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.work`);
}

/** The one atomic writer; the temporary file ends in `.tmp`, which opening the folder clears. */
function writeAtomic(path: string, bytes: Uint8Array | string): void {
  writeFileAtomic(path, [bytes], `${path}.${process.pid}.tmp`);
}

export class WorkFolder implements UnitStore {
  private readonly units = new Map<string, UnitSummary>();

  private constructor(readonly dir: string) {}

  /**
   * Opens the work folder for a batch. Without `resume` an existing one is refused (it
   * holds an unfinished batch); with `resume` it must be the same batch.
   */
  static open(dir: string, identity: Record<string, unknown>, resume: boolean): { folder: WorkFolder; resumed: number } {
    const text = JSON.stringify(identity, null, 2) + '\n';
    const folder = new WorkFolder(dir);
    if (existsSync(dir)) {
      if (!resume) {
        throw new WorkFolderError(
          `${dir} holds an unfinished batch; add --resume to finish it, or remove that folder to start over`,
        );
      }
      const idPath = join(dir, IDENTITY_FILE);
      const stored = existsSync(idPath) ? readFileSync(idPath, 'utf8') : '';
      if (stored !== text) {
        throw new WorkFolderError(`${dir} belongs to a different batch (${differences(stored, identity)}); remove it to start over`);
      }
      folder.load();
      return { folder, resumed: folder.units.size };
    }
    mkdirSync(join(dir, 'units'), { recursive: true });
    writeAtomic(join(dir, IDENTITY_FILE), text);
    return { folder, resumed: 0 };
  }

  private load(): void {
    const unitsDir = join(this.dir, 'units');
    mkdirSync(unitsDir, { recursive: true });
    for (const name of readdirSync(unitsDir).sort()) {
      const path = join(unitsDir, name);
      if (name.endsWith('.tmp')) {
        rmSync(path, { force: true }); // a write that was cut short
        continue;
      }
      if (!name.endsWith('.unit')) continue;
      const summary = decodeUnitSummary(readHead(path));
      if (`${unitId(summary)}.unit` !== name) throw new WorkFolderError(`${path}: holds unit ${unitId(summary)}, not what its name says`);
      this.units.set(unitId(summary), summary);
    }
  }

  /** The folder of a batch that is running or has run, to read its units from (another thread's view). */
  static reader(dir: string): Pick<WorkFolder, 'loadRows'> {
    return new WorkFolder(dir);
  }

  fileOf(unit: UnitRef): string {
    return join(this.dir, 'units', `${unitId(unit)}.unit`);
  }

  get(unit: UnitRef): UnitSummary | undefined {
    return this.units.get(unitId(unit));
  }

  /** The unit's spilled patch rows (patchSpill.ts), written by its worker before the unit is stored. */
  patchFileOf(unit: UnitRef): string {
    return join(this.dir, 'units', `${unitId(unit)}.patches`);
  }

  /** The unit's spilled change trace (changeSpill.ts), written by its worker before the unit is stored. */
  changeFileOf(unit: UnitRef): string {
    return join(this.dir, 'units', `${unitId(unit)}.changes`);
  }

  /** The unit's rows, patch rows and the change trace as chunk sources when they were spilled. */
  loadRows(unit: UnitRef): UnitRows {
    const rows = decodeUnit(this.read(unit)).rows;
    return {
      ...rows,
      ...(rows.patchSpillRows !== undefined ? { patches: readPatchSpill(this.patchFileOf(unit), rows.patchSpillRows) } : {}),
      ...(rows.changeSpillRows !== undefined ? { changes: readChangeSpill(this.changeFileOf(unit), rows.changeSpillRows) } : {}),
    };
  }

  put(summary: UnitSummary, packed: ArrayBuffer): void {
    writeAtomic(this.fileOf(summary), new Uint8Array(packed));
    this.units.set(unitId(summary), summary);
  }

  read(unit: UnitRef): Uint8Array {
    return readFileSync(this.fileOf(unit));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The head of a unit file: enough bytes for its header, not its columns. */
export function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const prefix = Buffer.alloc(12);
    readSync(fd, prefix, 0, 12, 0);
    const length = prefix.readUInt32LE(8);
    const head = Buffer.alloc(12 + length);
    readSync(fd, head, 0, head.length, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

function differences(stored: string, identity: Record<string, unknown>): string {
  let old: Record<string, unknown> = {};
  try {
    old = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return 'its batch.json is unreadable';
  }
  const keys = Object.keys(identity).filter((k) => JSON.stringify(old[k]) !== JSON.stringify(identity[k]));
  return keys.length === 0 ? 'different settings' : `differs in ${keys.join(', ')}`;
}

/** Units kept in memory (benchmarks, tests). */
export class MemoryStore implements UnitStore {
  readonly units = new Map<string, { summary: UnitSummary; packed: ArrayBuffer }>();
  get(unit: UnitRef): UnitSummary | undefined {
    return this.units.get(unitId(unit))?.summary;
  }
  put(summary: UnitSummary, packed: ArrayBuffer): void {
    this.units.set(unitId(summary), { summary, packed });
  }
}
