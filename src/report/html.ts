/**
 * The report page (pure): summary, charts and scenario text in one self-contained HTML file.
 * Charts are drawn by the inlined vega-embed from their vega-lite specs; each is also
 * inlined as a static SVG inside <noscript>. Every string from a scenario or a results file
 * goes through escapeHtml or jsonForScript.
 */
import type { ChartEntry, Section } from './chart.js';
import type { Bundles } from './bundles.js';
import { escapeHtml, jsonForScript, scriptForInline } from './escape.js';

export interface RenderedChart {
  readonly entry: ChartEntry;
  /** Static SVG of a shown chart. */
  readonly svg: string | null;
}

export interface Cell {
  readonly text: string;
  /** Shown smaller and muted under the text. */
  readonly note?: string;
  readonly title?: string;
  readonly className?: string;
}

export interface TableModel {
  readonly caption?: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface PageModel {
  readonly title: string;
  readonly subtitle: string;
  readonly tables: readonly TableModel[];
  readonly sections: readonly { readonly id: Section; readonly heading: string; readonly intro?: string }[];
  readonly charts: readonly RenderedChart[];
  readonly scenarios: readonly { readonly label: string; readonly text: string | null }[];
  readonly footer: string;
  readonly bundles: Bundles;
}

export const CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --accent: #08519c; --bg-soft: #f7f8fa; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
header.page { border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
header.page .kicker { font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 0 0 4px; }
h1 { font-size: 26px; line-height: 1.25; margin: 0 0 6px; font-weight: 650; overflow-wrap: anywhere; }
header.page .sub { color: var(--muted); margin: 0; }
nav.toc { font-size: 13px; margin: 0 0 24px; color: var(--muted); }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 14px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 0 0 2px; }
p.intro { color: var(--muted); margin: 0 0 14px; max-width: 80ch; }
table { border-collapse: collapse; margin: 8px 0 20px; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
th, td { padding: 5px 12px 5px 0; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 1px solid #bbb; }
td.num { text-align: right; white-space: nowrap; }
td .note { display: block; color: var(--muted); font-size: 11.5px; }
td.mono, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
td.pending { color: var(--muted); font-style: italic; }
figure.chart { margin: 0 0 30px; padding: 14px 16px 10px; border: 1px solid var(--rule); border-radius: 6px; background: #fff; }
figure.chart figcaption { color: var(--muted); font-size: 13px; margin: 2px 0 10px; max-width: 95ch; }
figure.chart .plot { overflow-x: auto; min-height: 40px; }
figure.chart .plot svg { max-width: none; }
div.omitted { margin: 0 0 18px; padding: 10px 14px; border-left: 3px solid #c7c7c7; background: var(--bg-soft); color: var(--muted); font-size: 13px; }
div.omitted strong { color: var(--ink); font-weight: 600; }
details.scenario { margin: 8px 0 14px; }
details.scenario summary { cursor: pointer; font-weight: 600; }
pre { background: var(--bg-soft); border: 1px solid var(--rule); border-radius: 4px; padding: 12px 14px; overflow-x: auto; font-size: 12px; line-height: 1.45; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; }
.vega-embed .vega-actions, .vega-embed summary { display: none; }
@media print { figure.chart { break-inside: avoid; } main { padding: 0; } }
`;

export const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function cell(c: Cell, tag: 'td' | 'th' = 'td'): string {
  const cls = c.className === undefined ? '' : ` class="${escapeHtml(c.className)}"`;
  const title = c.title === undefined ? '' : ` title="${escapeHtml(c.title)}"`;
  const note = c.note === undefined || c.note === '' ? '' : `<span class="note">${escapeHtml(c.note)}</span>`;
  return `<${tag}${cls}${title}>${escapeHtml(c.text)}${note}</${tag}>`;
}

export function renderTable(t: TableModel): string {
  const caption = t.caption === undefined ? '' : `<caption>${escapeHtml(t.caption)}</caption>`;
  const head = `<thead><tr>${t.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${t.rows.map((r) => `<tr>${r.map((c) => cell(c)).join('')}</tr>`).join('\n')}</tbody>`;
  return `<table>${caption}${head}${body}</table>`;
}

/** Static SVGs above this size are not repeated inside <noscript>, so the page stays under 3 MB. */
export const NOSCRIPT_SVG_MAX_CHARS = 250_000;

function renderChart(c: RenderedChart): string {
  const e = c.entry;
  if (e.kind === 'omitted') {
    return `<div class="omitted" id="omitted-${escapeHtml(e.name)}"><strong>${escapeHtml(e.title)}:</strong> ${escapeHtml(e.note)}</div>`;
  }
  return [
    `<figure class="chart" id="figure-${escapeHtml(e.name)}">`,
    `<h3>${escapeHtml(e.title)}</h3>`,
    `<figcaption>${escapeHtml(e.caption)}</figcaption>`,
    `<div class="plot" id="chart-${escapeHtml(e.name)}" data-chart="${escapeHtml(e.name)}" role="img" aria-label="${escapeHtml(e.title)}"></div>`,
    // The static SVG comes from vega's SVG renderer, which escapes every text it draws.
    `<noscript><div class="plot static">${c.svg === null ? '' : c.svg.length <= NOSCRIPT_SVG_MAX_CHARS ? c.svg : `<p>This chart's static SVG (charts/${escapeHtml(e.name)}.svg beside this page) is too large to inline; turn on JavaScript to see it here.</p>`}</div></noscript>`,
    '</figure>',
  ].join('\n');
}

export const EMBED_SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  Object.keys(specs).forEach(function (name) {
    var el = document.getElementById('chart-' + name);
    if (!el) return;
    vegaEmbed(el, specs[name], { renderer: 'svg', actions: false, tooltip: { theme: 'light' } })
      .then(function () { el.setAttribute('data-rendered', 'true'); })
      .catch(function (err) {
        el.setAttribute('data-rendered', 'error');
        el.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : String(err));
        console.error(err);
      });
  });
})();
`;

export function renderPage(m: PageModel): string {
  const specs: Record<string, unknown> = {};
  for (const c of m.charts) if (c.entry.kind === 'chart') specs[c.entry.name] = c.entry.spec;
  const sections = m.sections.map((s) => {
    const charts = m.charts.filter((c) => c.entry.section === s.id);
    if (charts.length === 0) return '';
    const intro = s.intro === undefined ? '' : `<p class="intro">${escapeHtml(s.intro)}</p>`;
    return `<section id="section-${s.id}">\n<h2>${escapeHtml(s.heading)}</h2>\n${intro}\n${charts.map(renderChart).join('\n')}\n</section>`;
  });
  const toc = [
    '<a href="#summary">Summary</a>',
    ...m.sections.filter((s) => m.charts.some((c) => c.entry.section === s.id)).map((s) => `<a href="#section-${s.id}">${escapeHtml(s.heading)}</a>`),
    '<a href="#scenario">Scenario</a>',
  ].join('');
  const scenarios = m.scenarios.map((s) => s.text === null
    ? `<p class="intro">${escapeHtml(s.label)}: no scenario.yaml in the results folder.</p>`
    : `<details class="scenario" open><summary>${escapeHtml(s.label)}</summary><pre><code>${escapeHtml(s.text)}</code></pre></details>`);
  return `${pageHead(m.title)}
<body>
<main>
<header class="page">
<p class="kicker">lambda-rollout-sim report</p>
<h1>${escapeHtml(m.title)}</h1>
<p class="sub">${escapeHtml(m.subtitle)}</p>
</header>
<nav class="toc">${toc}</nav>
<section id="summary">
<h2>Summary</h2>
${m.tables.map(renderTable).join('\n')}
</section>
${sections.filter((s) => s !== '').join('\n')}
<section id="scenario">
<h2>Scenario file${m.scenarios.length > 1 ? 's' : ''}</h2>
${scenarios.join('\n')}
</section>
<footer>${escapeHtml(m.footer)}</footer>
</main>
<script>${scriptForInline(m.bundles.vega)}</script>
<script>${scriptForInline(m.bundles.vegaLite)}</script>
<script>${scriptForInline(m.bundles.vegaEmbed)}</script>
<script type="application/json" id="report-specs">${jsonForScript(specs)}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}

/** The head every self-contained page shares: charset, the offline CSP, viewport, title, styles. */
export function pageHead(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>`;
}
