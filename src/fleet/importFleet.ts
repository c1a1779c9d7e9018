/** `fleet import`: the documents of files and folders, streamed file by file into buildFleet. */
import { buildFleet, type BuildOptions, type BuildResult } from './buildFleet.js';
import { inputFiles } from './inputFiles.js';
import { IssueLog } from './issues.js';
import { readJsonDocuments } from './jsonDocuments.js';

export function importFleet(paths: readonly string[], options: BuildOptions): BuildResult {
  const issues = new IssueLog();
  const files = inputFiles(paths, issues);
  return buildFleet(
    files.map((file) => ({ [Symbol.iterator]: () => readJsonDocuments(file) })),
    options,
    issues,
  );
}
