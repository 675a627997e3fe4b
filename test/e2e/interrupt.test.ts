/**
 * Issue 3: "an interrupted run (kill the process mid-corpus: no partial YAML anywhere, a re-run
 * completes)". SIGKILL gives the process no chance to clean up, so this is the atomic-write
 * guarantee itself: every .yaml present afterwards is complete, and the re-run finishes the job
 * and removes the hidden temp files the killed process left behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoCrash, listFiles, removeDir, run, start, tempDir } from '../helpers/cli.js';
import { assertCompleteAnnotation } from '../helpers/annotation.js';
import { article, articlePath, writeArticles } from '../../src/tools/bench-articles.js';

const N = 200;
const KILL_AFTER = 20;

function countYaml(dir: string): number {
  let n = 0;
  for (const sub of fs.readdirSync(dir)) {
    const p = path.join(dir, sub);
    if (fs.statSync(p).isDirectory()) n += fs.readdirSync(p).filter((f) => f.endsWith('.yaml')).length;
  }
  return n;
}

/** Sources untouched; every .yaml complete; returns files that are neither (temp leftovers). */
function checkTree(dir: string): { yaml: number; strays: string[] } {
  const strays: string[] = [];
  let yaml = 0;
  for (let i = 0; i < N; i++) {
    assert.equal(fs.readFileSync(path.join(dir, articlePath(i)), 'utf8'), article(i), `${articlePath(i)} changed`);
  }
  for (const rel of listFiles(dir)) {
    if (rel.endsWith('.txt')) continue;
    if (rel.endsWith('.yaml')) {
      assertCompleteAnnotation(path.join(dir, rel), path.join(dir, rel.replace(/\.yaml$/, '.txt')));
      yaml += 1;
    } else {
      strays.push(rel);
    }
  }
  return { yaml, strays };
}

test('SIGKILL mid-corpus leaves only complete annotations, and a re-run completes', { timeout: 120_000 }, async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  writeArticles(dir, N);

  const child = start(['.', '--jobs', '2'], { cwd: dir });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  child.stdout!.resume();
  child.stderr!.resume();
  let finished = false;
  void exited.then(() => { finished = true; });
  // Kill as soon as some annotations exist, so the run is really cut in the middle.
  for (let waited = 0; !finished && waited < 60_000; waited += 10) {
    if (countYaml(dir) >= KILL_AFTER) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  const end = await exited;
  assert.equal(end.signal, 'SIGKILL', 'the run should have been killed mid-corpus, not have finished (make N larger)');

  const cut = checkTree(dir);
  assert.ok(cut.yaml >= KILL_AFTER && cut.yaml < N, `killed mid-corpus: ${cut.yaml} of ${N} written`);
  // Only the temp files of writes in flight may be left, hidden and never named .yaml.
  for (const s of cut.strays) assert.match(path.basename(s), /^\..*\.tmp$/, `unexpected file after the kill: ${s}`);
  assert.ok(cut.strays.length <= 4, `at most a few writes in flight, found ${cut.strays.join(', ')}`);

  // The kill may or may not land between a write and its rename; make sure the re-run meets such
  // a leftover: the half-written temp file of the first annotation not yet there, named as the
  // killed process (its pid is dead now) would have named it.
  const missing = Array.from({ length: N }, (_, i) => articlePath(i).replace(/\.txt$/, '.yaml')).find((p) => !fs.existsSync(path.join(dir, p)))!;
  const planted = path.join(path.dirname(missing), `.${path.basename(missing)}.${child.pid}-99.tmp`);
  fs.writeFileSync(path.join(dir, planted), 'schema: annotate/1\nsource: hal');
  cut.strays.push(planted);

  const again = await run(['.', '--jobs', '2'], { cwd: dir, timeoutMs: 90_000 });
  assertNoCrash(again, 're-run');
  assert.equal(again.code, 0, again.stderr);
  const done = checkTree(dir);
  assert.equal(done.yaml, N, 'every file annotated after the re-run');
  assert.match(again.stderr, new RegExp(`\\b${cut.yaml} skipped\\b`), `the re-run should skip the ${cut.yaml} done before:\n${again.stderr}`);
  // The killed process's temp files were for annotations it had not renamed yet, which the
  // re-run writes; their process is gone, so the re-run removes them (fs/output.ts TempSweeper).
  assert.deepEqual(done.strays, [], `no temp file left after the re-run (the kill left ${cut.strays.length})`);

  const check = await run(['--check', '.'], { cwd: dir });
  assert.equal(check.code, 0, check.stderr);
});
