/** Every string from a scenario is escaped: HTML text, JSON inside a script element, inlined bundles. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, scriptForInline } from '../../src/report/escape.js';
import { renderTable } from '../../src/report/html.js';

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    const html = renderTable({ head: ['<b>'], rows: [[{ text: '<script>alert(1)</script>', title: '"x"', note: '<i>' }]] });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
  });

  it('keeps JSON in a script element from closing it, and round-trips', () => {
    const value = { name: '</script><script>alert(1)</script>', s: '<!-- \u2028 & >' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('inlines a bundle without </script, <!-- or a source map to fetch', () => {
    const code = 'var a = "</script>"; var b = "<!--";\n//# sourceMappingURL=x.js.map';
    const safe = scriptForInline(code);
    expect(safe).not.toMatch(/<\/script|<!--|sourceMappingURL/i);
    expect(new Function(`${safe}; return [a, b];`)()).toEqual(['</script>', '<!--']);
  });
});
