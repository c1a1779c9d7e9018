/**
 * One whole `run` command in a process of its own, as a user runs it (scenario file → every
 * output and the report), for its wall time and peak RSS (worker threads included: they
 * share the process): `node dist/bench/cliRunChild.js <scenario.yaml> <outDir> [run options…]`
 * prints one JSON line. The command's own output is discarded.
 */
import { runCli } from '../cli/cli.js';

const [scenario, out, ...rest] = process.argv.slice(2);
const start = process.hrtime.bigint();
let stderr = '';
const code = await runCli(['run', scenario!, '--out', out!, '--force', '--quiet', ...rest], {
  stdout: () => undefined,
  stderr: (text) => void (stderr += text),
  stderrIsTty: false,
});
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
if (code !== 0) {
  process.stderr.write(stderr);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ wallMs, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
