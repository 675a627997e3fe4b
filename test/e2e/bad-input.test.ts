/**
 * Issue 3, "Bad input and safety": each case spawns the real CLI on a throw-away folder and
 * checks what a user sees: the exit status, one `path: what went wrong` line naming the file,
 * no stack trace, no hang, the other files still annotated and no source touched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assertNoCrash, assertOneErrorLine, listFiles, removeDir, run, snapshot, start, tempDir, writeTree,
  type RunResult,
} from '../helpers/cli.js';
import { assertCompleteAnnotation, assertOffsetsSlice, contentOf, loadAnnotation } from '../helpers/annotation.js';

const GOOD = 'Merkel visits Paris\n\nAngela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the European Commission agreed.\n';

/** A folder with good.txt plus the given files; removed after the test. */
function corpus(t: { after: (fn: () => void) => void }, files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  writeTree(dir, { 'good.txt': GOOD, ...files });
  return dir;
}

/** Sources (everything but annotations) are byte-for-byte what they were. */
function assertSourcesKept(before: Map<string, Buffer>, dir: string): void {
  const after = snapshot(dir, (rel) => !rel.endsWith('.yaml'));
  for (const [rel, bytes] of before) {
    if (rel.endsWith('.yaml')) continue;
    assert.ok(after.get(rel)?.equals(bytes), `${rel} was changed or lost`);
  }
}

/**
 * The common shape of a rejected file: exit 2, exactly one error line naming it, no annotation
 * for it, good.txt annotated anyway, sources untouched.
 */
async function expectRejected(dir: string, badName: string, args: string[] = [], timeoutMs = 30_000): Promise<RunResult> {
  const before = snapshot(dir);
  const r = await run(['.', ...args], { cwd: dir, timeoutMs });
  assertNoCrash(r, badName);
  assert.equal(r.code, 2, `exit status for ${badName}\nstderr: ${r.stderr}`);
  assertOneErrorLine(r, badName);
  const stem = badName.replace(/\.[^.]*$/, '');
  assert.equal(fs.existsSync(path.join(dir, `${stem}.yaml`)), false, `no annotation should be written for ${badName}`);
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assertSourcesKept(before, dir);
  assert.equal(r.stdout, '', 'data only on stdout, and there is none when writing files');
  return r;
}

test('binary file: one error line, the other files annotated, exit 2', async (t) => {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from('IHDR some bytes after the header'),
    Buffer.alloc(64, 0),
  ]);
  const dir = corpus(t, { 'image.txt': png });
  const r = await expectRejected(dir, 'image.txt');
  assert.match(r.stderr, /binary/i);
});

test('invalid UTF-8: one error line naming the file, exit 2', async (t) => {
  // Latin-1 "café" and a stray continuation byte: valid in no UTF-8 reading.
  const latin1 = Buffer.concat([Buffer.from('Le caf'), Buffer.from([0xe9]), Buffer.from(' de Paris, Angela Merkel.\n'), Buffer.from([0x80, 0x41])]);
  const dir = corpus(t, { 'latin1.txt': latin1 });
  const r = await expectRejected(dir, 'latin1.txt');
  assert.match(r.stderr, /UTF-8/i);
});

test('empty and whitespace-only files: one error line each, exit 2', async (t) => {
  const dir = corpus(t, { 'empty.txt': '', 'blank.txt': ' \n\n\t\n' });
  const before = snapshot(dir);
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'empty.txt');
  assertOneErrorLine(r, 'blank.txt');
  assert.equal(fs.existsSync(path.join(dir, 'empty.yaml')), false);
  assert.equal(fs.existsSync(path.join(dir, 'blank.yaml')), false);
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assertSourcesKept(before, dir);
});

