/**
 * The import rules of src/ (docs/architecture.md draws them): no cycles, and every import
 * points down the layers cli → batch → model → kernel; common/ sits below them all but the
 * model and the kernel, which do not need it. The folders beside the spine
 * (scenario, analysis, output, report, insights, fleet, observe, calibrate) may use the
 * model and the kernel, never batch or cli; bench code (a tool above cli) is used by nothing
 * in src/. `npm run depcheck` fails on any violation; .ci/run runs it.
 */

const RULES = [
  { name: 'no-cycles', comment: 'An import cycle: the files cannot be read (or changed) one at a time.', from: { path: '^src/' }, to: { circular: true } },
  { name: 'kernel-imports-nothing', comment: 'The kernel knows no domain: it imports nothing else of ours.', from: { path: '^src/kernel/' }, to: { path: '^src/', pathNot: '^src/kernel/' } },
  { name: 'common-imports-nothing', comment: 'common/ (user errors, message pieces, the atomic writer) is used by every folder, so it imports none of them.', from: { path: '^src/common/' }, to: { path: '^src/', pathNot: '^src/common/' } },
  { name: 'model-imports-only-kernel', comment: 'The model is below every other folder but the kernel.', from: { path: '^src/model/' }, to: { path: '^src/', pathNot: '^src/(model|kernel)/' } },
  { name: 'only-cli-imports-cli', comment: 'cli is the top layer: only the bench (a tool that drives it) imports it.', from: { path: '^src/', pathNot: '^src/(cli|bench)/' }, to: { path: '^src/cli/' } },
  { name: 'batch-is-below-cli-only', comment: 'batch runs the model; only the command line (and the bench) drive it.', from: { path: '^src/', pathNot: '^src/(cli|batch|bench)/' }, to: { path: '^src/batch/' } },
  { name: 'bench-is-apart', comment: 'Bench code is a tool: nothing in the product imports it.', from: { path: '^src/', pathNot: '^src/bench/' }, to: { path: '^src/bench/' } },
  { name: 'src-never-imports-test', comment: 'Test code is injected by tests, never imported by src/.', from: { path: '^src/' }, to: { path: '^test/' } },
];

module.exports = {
  forbidden: RULES.map((rule) => ({ ...rule, severity: 'error' })),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
