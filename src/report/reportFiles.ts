/** The report of a results folder as output files, for writers that stage a folder (run, merge). */
import type { OutputFile } from '../output/writeOutputDir.js';
import { buildReport } from './buildReport.js';

export async function reportFiles(resultsDir: string): Promise<OutputFile[]> {
  return (await buildReport(resultsDir)).files.map((f) => ({ name: f.name, chunks: [f.content] }));
}