test('UTF-8 with BOM: offsets count from after the BOM, same entities as without it', async (t) => {
  const dir = corpus(t, { 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]) });
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 0, r.stderr);
  const bom = assertCompleteAnnotation(path.join(dir, 'bom.yaml'), path.join(dir, 'bom.txt'));
  const plain = assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assert.ok(assertOffsetsSlice(bom, GOOD, 'bom.yaml') > 0, 'the BOM file should have mentions');
  for (const k of ['document', 'people', 'organizations', 'places', 'dates'] as const) {
    assert.deepEqual(bom[k], plain[k], `${k} should not depend on the BOM`);
  }
  assert.doesNotMatch(bom.document.title ?? '', /\uFEFF/, 'the title must not carry the BOM');
});

test('CRLF line endings: offsets as in the file, same entities as with LF', async (t) => {
  const lf = `${GOOD}\nThe Bank of England said on 13 September 2016 that Kassim left London.\n`;
  const crlf = lf.replace(/\n/g, '\r\n');
  const dir = corpus(t, { 'lf.txt': lf, 'crlf.txt': crlf });
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 0, r.stderr);
  const a = assertCompleteAnnotation(path.join(dir, 'lf.yaml'), path.join(dir, 'lf.txt'));
  const b = assertCompleteAnnotation(path.join(dir, 'crlf.yaml'), path.join(dir, 'crlf.txt'));
  assert.ok(assertOffsetsSlice(b, crlf, 'crlf.yaml') > 0, 'the CRLF file should have mentions');
  assert.deepEqual(contentOf(b), contentOf(a), 'CRLF should find what LF finds');
  // Each CRLF offset is the LF offset plus the number of line breaks before it.
  const shift = (n: number): number => n + (lf.slice(0, n).match(/\n/g)?.length ?? 0); // GOOD is ASCII: code units = code points
  for (const k of ['people', 'organizations', 'places', 'dates'] as const) {
    a[k].forEach((g, i) => g.mentions.forEach((m, j) => {
      const n = b[k][i]!.mentions[j]!;
      assert.deepEqual([n.start, n.end], [shift(m.start), shift(m.end)], `${k} ${m.text}`);
    }));
  }
  assert.doesNotMatch(b.document.title ?? '', /\r/, 'the title must not keep the carriage return');
  assert.equal(b.document.title, a.document.title);
});

test('astral characters (emoji) before names: code-point offsets slice each name exactly', async (t) => {
  const text = '🎉🎉 Big day 👩‍👩‍👧\n\n😀 Angela Merkel met 𝐓𝐡𝐞 Emmanuel Macron in 🇫🇷 Paris on Monday. 🎉 Merkel left for Berlin.\n';
  const dir = corpus(t, { 'emoji.txt': text });
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 0, r.stderr);
  const ann = assertCompleteAnnotation(path.join(dir, 'emoji.yaml'), path.join(dir, 'emoji.txt'));
  const cps = [...text];
  const found: string[] = [];
  for (const k of ['people', 'organizations', 'places'] as const) {
    for (const g of ann[k]) for (const m of g.mentions) {
      assert.equal(cps.slice(m.start, m.end).join(''), m.text);
      found.push(m.text);
    }
  }
  // Names found after astral characters prove the offsets are code points, not UTF-16 units.
  assert.ok(found.some((f) => /Merkel|Macron|Paris|Berlin/.test(f)), `expected names after the emoji, found ${JSON.stringify(found)}`);
  const merkel = ann.people.flatMap((g) => g.mentions).find((m) => m.text.includes('Merkel'));
  if (merkel) assert.equal(merkel.start, cps.indexOf('A', cps.indexOf('😀')), 'Angela Merkel starts right after "😀 "');
});

