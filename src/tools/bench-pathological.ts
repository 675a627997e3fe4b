/**
 * `npm run bench:pathological -- [MB ...]` (default 1 10): runs the annotate command on each
 * generated pathological text (tools/pathological.ts) of each size, one at a time, and prints
 * seconds, seconds per MB, peak RSS, exit status and, for a refused or failed file, its message.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PATHOLOGIES } from './pathological.js';

const sizes = process.argv.slice(2).map(Number);
const runner = fileURLToPath(new URL('./pathological-run.js', import.meta.url));
console.log('| text | MB | seconds | s/MB | peak RSS MB | exit | message |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const mb of sizes.length > 0 ? sizes : [1, 10]) {
  for (const { name } of PATHOLOGIES) {
    const r = JSON.parse(execFileSync(process.execPath, [runner, name, String(mb * 1_000_000), '--cli'], { encoding: 'utf8' }));
    const s = r.ms / 1000;
    const message = r.code === 0 ? '' : String(r.stderr).replace(/^text\.txt: /, '');
    console.log(`| ${name} | ${mb} | ${s.toFixed(1)} | ${(s / mb).toFixed(1)} | ${r.rssMb} | ${r.code} | ${message} |`);
  }
}
