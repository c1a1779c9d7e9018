/**
 * The README and docs/ link to each other and to files of the repository: every relative link
 * must reach a file that exists and, with `#anchor`, a heading of that file (GitHub's anchors:
 * lower case, punctuation dropped, spaces as `-`). The README stays a front page: under 12 KB.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const PAGES = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** Markdown text without fenced code blocks (their `#` lines are not headings, their brackets not links). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '');
}

export function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N}\- ]/gu, '').replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = anchorOf(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function relativeLinks(file: string): { target: string; anchor: string | null }[] {
  const links: { target: string; anchor: string | null }[] = [];
  for (const m of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
    const href = m[1]!;
    if (/^[a-z]+:/i.test(href)) continue; // https:, mailto:
    const [path, anchor] = href.split('#', 2) as [string, string | undefined];
    links.push({ target: path === '' ? file : normalize(join(dirname(file), path)), anchor: anchor ?? null });
  }
  return links;
}

describe('README and docs', () => {
  it.each(PAGES)('%s: every relative link reaches a file and a heading', (page) => {
    const broken: string[] = [];
    for (const { target, anchor } of relativeLinks(page)) {
      if (!existsSync(target)) broken.push(`${target} (no such file)`);
      else if (anchor !== null && (statSync(target).isDirectory() || !target.endsWith('.md') || !anchors(target).has(anchor))) broken.push(`${target}#${anchor}`);
    }
    expect(broken).toEqual([]);
  });

  it('the anchor rule is GitHub\'s', () => {
    expect(anchorOf('Batches: sweeps, workers, confidence, clusters')).toBe('batches-sweeps-workers-confidence-clusters');
    expect(anchorOf('6. The real calendar: `startDate`')).toBe('6-the-real-calendar-startdate');
    expect(anchorOf('What is my fleet running?')).toBe('what-is-my-fleet-running');
  });

  it('the README is a front page: under 12 KB, the two commands first, a picture, links to every page of docs/', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm ci && npm start');
    expect(readme.split('\n').slice(0, 6).join('\n')).toContain('npm test');
    expect(readme).toContain('](reports/screenshot.png)');
    const linked = new Set(relativeLinks('README.md').map((l) => l.target));
    expect(PAGES.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([]);
  });
});
