/**
 * A seeded mutation fuzzer for scenario files: (seed, source text) → hostile text. Pure and
 * deterministic: randomness comes only from the named stream (seed, 'mutate', 0).
 *
 * Mutations work at three levels, chained 1–3 at a time:
 *   - text:   truncation, deleted/duplicated/swapped lines, stray characters (controls, BOM,
 *             lone surrogates, line separators), line endings, tabs, empty and binary files,
 *             files over the size limit, several documents, directives;
 *   - tokens: a scalar of the parsed tree replaced in place by a hostile token (`1e309`, `-0`,
 *             `.nan`, `.inf`, huge integers, negative or zero durations, unknown names, tags);
 *   - tree:   keys deleted, renamed, duplicated or added (`__proto__`, `constructor`), values
 *             of another type, weight maps summing to 0, list items multiplied, anchors and
 *             aliases (cycles, alias bombs), very deep nesting, resource bombs (huge counts,
 *             1 ms release series).
 * Tree and token mutations fall back to a text mutation when the text no longer parses.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { createStream, type RandomStream } from '../../src/kernel/random.js';
import { MAX_FILE_BYTES } from '../../src/scenario/limits.js';
import { findExcessiveNesting } from '../../src/scenario/nesting.js';

export interface MutatedFile {
  readonly text: string;
  /**
   * How to write `text` as bytes: `utf8`, or `latin1` for binary garbage (each char code
   * 0–255 is one byte, so the file need not be valid UTF-8).
   */
  readonly encoding: 'utf8' | 'latin1';
  /** Names of the mutations applied, in order (for reporting a failing case). */
  readonly applied: readonly string[];
}

type Path = (string | number)[];

interface Rng {
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

function rngOf(stream: RandomStream): Rng {
  const int = (n: number): number => Math.min(n - 1, Math.floor(stream.next() * n));
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p) => stream.next() < p,
  };
}

// --- hostile values ------------------------------------------------------------------------

export const HOSTILE_NUMBERS = [
  '1e309', '-1e309', '-0', '0', '-1', '0.0', 'NaN', '.nan', '.NaN', '.inf', '-.inf', '+.inf', '.Inf', 'Infinity',
  '1e-320', '5e-324', '123456789012345678901234567890', '9007199254740993', '-9007199254740993', '0x7FFFFFFF',
  '0o777', '0b101', '1_000', '1e3', '0.1e1', '+12', '1.', '.5', '00012', '1e+400', '2.5', '0.999999999999999999',
  'true', '~', 'null', '""', '[]', '{}', '"3"',
] as const;

export const HOSTILE_DURATIONS = [
  '-1d', '-0s', '0s', '0ms', '0d', '1ms', '1.5ms', '0.0001s', '99999999999999999999d', '9007199254740991ms',
  '9007199254740992ms', '3650d', '3651d', '1e3d', 'd', '7 d', '7D', '.5h', '1w1d', '1y', 'P1D', '1.d', '14', '14.0',
  '"14d"', "'14d'", '\u0661\u0664d', '14d ', '１４d', '-.inf', '1e309',
] as const;

export const HOSTILE_NAMES = [
  'eu-wset-1', 'mars-north-1', 'us-east-1 ', 'US-EAST-1', 'python2.7', 'python3.12 ', 'nodejs', 'java21\u200b', '""',
  "' '", 'a b', 'x'.repeat(300), '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf',
  '$LATEST', 'python:3.12.v15', 'python:3.12.v1', 'python:3.12.v99999999999999999999', 'Manual', 'Image', 'arm64',
  '"\\u0000"', '"\\t"', '"é"', '😀', '"a\\nb"',
] as const;

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf', '"__proto__"'] as const;

const TAGGED = [
  '!!binary aGVsbG8=', '!!js/function "function () {}"', '!!set { a, b }', '!!omap [ a: 1 ]', '!custom 3',
  '!!timestamp 2001-12-14', '!!float 1', '!!int "3"', '!!str 5', '!!null ""', '!!bool yes', '!!map {}', '!!seq []',
  '!<tag:yaml.org,2002:str> x', '!!python/object:os.system [ls]',
] as const;

const STRAY_CHARS = [
  ':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '#', '"', "'", '\t', '\\', ',', '?',
  '\u2028', '\u2029', '\u0085', '\uFEFF', '\u0000', '\u001b', '\u007f', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', 'é', '😀', '\r',
] as const;

