/** Text from scenarios and results placed into HTML: every string is escaped, never trusted. */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the JavaScript line
 * separators become \u escapes, so no string in the data can close the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A JavaScript bundle made safe to inline in a `<script>` element: no `</script`, no `<!--`
 * (both can only occur inside strings, regular expressions or comments, where the escaped
 * form means the same), and no source-map comment (nothing to fetch).
 */
export function scriptForInline(code: string): string {
  return code
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}
