/**
 * Where a JSON text first goes wrong, for `file:line:col` messages. Node's JSON.parse does
 * not always say (`Unexpected token 'x', … is not valid JSON` has no position), so when a
 * document fails to parse, this small recursive-descent checker finds the offset. It runs
 * only on the error path; well-formed documents are parsed by JSON.parse alone.
 */

export interface SyntaxProblem {
  readonly offset: number;
  readonly message: string;
}

export function findJsonSyntaxProblem(text: string): SyntaxProblem | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (message: string): SyntaxProblem => ({ offset: i, message });
  const describe = (): string => (i >= text.length ? 'the end of the document' : `\`${text[i]}\``);

  const value = (depth: number): SyntaxProblem | undefined => {
    if (depth > 512) return fail('nesting is too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') return fail(`expected a double-quoted key, found ${describe()}`);
        const s = string();
        if (s) return s;
        ws();
        if (text[i] !== ':') return fail(`expected \`:\` after a key, found ${describe()}`);
        i++;
        const v = value(depth + 1);
        if (v) return v;
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') return void i++;
        return fail(`expected \`,\` or \`}\`, found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        const v = value(depth + 1);
        if (v) return v;
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') return void i++;
        return fail(`expected \`,\` or \`]\`, found ${describe()}`);
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) { i += word.length; return undefined; }
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m !== null && m[0].length > 0) { i += m[0].length; return undefined; }
    return fail(`expected a value, found ${describe()}`);
  };

  const string = (): SyntaxProblem | undefined => {
    i++;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) { i++; return undefined; }
      if (ch < 0x20) return fail('control character in a string');
      if (ch === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return fail('bad escape in a string');
        i += 2;
        continue;
      }
      i++;
    }
    return fail('unterminated string');
  };

  const problem = value(0);
  if (problem) return problem;
  ws();
  return i < text.length ? fail(`unexpected ${describe()} after the document`) : undefined;
}

/** 1-based line and column of `offset` in `text`, counted from (line, col) of the text's start. */
export function positionAt(text: string, offset: number, startLine: number, startCol: number): { line: number; col: number } {
  let line = startLine;
  let col = startCol;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) { line++; col = 1; } else col++;
  }
  return { line, col };
}
