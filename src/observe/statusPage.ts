/**
 * status.html (pure): what the fleet runs now and how past rollouts went, in the look of the
 * simulation report (its CSS, content policy and chart embedding; vega bundles inlined, so the
 * page works from file:// with no network). Every string from the logs goes through escapeHtml
 * or jsonForScript.
 */
import { browserBundles } from '../report/bundles.js';
import { escapeHtml, jsonForScript, scriptForInline } from '../report/escape.js';
import { EMBED_SCRIPT, pageHead, renderTable, type Cell, type TableModel } from '../report/html.js';
import { iso } from './observeCsv.js';
import type { Observation } from './observation.js';
import { fleetShareChart, rolloutChart, timeToPatchChart, type StatusChart } from './statusCharts.js';
import type { Tables } from './tables.js';

/** Stale function versions listed in the page (all of them are in functions.csv). */
export const MAX_STALE_ROWS = 200;

export function staleTable(t: Tables, withInventory: boolean): TableModel {
  const stale = t.functions
    .filter((f) => f.versionsBehind > 0)
    .sort((a, b) => b.versionsBehind - a.versionsBehind || b.daysBehind - a.daysBehind || (a.fn < b.fn ? -1 : a.fn > b.fn ? 1 : 0) || (a.region < b.region ? -1 : 1));
  const rows: Cell[][] = stale.slice(0, MAX_STALE_ROWS).map((f) => [
    { text: f.fn, className: 'mono' },
    { text: f.region },
    { text: f.qualifier, className: 'mono' },
    { text: f.label, className: 'mono' },
    { text: String(f.versionsBehind), className: 'num' },
    { text: f.daysBehind.toFixed(2), className: 'num' },
    { text: iso(f.lastMs) },
    ...(withInventory ? [{ text: f.inventory?.updateMode ?? 'unknown' }] : []),
  ]);
  return {
    caption: `Functions on stale versions now: ${stale.length} of ${t.functions.length} function versions${stale.length > MAX_STALE_ROWS ? ` (the ${MAX_STALE_ROWS} furthest behind shown; all are in functions.csv)` : ''}`,
    head: ['function', 'region', 'qualifier', 'runtime version', 'versions behind', 'days behind', 'last init', ...(withInventory ? ['update mode'] : [])],
    rows,
  };
}

function summaryTable(o: Observation, t: Tables): TableModel {
  const labels = new Set(t.versions.map((v) => `${v.runtime} ${v.label}`));
  const cells = (k: string, v: string): Cell[] => [{ text: k }, { text: v, className: 'num' }];
  return {
    head: ['', ''],
    rows: [
      cells('observed from', iso(t.startMs)),
      cells('observed to', iso(t.endMs)),
      cells('INIT_START lines', String(o.inits)),
      cells('malformed INIT_START lines', String(o.malformed)),
      cells('function versions', String(t.functions.length)),
      cells('runtime versions (labels)', String(labels.size)),
      cells('runtime version ARNs', String(t.versions.length)),
      cells('moves seen', String(t.transitions.length)),
    ],
  };
}

function chartHtml(c: StatusChart): string {
  return [
    `<figure class="chart" id="figure-${c.name}">`,
    `<h3>${escapeHtml(c.title)}</h3>`,
    `<figcaption>${escapeHtml(c.caption)}</figcaption>`,
    `<div class="plot" id="chart-${c.name}" data-chart="${c.name}" role="img" aria-label="${escapeHtml(c.title)}"></div>`,
    '</figure>',
  ].join('\n');
}

export function statusPage(o: Observation, t: Tables, withInventory: boolean): string {
  const charts = [fleetShareChart(o, t), rolloutChart(t), timeToPatchChart(t)].filter((c): c is StatusChart => c !== null);
  const specs = Object.fromEntries(charts.map((c) => [c.name, c.spec]));
  const bundles = browserBundles();
  const title = 'What is my fleet running?';
  return `${pageHead(title)}
<body>
<main>
<header class="page">
<p class="kicker">lambda-rollout-sim observe</p>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(`From ${o.inits} INIT_START lines, ${iso(t.startMs)} to ${iso(t.endMs)} (R15, R16).`)}</p>
</header>
<nav class="toc"><a href="#summary">Summary</a><a href="#section-stale">Stale now</a><a href="#section-charts">Versions and rollouts</a></nav>
<section id="summary">
<h2>Summary</h2>
${renderTable(summaryTable(o, t))}
</section>
<section id="section-stale">
<h2>Stale now</h2>
<p class="intro">Each function version as of its last init, sorted by how far behind the newest version seen in its region it is.</p>
${renderTable(staleTable(t, withInventory))}
</section>
<section id="section-charts">
<h2>Versions and rollouts</h2>
${charts.map(chartHtml).join('\n')}
</section>
<footer>${escapeHtml('Written by lambda-rollout-sim observe from exported INIT_START logs; the tables behind it are versions.csv, functions.csv, transitions.csv and rollout.csv.')}</footer>
</main>
<script>${scriptForInline(bundles.vega)}</script>
<script>${scriptForInline(bundles.vegaLite)}</script>
<script>${scriptForInline(bundles.vegaEmbed)}</script>
<script type="application/json" id="report-specs">${jsonForScript(specs)}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}
