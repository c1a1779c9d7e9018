/**
 * The one path from documents to a fleet file, shared by `fleet import` (documents read
 * from files) and `fleet collect` (documents built from SDK responses), so both write the
 * same file for the same data:
 *
 *   1. recognise each document's shape (shapes.ts) and merge its records (fleetBuilder.ts)
 *   2. refuse everything if any input was bad (issues.ts)
 *   3. estimate deploy rates (deployRates.ts)
 *   4. anonymise, if asked (anonymize.ts)
 */
import { anonymizeFunctions } from './anonymize.js';
import { estimateDeployRates, type DeployRateOptions } from './deployRates.js';
import { FleetBuilder, type MergeCounts } from './fleetBuilder.js';
import { FLEET_FORMAT, FLEET_FORMAT_VERSION, type FleetFile } from './fleetFile.js';
import { IssueLog } from './issues.js';
import { NotJsonError, type JsonDocument } from './jsonDocuments.js';
import { KNOWN_SHAPES, recognise, type ShapeName } from './shapes.js';

export interface BuildOptions extends DeployRateOptions {
  /** Salt for `--anonymize`; undefined keeps names and accounts. */
  readonly anonymizeSalt?: string | undefined;
}

export interface BuildResult {
  readonly fleet: FleetFile;
  readonly counts: MergeCounts;
  readonly documents: Readonly<Partial<Record<ShapeName, number>>>;
}

/** A source of documents: one iterable per input (file); a NotJsonError ends that input only. */
export function buildFleet(inputs: Iterable<Iterable<JsonDocument>>, options: BuildOptions, issues = new IssueLog()): BuildResult {
  const builder = new FleetBuilder(issues);
  const documents: Partial<Record<ShapeName, number>> = {};
  for (const input of inputs) {
    try {
      for (const doc of input) {
        const found = recognise(doc.value);
        if (found.shape === undefined) {
          issues.add('unknown shape', `${doc.where}:`, `a document of no known shape, with keys ${found.keys.length === 0 ? '(none)' : found.keys.join(', ')} (known: ${KNOWN_SHAPES})`);
          continue;
        }
        documents[found.shape] = (documents[found.shape] ?? 0) + 1;
        for (const record of found.records) builder.add(record, doc.where);
      }
    } catch (error) {
      if (!(error instanceof NotJsonError)) throw error;
      issues.add('not JSON', error.where, error.reason);
    }
  }
  const { functions: merged, counts } = builder.finish();
  issues.throwIfAny();
  const { functions, statistics } = estimateDeployRates(merged, options);
  const salt = options.anonymizeSalt;
  return {
    fleet: {
      format: FLEET_FORMAT,
      formatVersion: FLEET_FORMAT_VERSION,
      anonymized: salt !== undefined,
      deployStatistics: statistics,
      functions: salt === undefined ? functions : anonymizeFunctions(functions, salt),
    },
    counts,
    documents,
  };
}