const EMPTY_FILES = ['', ' ', '\n\n', '# only a comment\n', '---\n', '...\n', '~', 'null', '[]', '{}', '42', '"text"', '- a\n- b\n', '\uFEFF', '--- !!map\n', 'name:'] as const;

/** Values of another type, as YAML source (flow style so they fit anywhere). */
const RETYPED = ['{}', '[]', 'text', '3', 'true', 'null', '{ a: 1 }', '[1, 2, 3]', '-1', '0', '1e308', '"0"', '[[]]', '{ name: x }'] as const;

/** Resource bombs: valid-looking values that ask for huge runs. */
const BOMBS: readonly (readonly [Path, string])[] = [
  [['fleet', 'functions'], '50000000'],
  [['fleet', 'functions'], '50000001'],
  [['fleet', 'functions'], '1e15'],
  [['replications'], '100000'],
  [['replications'], '100001'],
  [['horizon'], '3650d'],
  [['sampleEvery'], '1ms'],
  [['fleet', 'createdPerDay'], '1e9'],
  [['fleet', 'invocationsPerDay', 'median'], '1e300'],
  [['fleet', 'invocationsPerDay', 'sigma'], '1000'],
  [['fleet', 'deploys', 'rateShape'], '1e-300'],
  [['owners', 'migrations', 'perFunctionPerDay'], '1e9'],
  [['outputs', 'initStartLog'], '{ sample: 1 }'],
  [['releases', 0, 'repeat'], '{ every: 1ms }'],
  [['releases', 0, 'repeat'], '{ every: 1s }'],
  [['releases', 0, 'repeat'], '{ every: 1h, count: 10000 }'],
];

// --- text mutations -------------------------------------------------------------------------

type TextMutation = (text: string, rng: Rng) => { text: string; encoding?: 'latin1' };

const lines = (text: string): string[] => text.split('\n');

/** A random line index, preferring lines with content. */
function someLine(ls: readonly string[], rng: Rng): number {
  for (let tries = 0; tries < 8; tries++) {
    const i = rng.int(Math.max(1, ls.length));
    if ((ls[i] ?? '').trim() !== '') return i;
  }
  return rng.int(Math.max(1, ls.length));
}

function nestedFlow(depth: number, closed: boolean): string {
  return '['.repeat(depth) + (closed ? ']'.repeat(depth) : '');
}

function nestedBlock(depth: number, indent: number, seq: boolean): string {
  let out = '';
  for (let d = 0; d < depth; d++) out += `${' '.repeat(indent + d * 2)}${seq ? '- ' : 'a:'}\n`;
  return out + `${' '.repeat(indent + depth * 2)}x\n`;
}

function aliasBomb(levels: number, width: number): string {
  let out = `lol0: &a0 [${Array(width).fill('lol').join(', ')}]\n`;
  for (let l = 1; l < levels; l++) out += `lol${l}: &a${l} [${Array(width).fill(`*a${l - 1}`).join(', ')}]\n`;
  return out;
}