test('a 20 MB file: the size-limit error naming the file and the option, fast, exit 2', { timeout: 60_000 }, async (t) => {
  const line = 'Angela Merkel met Emmanuel Macron in Paris on Monday to talk about the budget.\n';
  const big = Buffer.from(line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
  const dir = corpus(t, { 'huge.txt': big });
  const r = await expectRejected(dir, 'huge.txt', [], 20_000);
  assert.match(assertOneErrorLine(r, 'huge.txt'), /--max-size/, 'the error should say how to raise the limit');
});

test('a symlink loop: reported, no hang, every real file annotated once, exit 2', async (t) => {
  const dir = corpus(t, { 'sub/story.txt': GOOD });
  fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
  fs.symlinkSync('self.txt', path.join(dir, 'self.txt'));
  const r = await run(['.'], { cwd: dir, timeoutMs: 20_000 });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assert.ok(r.stderr.split('\n').some((l) => l.includes('self.txt') && /loop/i.test(l)), `self.txt loop not reported:\n${r.stderr}`);
  assert.ok(r.stderr.split('\n').some((l) => l.includes(`sub${path.sep}up`) && /loop/i.test(l)), `sub/up loop not reported:\n${r.stderr}`);
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assertCompleteAnnotation(path.join(dir, 'sub', 'story.yaml'), path.join(dir, 'sub', 'story.txt'));
  // No annotation written through the loop (sub/up/sub/story.yaml would be the same file anyway).
  assert.deepEqual(listFiles(dir).filter((f) => !fs.lstatSync(path.join(dir, f)).isSymbolicLink()),
    ['good.txt', 'good.yaml', 'sub/story.txt', 'sub/story.yaml']);
});

test('a story.yaml that annotate did not write: left byte-for-byte, reported, exit 2', async (t) => {
  const foreign = 'title: my own notes\ntags: [no, yes]\n';
  const dir = corpus(t, { 'story.txt': GOOD, 'story.yaml': foreign });
  const before = snapshot(dir);
  const r = await run(['.'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'story.yaml');
  assert.equal(fs.readFileSync(path.join(dir, 'story.yaml'), 'utf8'), foreign, 'story.yaml must not change');
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
  assertSourcesKept(before, dir);
  // --force must not overwrite it either.
  const f = await run(['.', '--force'], { cwd: dir });
  assertNoCrash(f);
  assert.equal(f.code, 2, f.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'story.yaml'), 'utf8'), foreign, 'story.yaml must not change with --force');
  // --check reports it too rather than calling the corpus fine.
  const c = await run(['.', '--check'], { cwd: dir });
  assertNoCrash(c);
  assert.notEqual(c.code, 0, c.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'story.yaml'), 'utf8'), foreign);
});

