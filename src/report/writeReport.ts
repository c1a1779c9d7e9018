/**
 * Writes a report so that readers never see a half-written one: the SVG charts go to a
 * staging folder that is swapped in by rename (so no chart of an older report lingers),
 * then the page is written to a temporary file and renamed over the old one (both by the
 * one atomic writer, common/atomicFile.ts).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { swapFolder, writeFileAtomic, writeSynced } from '../common/atomicFile.js';
import { UserError } from '../common/userError.js';
import type { ReportFiles } from './types.js';

export interface ReportTarget {
  /** Where the page goes. */
  readonly htmlPath: string;
  /** Where the SVG charts go (replaced as a whole). */
  readonly chartsDir: string;
}

/** `report DIR`: DIR/report.html and DIR/charts/. */
export function folderTarget(dir: string): ReportTarget {
  return { htmlPath: join(dir, 'report.html'), chartsDir: join(dir, 'charts') };
}

/** `compare … --out FILE`: FILE and, beside it, FILE's name without extension + `-charts/`. */
export function fileTarget(file: string): ReportTarget {
  const stem = basename(file, extname(file));
  return { htmlPath: file, chartsDir: join(dirname(file), `${stem}-charts`) };
}

/** Writes `report.html` and `charts/*.svg` of `report` to `target`. */
export function writeReport(target: ReportTarget, report: ReportFiles): void {
  const htmlPath = resolve(target.htmlPath);
  const chartsDir = resolve(target.chartsDir);
  if (existsSync(htmlPath) && statSync(htmlPath).isDirectory()) throw new UserError(`${target.htmlPath}: is a folder`);
  mkdirSync(dirname(htmlPath), { recursive: true });
  mkdirSync(dirname(chartsDir), { recursive: true });

  const staging = join(dirname(chartsDir), `.${basename(chartsDir)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  let html: string | Buffer | null = null;
  try {
    for (const file of report.files) {
      if (file.name === 'report.html') html = file.content;
      else if (file.name.startsWith('charts/') && /^[A-Za-z0-9._-]+$/.test(file.name.slice('charts/'.length))) {
        writeSynced(join(staging, file.name.slice('charts/'.length)), [file.content]);
      } else throw new Error(`unexpected report file name: ${file.name}`);
    }
    if (html === null) throw new Error('report has no report.html');
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  swapFolder(chartsDir, staging);
  writeFileAtomic(htmlPath, [html]);
}
