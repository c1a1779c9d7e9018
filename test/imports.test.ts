/**
 * The import rules (.dependency-cruiser.cjs, drawn in docs/architecture.md): src/ keeps them,
 * and the same rules do catch a cycle, a kernel importing the domain and a model importing
 * a layer above it (checked on a small folder made here).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CRUISE = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve('.dependency-cruiser.cjs');

describe('import rules', () => {
  it('src/ has no cycle and no import of a layer above its own', () => {
    const out = execFileSync(process.execPath, [CRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], { encoding: 'utf8' });
    expect(out).toContain('no dependency violations found');
  }, 120_000);

  it('catches a cycle, the kernel importing the model, and the model importing cli', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrs-imports-'));
    cpSync('tsconfig.json', join(dir, 'tsconfig.json'));
    for (const folder of ['kernel', 'model', 'cli']) mkdirSync(join(dir, 'src', folder), { recursive: true });
    writeFileSync(join(dir, 'src/kernel/queue.ts'), "import { b } from '../model/b.js';\nexport const q = b;\n");
    writeFileSync(join(dir, 'src/model/a.ts'), "import { b } from './b.js';\nexport const a = b;\n");
    writeFileSync(join(dir, 'src/model/b.ts'), "import { a } from './a.js';\nimport { c } from '../cli/c.js';\nexport const b = a + c;\n");
    writeFileSync(join(dir, 'src/cli/c.ts'), 'export const c = 1;\n');
    const run = spawnSync(process.execPath, [CRUISE, 'src', '--config', CONFIG, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    const errors = run.stdout.split('\n').filter((line) => line.includes('error ')).map((line) => line.trim().split(':')[0]).sort();
    expect(errors).toEqual(['error kernel-imports-nothing', 'error model-imports-only-kernel', 'error no-cycles', 'error only-cli-imports-cli']);
  }, 120_000);
});
