/**
 * Annotates one generated pathological text (tools/pathological.ts) and prints what it cost, as
 * one JSON line: `node dist/src/tools/pathological-run.js <name> <size>` gives
 * {name, size, ms, rssMb}, where ms times analyze() alone (after a warm-up on a small text of
 * the same kind) and rssMb is how far the process's peak resident memory rose during the call.
 * One process per measurement, as the peak only grows. With --cli, the text is written to a
 * file and the annotate command run on it instead (ms then covers the whole run, rssMb its peak,
 * and the line carries the exit status and the file's error line, if any).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATHOLOGIES } from './pathological.js';

const args = process.argv.slice(2);
const cli = args.includes('--cli');
const [name, sizeArg] = args.filter((a) => a !== '--cli');
const pathology = PATHOLOGIES.find((p) => p.name === name);
if (!pathology || !sizeArg) {
  console.error(`usage: pathological-run <${PATHOLOGIES.map((p) => p.name).join('|')}> <size in bytes> [--cli]`);
  process.exit(2);
}
const size = Number(sizeArg);
const peakMb = () => process.resourceUsage().maxRSS / 1024;

if (cli) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotate-pathological-'));
  try {
    fs.writeFileSync(path.join(dir, 'text.txt'), pathology.make(size));
    const bin = fileURLToPath(new URL('../../../bin/annotate.js', import.meta.url));
    const started = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, '--jobs', '1', '--max-size', '200', '--force', 'text.txt'], { cwd: dir, encoding: 'utf8' });
    const ms = performance.now() - started;
    // /usr/bin/time adds its own line on a non-zero exit, then the peak RSS.
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Command exited with'));
    const rssMb = Number(lines.pop()) / 1024;
    // The file's own error line (a refusal), not the summary line after it.
    const said = lines.find((l) => l.startsWith('text.txt: ')) ?? lines.pop() ?? '';
    console.log(JSON.stringify({ name, size, ms: Math.round(ms), rssMb: Math.round(rssMb), code: r.status, stderr: said }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else {
  const { analyze } = await import('../nlp/index.js');
  analyze(pathology.make(Math.min(size, 20_000)), { fileName: 'warm-up.txt' });
  const text = pathology.make(size);
  const before = peakMb();
  const started = performance.now();
  analyze(text, { fileName: 'text.txt' });
  const ms = performance.now() - started;
  console.log(JSON.stringify({ name, size, ms: Math.round(ms), rssMb: Math.round(peakMb() - before) }));
}
