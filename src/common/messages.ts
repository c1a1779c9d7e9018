/**
 * The pieces every message catalogue builds its texts from (scenario/messages.ts,
 * insights/messages.ts and the inline messages of the other folders): quoting, "did you
 * mean", key paths and I/O reasons, so the same idea reads the same way everywhere.
 * Quoting follows the file the user wrote: `code` for YAML, the command line and names in
 * prose; `json` inside JSON files (rules, inventories), where a string is written "…".
 */
export { editDistance, suggest } from './suggest.js';

/** Longest value shown in a message before it is cut with `…`. */
export const SHOWN_CHARS = 40;

/** Text cut to `max` characters, with `…` when cut. */
export function clip(text: string, max = SHOWN_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `text` in backticks, as code is written in the docs and in YAML messages. */
export const code = (text: string | number | boolean): string => `\`${text}\``;

/** A string as JSON writes it (`"text"`), for messages about JSON files. */
export const json = (text: string): string => JSON.stringify(text);

/** `did you mean <suggestion>?`, quoted the catalogue's way; undefined without a suggestion. */
export function didYouMean(suggestion: string | undefined, quote: (text: string) => string): string | undefined {
  return suggestion === undefined ? undefined : `did you mean ${quote(suggestion)}?`;
}

/** Key paths as users read them: `fleet.regions.us-east-1`, `releases[0].phase2.duration`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** A short reason for a failed file operation, without stack or syscall noise. */
export function ioReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