const TEXT_MUTATIONS: Readonly<Record<string, TextMutation>> = {
  truncate: (t, r) => ({ text: t.slice(0, r.int(t.length + 1)) }),
  deleteLine: (t, r) => {
    const ls = lines(t);
    ls.splice(someLine(ls, r), 1);
    return { text: ls.join('\n') };
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = someLine(ls, r);
    ls.splice(i, 0, ls[i] ?? '');
    return { text: ls.join('\n') };
  },
  swapLines: (t, r) => {
    const ls = lines(t);
    const i = someLine(ls, r);
    const j = someLine(ls, r);
    [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    return { text: ls.join('\n') };
  },
  strayChar: (t, r) => {
    const at = r.int(t.length + 1);
    return { text: t.slice(0, at) + r.pick(STRAY_CHARS) + t.slice(at) };
  },
  deleteSpan: (t, r) => {
    const at = r.int(t.length + 1);
    return { text: t.slice(0, at) + t.slice(at + 1 + r.int(40)) };
  },
  indent: (t, r) => {
    const ls = lines(t);
    const i = someLine(ls, r);
    const line = ls[i] ?? '';
    ls[i] = r.pick([' ' + line, line.replace(/^ /, ''), line.replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length >> 1))), '  '.repeat(r.int(8)) + line.trimStart()]);
    return { text: ls.join('\n') };
  },
  lineEndings: (t, r) => ({ text: t.replace(/\n/g, r.pick(['\r\n', '\r', '\u2028', '\u0085', '\n\n'])) }),
  bom: (t) => ({ text: '\uFEFF' + t }),
  empty: (_t, r) => ({ text: r.pick(EMPTY_FILES) }),
  binary: (t, r) => {
    const n = 1 + r.int(r.chance(0.5) ? 64 : 4096);
    let out = r.chance(0.3) ? t.slice(0, r.int(t.length)) : '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(r.int(256));
    return { text: out, encoding: 'latin1' };
  },
  oversize: (t, r) => {
    // Just over the limit, or just under it (a valid file padded with a comment).
    const target = MAX_FILE_BYTES + (r.chance(0.7) ? 1 + r.int(1000) : -(1 + r.int(1000)));
    const pad = Math.max(0, target - Buffer.byteLength(t, 'utf8') - 3);
    return { text: `${t}${t.endsWith('\n') ? '' : '\n'}#${'x'.repeat(pad)}\n` };
  },
  multiDocument: (t, r) => ({ text: r.chance(0.5) ? `${t}\n---\nname: second\n` : `---\n${t}\n...\n---\n` }),
  directive: (t, r) => ({ text: `${r.pick(['%YAML 1.1', '%YAML 1.2', '%YAML 2.0', '%TAG ! tag:example.com,2000:', '%FOO bar'])}\n---\n${t}` }),
  aliasBomb: (t, r) => {
    const bomb = r.chance(0.5) ? aliasBomb(9 + r.int(3), 9 + r.int(3)) : `a: &a x\nmany: [${Array(101 + r.int(50)).fill('*a').join(', ')}]\n`;
    return { text: r.chance(0.5) ? bomb + t : `${t}\n${bomb}` };
  },
  undefinedAlias: (t, r) => {
    const ls = lines(t);
    const i = someLine(ls, r);
    ls[i] = (ls[i] ?? '').replace(/:\s.*$/, ': *nowhere');
    return { text: ls.join('\n') };
  },
  deepFlow: (t, r) => {
    const depth = r.pick([10, 63, 64, 65, 200, 5000, 100_000]);
    const deep = nestedFlow(depth, r.chance(0.8));
    return { text: r.chance(0.5) ? `${t}\ndeep: ${deep}\n` : t.replace(/: ([^\n]+)/, `: ${deep}`) };
  },
  deepBlock: (t, r) => {
    const depth = r.pick([20, 100, 127, 128, 129, 200, 2000]);
    return { text: `${t}\ndeep:\n${nestedBlock(depth, 2, r.chance(0.5))}` };
  },
  hugeString: (t) => ({ text: t.replace(/^name: .*$/m, `name: ${'n'.repeat(200_000)}`) }),
};

// --- tree and token mutations ---------------------------------------------------------------

interface Site {
  readonly path: Path;
  readonly node: Node;
  /** The pair holding the node as its value (map members only). */
  readonly pair?: Pair;
  readonly parent?: YAMLMap | YAMLSeq;
}

/** Every node of the document with its key path (aliases are not followed). */
function sites(doc: Document): Site[] {
  const out: Site[] = [];
  const walk = (node: unknown, path: Path, pair?: Pair, parent?: YAMLMap | YAMLSeq): void => {
    if (node === null || node === undefined || typeof node !== 'object') return;
    const site: Site = { path, node: node as Node, ...(pair ? { pair } : {}), ...(parent ? { parent } : {}) };
    out.push(site);
    if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        walk(p.value, [...path, String(p.key.value)], p, node);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], undefined, node));
    }
  };
  walk(doc.contents, []);
  return out;
}

const splice = (text: string, from: number, to: number, insert: string): string => text.slice(0, from) + insert + text.slice(to);

/** Replaces a node's source (value range) with raw YAML text. */
function replaceNode(text: string, node: Node, raw: string): string | undefined {
  const range = node.range;
  if (!range) return undefined;
  return splice(text, range[0], range[1], raw);
}

type TreeMutation = (text: string, doc: Document, all: Site[], rng: Rng) => string | undefined;

