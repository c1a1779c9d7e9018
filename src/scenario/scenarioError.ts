/** The one error shape the scenario loader returns, and how it prints. */

export interface ScenarioError {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
  /** Key path, e.g. `fleet.regions.us-east-1` or `releases[0].phase2.duration`; empty when the error is not about a key. */
  readonly path: string;
  readonly message: string;
  /** What may be written there instead. */
  readonly allowed?: string;
}

/**
 * `file:line:col key.path: message (allowed: …)`; the path and the allowed part only when present.
 * Always one line: control characters and line separators that a file's keys or values bring
 * into a message are escaped (`\n`, `\u001b`), so an error never spans lines or drives the terminal.
 */
export function formatScenarioError(e: ScenarioError): string {
  const path = e.path === '' ? '' : ` ${e.path}:`;
  const allowed = e.allowed === undefined || e.allowed === '' ? '' : ` (allowed: ${e.allowed})`;
  return escapeControls(`${e.file}:${e.line}:${e.col}${path} ${e.message}${allowed}`);
}

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const escaped = JSON.stringify(c);
    return escaped.length === 3 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : escaped.slice(1, -1);
  });
}

/** In file order; errors at the same place keep the order they were found in. Exact repeats are dropped. */
export function sortErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .filter((e) => {
      const key = formatScenarioError(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
