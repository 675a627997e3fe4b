/**
 * What a hostile or careless corpus can do to a run: special files where annotations go, links
 * out of the corpus, signals. Each case spawns the real CLI, with a timeout, since a hang cannot
 * be caught in-process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertNoCrash, assertOneErrorLine, listFiles, removeDir, run, start, tempDir, writeTree } from '../helpers/cli.js';
import { articlePath, writeArticles } from '../../src/tools/bench-articles.js';
import { assertCompleteAnnotation } from '../helpers/annotation.js';

const GOOD = 'Merkel visits Paris\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.\n';

function folder(t: { after: (fn: () => void) => void }, files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  writeTree(dir, files);
  return dir;
}

const mkfifo = (p: string): void => {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, `mkfifo ${p}: ${r.stderr}`);
};
const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

test('a FIFO where an annotation goes: one error line, no hang, the other files written', { skip: !hasMkfifo && 'no mkfifo' }, async (t) => {
  const dir = folder(t, { 'a.txt': GOOD, 'b.txt': GOOD, 'out/x': '' });
  mkfifo(path.join(dir, 'a.yaml'));
  mkfifo(path.join(dir, 'out', 'a.yaml'));
  fs.rmSync(path.join(dir, 'out', 'x'));
  for (const args of [['.'], ['--check', '.'], ['--out-dir', 'out', 'a.txt', 'b.txt']]) {
    const r = await run(args, { cwd: dir, timeoutMs: 15_000 });
    assertNoCrash(r, args.join(' '));
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(assertOneErrorLine(r, 'a.yaml'), /named pipe/, args.join(' '));
  }
  assert.ok(fs.statSync(path.join(dir, 'a.yaml')).isFIFO(), 'the FIFO is left alone');
  assertCompleteAnnotation(path.join(dir, 'b.yaml'), path.join(dir, 'b.txt'));
  assertCompleteAnnotation(path.join(dir, 'out', 'b.yaml'), path.join(dir, 'b.txt'));
  const shown = await run(['show', '--no-color', 'a.txt'], { cwd: dir, timeoutMs: 15_000 });
  assertNoCrash(shown, 'show');
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /\[Angela Merkel\]\{person\}/);
});

test('SIGINT or SIGTERM mid-run: the files in flight are finished, no temporary file is left, exit 128+n', { timeout: 120_000 }, async (t) => {
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    const dir = tempDir();
    t.after(() => removeDir(dir));
    const n = 200;
    writeArticles(dir, n);
    const child = start(['.', '--jobs', '2'], { cwd: dir });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout!.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (c, s) => resolve({ code: c, signal: s })));
    const yamlCount = () => listFiles(dir).filter((f) => f.endsWith('.yaml')).length;
    for (let waited = 0; yamlCount() < 10 && waited < 60_000; waited += 5) await new Promise((r) => setTimeout(r, 5));
    child.kill(sig);
    const end = await exited;
    assert.deepEqual(end, { code, signal: null }, `${sig}: ${stderr}`);
    assert.match(stderr, new RegExp(`interrupted by ${sig}: the files not reached were left as they were, run again to finish`));
    const files = listFiles(dir);
    assert.deepEqual(files.filter((f) => !f.endsWith('.txt') && !f.endsWith('.yaml')), [], `${sig}: no temporary file left`);
    const written = files.filter((f) => f.endsWith('.yaml'));
    assert.ok(written.length < n, `${sig} should have cut the run (${written.length} of ${n} written)`);
    for (const f of written) assertCompleteAnnotation(path.join(dir, f), path.join(dir, f.replace(/\.yaml$/, '.txt')));
    assert.ok(fs.existsSync(path.join(dir, articlePath(0))));
  }
});