const scalars = (all: Site[]): Site[] => all.filter((s) => isScalar(s.node));
const numberSites = (all: Site[]): Site[] => all.filter((s) => isScalar(s.node) && typeof s.node.value === 'number');
const durationSites = (all: Site[]): Site[] =>
  all.filter((s) => isScalar(s.node) && typeof s.node.value === 'string' && /^\d*\.?\d+(ms|s|m|h|d|w)$/.test(s.node.value));
const mapSites = (all: Site[]): Site[] => all.filter((s) => isMap(s.node));
const pairSites = (all: Site[]): Site[] => all.filter((s) => s.pair !== undefined);
const pickOf = (list: Site[], rng: Rng): Site | undefined => (list.length === 0 ? undefined : rng.pick(list));

const TREE_MUTATIONS: Readonly<Record<string, TreeMutation>> = {
  hostileNumber: (t, _d, all, r) => {
    const s = pickOf(r.chance(0.8) ? numberSites(all) : scalars(all), r);
    return s && replaceNode(t, s.node, r.pick(HOSTILE_NUMBERS));
  },
  hostileDuration: (t, _d, all, r) => {
    const s = pickOf(r.chance(0.8) ? durationSites(all) : scalars(all), r);
    return s && replaceNode(t, s.node, r.pick(HOSTILE_DURATIONS));
  },
  hostileName: (t, _d, all, r) => {
    const s = pickOf(pairSites(all), r);
    if (!s?.pair) return undefined;
    // Rename the key (a region, runtime or mode in a weight map; a section elsewhere) or replace a string value.
    if (r.chance(0.6) && isScalar(s.pair.key)) return replaceNode(t, s.pair.key as Node, r.pick(HOSTILE_NAMES));
    const strings = all.filter((x) => isScalar(x.node) && typeof x.node.value === 'string');
    const v = pickOf(strings, r);
    return v && replaceNode(t, v.node, r.pick(HOSTILE_NAMES));
  },
  tagged: (t, _d, all, r) => {
    const s = pickOf(scalars(all), r);
    return s && replaceNode(t, s.node, r.pick(TAGGED));
  },
  retype: (t, _d, all, r) => {
    const s = pickOf(all.filter((x) => x.path.length > 0), r);
    if (!s) return undefined;
    const raw = r.pick(RETYPED);
    // A block collection is replaced by a flow value on the key's line.
    if (!isScalar(s.node) && s.pair && isScalar(s.pair.key) && s.pair.key.range && s.node.range) {
      return splice(t, s.pair.key.range[1], s.node.range[1], `: ${raw}\n`);
    }
    return replaceNode(t, s.node, raw);
  },
  deleteKey: (_t, d, all, r) => {
    const s = pickOf(pairSites(all), r);
    if (!s) return undefined;
    d.deleteIn(s.path);
    return String(d);
  },
  duplicateKey: (t, _d, all, r) => {
    const s = pickOf(pairSites(all), r);
    if (!s?.pair || !isScalar(s.pair.key) || !s.pair.key.range) return undefined;
    const start = s.pair.key.range[0];
    const end = (s.node.range ?? s.pair.key.range)[1];
    const source = t.slice(start, end);
    const flow = (s.parent as { flow?: boolean } | undefined)?.flow === true;
    if (flow || source.includes('\n')) return splice(t, end, end, flow ? `, ${source}` : `\n${' '.repeat(columnOf(t, start))}${source}`);
    return splice(t, end, end, `\n${' '.repeat(columnOf(t, start))}${source}`);
  },
  addKey: (_t, d, all, r) => {
    const s = pickOf(mapSites(all), r);
    if (!s || !isMap(s.node)) return undefined;
    const key = r.chance(0.7) ? r.pick(PROTO_KEYS).replace(/"/g, '') : r.pick(HOSTILE_NAMES);
    const value = r.pick([{ polluted: true }, 1, 'x', null, [1], { functions: 1 }]);
    if (s.node.has(key)) return undefined;
    s.node.set(d.createNode(key), d.createNode(value));
    return String(d);
  },
  zeroWeights: (_t, d, all, r) => {
    const maps = mapSites(all).filter((s) => isMap(s.node) && s.node.items.length > 0 && s.node.items.every((p) => isScalar(p.value) && typeof p.value.value === 'number'));
    const s = pickOf(maps, r);
    if (!s || !isMap(s.node)) return undefined;
    const mode = r.int(4);
    s.node.items.forEach((p, i) => {
      if (!isScalar(p.value)) return;
      p.value.value = mode === 0 ? 0 : mode === 1 ? 1e308 : mode === 2 ? -1 : i === 0 ? Number.NaN : 0;
    });
    return String(d);
  },
  multiplyItem: (_t, d, all, r) => {
    const seqs = all.filter((s) => isSeq(s.node) && s.node.items.length > 0);
    const s = pickOf(seqs, r);
    if (!s || !isSeq(s.node)) return undefined;
    const item = s.node.items[r.int(s.node.items.length)];
    const times = r.pick([1, 2, 3, 200]);
    for (let i = 0; i < times; i++) s.node.items.push(d.createNode((item as Node & { toJSON(): unknown }).toJSON()) as never);
    return String(d);
  },
  aliasSwap: (_t, d, all, r) => {
    // Anchor one node and put an alias to it somewhere else: type confusion, or a cycle when
    // the alias lands inside the anchored node.
    const candidates = all.filter((s) => s.path.length > 0);
    const a = pickOf(candidates, r);
    const b = pickOf(candidates, r);
    if (!a || !b || a === b) return undefined;
    a.node.anchor = 'fz';
    d.setIn(b.path, d.createAlias(a.node as never, 'fz'));
    return String(d);
  },
  deepValue: (t, _d, all, r) => {
    const s = pickOf(all.filter((x) => x.path.length > 0 && isScalar(x.node)), r);
    return s && replaceNode(t, s.node, nestedFlow(r.pick([5, 64, 65, 1000]), true));
  },
  bomb: (_t, d, _all, r) => {
    const [path, raw] = r.pick(BOMBS);
    try {
      d.setIn(path, parseDocument(raw).contents);
    } catch {
      return undefined; // the path does not exist in this file (no releases)
    }
    return String(d);
  },
};

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

const TEXT_NAMES = Object.keys(TEXT_MUTATIONS);
const TREE_NAMES = Object.keys(TREE_MUTATIONS);
/** Every mutation this fuzzer knows, for coverage reports. */
export const MUTATION_NAMES: readonly string[] = [...TREE_NAMES, ...TEXT_NAMES];

function applyText(name: string, text: string, rng: Rng): { text: string; encoding?: 'latin1' } {
  return TEXT_MUTATIONS[name]!(text, rng);
}

/** One mutation: a tree/token one when the text parses (70%), else a text one. */
function mutateOnce(text: string, rng: Rng): { text: string; name: string; encoding?: 'latin1' } {
  // Tree mutations parse the text; deeply nested text is left to text mutations (the yaml
  // parser's time grows steeply with depth, which is why the loader refuses it before parsing).
  if (rng.chance(0.7) && Buffer.byteLength(text, 'utf8') <= MAX_FILE_BYTES && findExcessiveNesting(text) === undefined) {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length === 0 && (isMap(doc.contents) || isSeq(doc.contents))) {
      const name = rng.pick(TREE_NAMES);
      let out: string | undefined;
      try {
        out = TREE_MUTATIONS[name]!(text, doc, sites(doc), rng);
      } catch {
        out = undefined; // the yaml library refused the edit; fall back to a text mutation
      }
      if (out !== undefined && out !== text) return { text: out, name };
    }
  }
  const name = rng.pick(TEXT_NAMES);
  return { ...applyText(name, text, rng), name };
}

/**
 * Mutates a scenario file's text with 1–3 chained mutations chosen by `seed`. Pure: the same
 * (source, seed) always gives the same result.
 */
export function mutateScenarioText(source: string, seed: number): MutatedFile {
  const rng = rngOf(createStream(seed, 'mutate', 0));
  let text = source;
  let encoding: 'utf8' | 'latin1' = 'utf8';
  const applied: string[] = [];
  const rounds = 1 + rng.int(3);
  for (let i = 0; i < rounds; i++) {
    const m = mutateOnce(text, rng);
    text = m.text;
    applied.push(m.name);
    if (m.encoding === 'latin1') encoding = 'latin1';
    // Binary and oversize files end the chain: further edits would mostly undo them.
    if (encoding === 'latin1' || m.name === 'oversize') break;
  }
  return { text, encoding, applied };
}