test('two files mapping to the same annotation: one is written, the other reported, exit 2', async (t) => {
  const dir = corpus(t, { 'story.txt': GOOD, 'story.md': 'Markdown about Berlin and Angela Merkel.\n' });
  const before = snapshot(dir);
  const r = await run(['.', '--glob', '**/*.{txt,md}'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'story.yaml');
  const ann = loadAnnotation(path.join(dir, 'story.yaml'));
  assert.ok(['story.txt', 'story.md'].includes(ann.source), `story.yaml source ${ann.source}`);
  assertCompleteAnnotation(path.join(dir, 'story.yaml'), path.join(dir, ann.source));
  assertSourcesKept(before, dir);
  // Output identical on a re-run: the same one wins every time.
  const again = await run(['.', '--glob', '**/*.{txt,md}'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.equal(loadAnnotation(path.join(dir, 'story.yaml')).source, ann.source);
});

test('two inputs mapping to the same file under --out-dir: reported, exit 2, nothing lost', async (t) => {
  const dir = corpus(t, { 'a/story.txt': GOOD, 'b/story.txt': 'Berlin, 3 May 2010\n\nOlaf Scholz spoke in Berlin.\n' });
  const r = await run(['--out-dir', 'out', 'a/story.txt', 'b/story.txt'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(linesOf(r.stderr).filter((l) => l.includes('story.yaml')).length, 1, r.stderr);
  const ann = loadAnnotation(path.join(dir, 'out', 'story.yaml'));
  assertCompleteAnnotation(path.join(dir, 'out', 'story.yaml'), path.resolve(dir, 'out', ann.source));
  assert.equal(fs.existsSync(path.join(dir, 'a', 'story.yaml')), false, '--out-dir writes nothing next to sources');
});

test('--out-dir inside the corpus: outputs mirrored there, never read back as inputs', async (t) => {
  const dir = corpus(t, { 'sub/b.txt': 'Berlin, 3 May 2010\n\nOlaf Scholz spoke in Berlin.\n' });
  const r = await run(['.', '--out-dir', 'ann'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 0, r.stderr);
  assertCompleteAnnotation(path.join(dir, 'ann', 'good.yaml'), path.join(dir, 'good.txt'));
  assertCompleteAnnotation(path.join(dir, 'ann', 'sub', 'b.yaml'), path.join(dir, 'sub', 'b.txt'));
  // A .txt that lands in the out dir (someone's notes) is not taken as input either.
  fs.writeFileSync(path.join(dir, 'ann', 'notes.txt'), 'Notes about Paris.\n');
  const before = snapshot(dir);
  const again = await run(['.', '--out-dir', 'ann'], { cwd: dir });
  assertNoCrash(again);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(listFiles(dir), ['ann/good.yaml', 'ann/notes.txt', 'ann/sub/b.yaml', 'good.txt', 'sub/b.txt']);
  const after = snapshot(dir);
  for (const [k, v] of before) assert.ok(after.get(k)?.equals(v), `${k} changed on the re-run`);
});

test('a path that does not exist: one error line naming it, the rest annotated, exit 2', async (t) => {
  const dir = corpus(t, {});
  const r = await run(['good.txt', 'missing.txt'], { cwd: dir });
  assertNoCrash(r);
  assert.equal(r.code, 2, r.stderr);
  assertOneErrorLine(r, 'missing.txt');
  assertCompleteAnnotation(path.join(dir, 'good.yaml'), path.join(dir, 'good.txt'));
});

function linesOf(s: string): string[] {
  return s.split(/\r?\n/).filter(Boolean);
}

test('stdin: text gives the same annotation as the file; binary gives one error line for -', async (t) => {
  const dir = corpus(t, {});
  const file = await run(['good.txt', '--stdout'], { cwd: dir });
  const piped = await run(['-'], { cwd: dir, input: GOOD });
  assertNoCrash(piped);
  assert.equal(piped.code, 0, piped.stderr);
  const strip = (y: string): string => y.replace(/^(source|checksum|digest): .*$/gm, '');
  assert.equal(strip(piped.stdout), strip(file.stdout), 'stdin and file annotations differ beyond source');
  const bin = await run(['-'], { cwd: dir, input: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) });
  assertNoCrash(bin);
  assert.equal(bin.code, 2, bin.stderr);
  assert.equal(bin.stdout, '');
  assert.match(assertOneErrorLine(bin, '-'), /^-: .*binary/);
});

test('stdout closed early (| head -1): no crash, no hang', async (t) => {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  const files: Record<string, string> = {};
  for (let i = 0; i < 30; i++) files[`s${String(i).padStart(2, '0')}.txt`] = `${GOOD}\nStory number ${i}.\n`;
  writeTree(dir, files);
  for (const jobs of ['1', '2']) await closeEarly(dir, jobs);
});

/** Read the first chunk of jsonl, then close our end like `head -1`; the CLI must end quietly. */
async function closeEarly(dir: string, jobs: string): Promise<void> {
  const child = start(['.', '--format', 'jsonl', '--jobs', jobs], { cwd: dir });
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => { err += s; });
  const end = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  // Read the first line, then close our end like `head -1` does.
  await new Promise<void>((resolve) => {
    child.stdout!.once('data', () => { child.stdout!.destroy(); resolve(); });
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const { code, signal } = await end;
  clearTimeout(timer);
  assertNoCrash({ code, signal, stdout: '', stderr: err, timedOut: signal === 'SIGKILL' }, `closed stdout, --jobs ${jobs}`);
  assert.equal(code, 0, `--jobs ${jobs}: a reader that stops early is not an error (exit ${code}): ${err}`);
}
