/**
 * main(argv, io) in-process: options, exit codes, conflicts, incremental runs, --check, outputs.
 * (The spawned binary and the heavy bad-input matrix are covered by test/e2e.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { ARTICLE, corpus, failingFs, run, tempDir } from './harness.js';
import { withDigest } from '../../src/serialize/digest.js';

const ESC = '\u001b[';

test('usage errors exit 2 with one line, before any work', async (t) => {
  const cases: [string[], RegExp][] = [
    [['--check', '--stdout'], /^error: Cannot use --check and --stdout together\.\n$/],
    [['--check', '--format', 'jsonl'], /^error: Cannot use --check and --format jsonl together\.\n$/],
    [['--check', '--force'], /^error: Cannot use --check and --force together\.\n$/],
    [['--check', '-'], /^error: Cannot use --check and - \(stdin\) together\.\n$/],
    [['--out-dir', 'x', '--stdout'], /^error: Cannot use --out-dir and --stdout together\.\n$/],
    [['--out-dir', 'x', '--format', 'jsonl'], /^error: Cannot use --out-dir and --format jsonl together\.\n$/],
    [['-', 'a.txt'], /^error: Cannot use - \(stdin\) and other paths together\.\n$/],
    [['--jobs', '0'], /^error: --jobs must be a whole number of at least 1, got "0"\.\n$/],
    [['--jobs', 'two'], /^error: --jobs must be/],
    [['--reference-date', '2016-02-30'], /^error: --reference-date must be a real date written YYYY-MM-DD, got "2016-02-30"\.\n$/],
    [['--reference-date', '13/09/2016'], /^error: --reference-date must be/],
    [['--max-size', '-1'], /^error: --max-size must be/],
    [['--out-dir', ''], /^error: --out-dir must name a folder, got "" \(use --out-dir \. for the working folder\)\.\n$/],
    [['show', '--out-dir', '', 'a.txt'], /^error: --out-dir must name a folder/],
    [['--glob', ''], /^error: --glob must be a pattern relative to each folder given \(like \*\*\/\*\.txt\), not empty, got ""\.\n$/],
    [['--glob', '../sibling/*.txt'], /^error: --glob must be a pattern relative to each folder given \(like \*\*\/\*\.txt\), without \.\. \(it cannot leave the folder\), got "\.\.\/sibling\/\*\.txt"\.\n$/],
    [['--glob', 'a/../../*.txt'], /^error: --glob must be .*without \.\./],
    [['--glob', '/etc/*.txt'], /^error: --glob must be .*not an absolute path/],
    [['--format', 'xml'], /^error: option '--format <format>' argument 'xml' is invalid/],
    [['--bogus'], /^error: unknown option '--bogus'/],
    [['show'], /^error: missing required argument 'file'/],
  ];
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    for (const [argv, expected] of cases) {
      await t.test(argv.join(' '), async () => {
        const r = await run(argv, { cwd: dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, expected);
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
        assert.equal(r.stdout, '');
      });
    }
    assert.ok(!existsSync(path.join(dir, 'a.yaml')), 'no work was done');
  } finally {
    cleanup();
  }
});

test('--help and --version exit 0 on stdout', async () => {
  const help = await run(['--help'], { cwd: '/' });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--reference-date/);
  assert.match(help.stdout, /annotate show/);
  const version = await run(['--version'], { cwd: '/' });
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  const showHelp = await run(['show', '--help'], { cwd: '/' });
  assert.equal(showHelp.code, 0);
  assert.match(showHelp.stdout, /\[Paris\]\{place\}/);
});

test('annotates a folder, then skips fresh files, --force redoes without rewriting equal bytes', async () => {
  const { dir, cleanup } = corpus({ 'a/story.txt': ARTICLE, 'b.txt': 'Angela Merkel spoke in Berlin.\n' });
  try {
    const first = await run(['.'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /2 files: 2 written/);
    const yamlPath = path.join(dir, 'a/story.yaml');
    const doc = parse(readFileSync(yamlPath, 'utf8'));
    assert.equal(doc.schema, 'annotate/1');
    assert.equal(doc.source, 'story.txt');
    assert.deepEqual(Object.keys(doc), ['schema', 'source', 'checksum', 'generator', 'digest', 'document', 'people', 'organizations', 'places', 'dates', 'furniture']);
    const mtime = statSync(yamlPath).mtimeMs;

    const second = await run([], { cwd: dir });
    assert.equal(second.code, 0);
    assert.match(second.stderr, /0 written, 0 unchanged, 2 skipped \(up to date\).*nothing written/);

    const forced = await run(['--force', '.'], { cwd: dir });
    assert.equal(forced.code, 0);
    assert.match(forced.stderr, /0 written, 2 unchanged/);
    assert.equal(statSync(yamlPath).mtimeMs, mtime, 'equal bytes are not rewritten');

    writeFileSync(path.join(dir, 'b.txt'), 'Angela Merkel spoke in Hamburg.\n');
    const third = await run(['.'], { cwd: dir });
    assert.match(third.stderr, /1 written, 0 unchanged, 1 skipped/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
  } finally {
    cleanup();
  }
});

test('--check lists missing and stale annotations and exits 1, writing nothing', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'b.txt': 'Angela Merkel spoke in Berlin.\n' });
  try {
    const missing = await run(['--check', '.'], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^a\.txt: annotation a\.yaml is missing; run annotate on it$/m);
    assert.match(missing.stderr, /^b\.txt: annotation b\.yaml is missing/m);
    assert.ok(!existsSync(path.join(dir, 'a.yaml')));

    assert.equal((await run(['.'], { cwd: dir })).code, 0);
    const clean = await run(['--check', '.'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stderr, /2 files checked, all annotations up to date/);

    writeFileSync(path.join(dir, 'b.txt'), 'Angela Merkel spoke in Hamburg.\n');
    const stale = await run(['--check', '--quiet', '.'], { cwd: dir });
    assert.equal(stale.code, 1);
    assert.equal(stale.stderr, 'b.txt: annotation b.yaml is out of date; run annotate on it\n');

    // Options are part of freshness.
    const other = await run(['--check', '--reference-date', '2016-09-13', 'a.txt'], { cwd: dir });
    assert.equal(other.code, 1);
    assert.match(other.stderr, /a\.yaml is out of date/);
  } finally {
    cleanup();
  }
});

test('a file annotate did not write is never overwritten', async () => {
  const foreign = 'title: my own notes\n';
  const { dir, cleanup } = corpus({ 'story.txt': ARTICLE, 'story.yaml': foreign, 'other.txt': 'Paris is in France.\n' });
  try {
    for (const argv of [['.'], ['--force', '.'], ['--check', '.']]) {
      const r = await run(argv, { cwd: dir });
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^story\.txt: story\.yaml exists and was not written by annotate \(no "schema: annotate\/" key\); move it away or use --out-dir$/m);
      assert.equal(readFileSync(path.join(dir, 'story.yaml'), 'utf8'), foreign);
    }
    assert.ok(existsSync(path.join(dir, 'other.yaml')), 'the other file is still annotated');
  } finally {
    cleanup();
  }
});

test('--stdout, --format json and jsonl carry the same record; - reads stdin', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'b.txt': 'Angela Merkel spoke in Berlin.\n' });
  try {
    const yaml = await run(['--stdout', '.'], { cwd: dir });
    assert.equal(yaml.code, 0);
    const docs = yaml.stdout.split(/^---\n/m).map((d) => parse(d));
    assert.equal(docs.length, 2);
    const jsonl = await run(['--format', 'jsonl', '.'], { cwd: dir });
    const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines, docs);
    assert.ok(!existsSync(path.join(dir, 'a.yaml')), '--stdout writes no file');

    const json = await run(['--format', 'json', '.'], { cwd: dir });
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')), docs[0]);

    const stdin = await run(['-'], { cwd: dir, stdin: ARTICLE });
    assert.equal(stdin.code, 0, stdin.stderr);
    const fromStdin = parse(stdin.stdout);
    assert.equal(fromStdin.source, '-');
    assert.deepEqual(fromStdin.people, docs[0].people);

    const empty = await run(['-'], { cwd: dir, stdin: '' });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^-: file is empty/);
  } finally {
    cleanup();
  }
});

test('offsets count code points: emoji before a name, BOM not counted, CRLF kept', async () => {
  const text = '😀🎉 Angela Merkel met Emmanuel Macron in Berlin.\r\nLater, Merkel flew to Paris.\r\n';
  const { dir, cleanup } = corpus({ 'e.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
  try {
    const r = await run(['--stdout', 'e.txt'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const doc = parse(r.stdout);
    const points = [...text];
    let n = 0;
    for (const list of [doc.people, doc.organizations, doc.places, doc.dates]) {
      for (const entity of list) {
        for (const m of entity.mentions) {
          assert.equal(points.slice(m.start, m.end).join(''), m.text);
          n++;
        }
      }
    }
    assert.ok(n > 0, 'some mention was found');
  } finally {
    cleanup();
  }
});

test('bad inputs fail one line each and the others are still annotated', async () => {
  const { dir, cleanup } = corpus({
    'ok.txt': ARTICLE,
    'bin.txt': Buffer.from([0x41, 0x00, 0x42]),
    'latin.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'empty.txt': '',
    'big.txt': 'x'.repeat(1024 * 1024 + 1),
    'locked.txt': ARTICLE,
    'sub/deep.txt': ARTICLE,
    'closed/hidden.txt': ARTICLE,
  });
  try {
    const fs = failingFs({
      read: (p) => (p.endsWith('locked.txt') ? 'EACCES' : undefined),
      list: (p) => (p.endsWith('closed') ? 'EACCES' : undefined),
    });
    const r = await run(['--max-size', '1', '.', 'missing.txt'], { cwd: dir, fs });
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    const errors = lines.slice(0, -1);
    assert.deepEqual(
      errors.map((l) => l.slice(0, l.indexOf(': '))),
      ['closed', 'missing.txt', 'big.txt', 'bin.txt', 'empty.txt', 'latin.txt', 'locked.txt'],
    );
    assert.match(r.stderr, /^big\.txt: file is \d+ bytes, over the 1048576-byte limit; raise it with --max-size 2 or split the file$/m);
    assert.match(r.stderr, /^closed: cannot list this folder \(EACCES\); check its permissions$/m);
    assert.match(r.stderr, /^locked\.txt: permission denied/m);
    assert.match(r.stderr, /^latin\.txt: is not valid UTF-8 \(bad byte at offset 3\)/m);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(existsSync(path.join(dir, 'ok.yaml')));
    assert.ok(existsSync(path.join(dir, 'sub/deep.yaml')));
    assert.ok(!existsSync(path.join(dir, 'bin.yaml')));
  } finally {
    cleanup();
  }
});

test('a failed write leaves the old annotation whole and exits 2', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    assert.equal((await run(['a.txt'], { cwd: dir })).code, 0);
    const before = readFileSync(path.join(dir, 'a.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'a.txt'), `${ARTICLE}More text.\n`);
    const fs = failingFs({ write: () => 'ENOSPC' });
    const r = await run(['a.txt'], { cwd: dir, fs });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^a\.txt: cannot write a\.yaml \(ENOSPC\)/m);
    assert.equal(readFileSync(path.join(dir, 'a.yaml'), 'utf8'), before);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.yaml']);
  } finally {
    cleanup();
  }
});

test('a first run into a new --out-dir reads no annotation headers; a re-run reads them all', async () => {
  const { dir, cleanup } = corpus({ 'r/a.txt': ARTICLE, 'r/b.txt': ARTICLE, 'r/s/c.txt': ARTICLE });
  try {
    const counting = (): { heads: string[]; fs: ReturnType<typeof failingFs> } => {
      const heads: string[] = [];
      const fs = failingFs({});
      const readHead = fs.readHead.bind(fs);
      fs.readHead = (p, bytes) => {
        heads.push(path.relative(dir, p));
        return readHead(p, bytes);
      };
      return { heads, fs };
    };
    const first = counting();
    assert.equal((await run(['r', '--out-dir', 'out'], { cwd: dir, fs: first.fs })).code, 0);
    assert.deepEqual(first.heads, []);
    assert.ok(existsSync(path.join(dir, 'out/a.yaml')) && existsSync(path.join(dir, 'out/s/c.yaml')));
    const again = counting();
    const r = await run(['r', '--out-dir', 'out'], { cwd: dir, fs: again.fs });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /3 skipped \(up to date\)/);
    assert.deepEqual(again.heads.sort(), ['out/a.yaml', 'out/b.yaml', 'out/s/c.yaml']);
  } finally {
    cleanup();
  }
});

test('--out-dir mirrors the tree; two inputs with one output: the first wins', async () => {
  const { dir, cleanup } = corpus({ 'r1/x.txt': ARTICLE, 'r1/sub/y.txt': ARTICLE, 'r2/x.txt': 'Paris.\n' });
  try {
    const r = await run(['r1', 'r2', '--out-dir', 'out'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^r2\/x\.txt: its annotation out\/x\.yaml would also be written for r1\/x\.txt/m);
    assert.ok(existsSync(path.join(dir, 'out/sub/y.yaml')));
    assert.equal(parse(readFileSync(path.join(dir, 'out/x.yaml'), 'utf8')).source, '../r1/x.txt');
  } finally {
    cleanup();
  }
});

test('--out-dir inside the corpus: outputs are never read as inputs', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    assert.equal((await run(['--glob', '**/*', '--out-dir', 'ann', '.'], { cwd: dir })).code, 0);
    const again = await run(['--glob', '**/*', '--out-dir', 'ann', '.'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /1 file: 0 written, 0 unchanged, 1 skipped/);
    assert.deepEqual(readdirSync(path.join(dir, 'ann')), ['a.yaml']);
  } finally {
    cleanup();
  }
});

test('hidden folders and node_modules are skipped; files are visited in code-unit order', async () => {
  const { dir, cleanup } = corpus({
    'b.txt': 'x Paris.\n',
    'B.txt': 'x Paris.\n',
    'é.txt': 'x Paris.\n',
    'a/z.txt': 'x Paris.\n',
    '.git/x.txt': 'x Paris.\n',
    'node_modules/p/x.txt': 'x Paris.\n',
  });
  try {
    const r = await run(['--format', 'jsonl', '.'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const sources = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source);
    assert.deepEqual(sources, ['B.txt', 'a/z.txt', 'b.txt', 'é.txt']);
  } finally {
    cleanup();
  }
});

test('show marks mentions as [text]{type} without colour, from the annotation when fresh', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    const off = await run(['show', '--no-color', 'a.txt'], { cwd: dir, stdoutIsTTY: true });
    assert.equal(off.code, 0, off.stderr);
    assert.ok(!off.stdout.includes(ESC));
    assert.match(off.stdout, /^legend: /);
    assert.match(off.stdout, /\[[^\]]+\]\{(person|organization|place|date)\}/);
    assert.equal(off.stdout.replace(/^legend: .*\n\n/, '').replace(/\[([^\]]*)\]\{[a-z, ]+\}/g, '$1'), ARTICLE);

    // NO_COLOR wins over a terminal; FORCE_COLOR turns it on in a pipe.
    const noColor = await run(['show', 'a.txt'], { cwd: dir, env: { NO_COLOR: '1' }, stdoutIsTTY: true });
    assert.ok(!noColor.stdout.includes(ESC));
    const forced = await run(['show', 'a.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.ok(forced.stdout.includes(ESC));

    // From the annotation file when it is fresh: the same marks.
    assert.equal((await run(['a.txt'], { cwd: dir })).code, 0);
    const fromFile = await run(['show', '--no-color', 'a.txt'], { cwd: dir });
    assert.equal(fromFile.stdout, off.stdout);
    // Proof that it reads the file: a fresh annotation with other entities (and its own digest) is what is shown.
    const yamlPath = path.join(dir, 'a.yaml');
    const doc = parse(readFileSync(yamlPath, 'utf8'));
    delete doc.digest;
    Object.assign(doc, { people: [], organizations: [], dates: [], places: [{ name: 'Barack', mentions: [{ start: 0, end: 6, text: 'Barack' }] }] });
    writeFileSync(yamlPath, withDigest(doc).yaml);
    const edited = await run(['show', '--no-color', 'a.txt'], { cwd: dir });
    assert.equal(edited.stdout.split('\n')[2], '[Barack]{place} Obama visited Paris in November.');
    // A hand edit (the digest no longer matches) is not trusted: the article is annotated again.
    writeFileSync(yamlPath, stringify(doc));
    const handEdited = await run(['show', '--no-color', 'a.txt'], { cwd: dir });
    assert.equal(handEdited.stdout, off.stdout);

    const missing = await run(['show', 'nope.txt'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'nope.txt: no such file or folder; check the path\n');

    mkdirSync(path.join(dir, 'sub'));
    for (const folder of ['.', 'sub']) {
      const r = await run(['show', folder], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `error: show takes one .txt file; ${folder} is a folder\n`);
    }
  } finally {
    cleanup();
  }
});

test('--jobs 1 and --jobs 2 give byte-identical output', async () => {
  const files: Record<string, string> = {};
  const names = ['Barack Obama', 'Angela Merkel', 'Vladimir Putin', 'Theresa May', 'Emmanuel Macron'];
  for (let i = 0; i < 12; i++) {
    files[`d${String(i).padStart(2, '0')}.txt`] = `${names[i % 5]} visited Paris on 13 September 2016.\n${names[(i + 2) % 5]} stayed in London with the BBC.\n`;
  }
  const { dir, cleanup } = corpus(files);
  try {
    const one = await run(['--jobs', '1', '--stdout', '.'], { cwd: dir });
    const two = await run(['--jobs', '2', '--stdout', '.'], { cwd: dir });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(one.stdout.split(/^---$/m).length, 12);
  } finally {
    cleanup();
  }
});

test('summary on stderr, data on stdout; --quiet prints errors only', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'bad.txt': '' });
  try {
    const r = await run(['--quiet', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'bad.txt: file is empty (no text to annotate); add text or leave it out\n');
    const loud = await run(['--force', '.'], { cwd: dir });
    assert.match(loud.stderr.trimEnd().split('\n').at(-1)!, /^annotate: 2 files: 0 written, 1 unchanged, 0 skipped \(up to date\), 1 failed; \d+ (person|people), \d+ organizations?, \d+ places?, \d+ dates?; [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\)$/);
  } finally {
    cleanup();
  }
});

test('a wide --glob never takes our own annotations for inputs', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'notes.yaml': 'title: mine\n' });
  try {
    assert.equal((await run(['a.txt'], { cwd: dir })).code, 0);
    const r = await run(['--glob', '**/*', '.'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr.split('\n')[0], 'notes.yaml: its annotation would overwrite the input itself (notes.yaml); pick .txt files with --glob');
    assert.match(r.stderr, /annotate: 2 files: 0 written, 0 unchanged, 1 skipped \(up to date\), 1 failed/);
    assert.equal(readFileSync(path.join(dir, 'notes.yaml'), 'utf8'), 'title: mine\n');
  } finally {
    cleanup();
  }
});

test('--out-dir naming the corpus itself writes next to each file', async () => {
  const { dir, cleanup } = corpus({ 'a/x.txt': ARTICLE });
  try {
    const r = await run(['--out-dir', 'a', 'a'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(path.join(dir, 'a/x.yaml')));
    assert.match((await run(['a'], { cwd: dir })).stderr, /1 skipped/);
  } finally {
    cleanup();
  }
});

test('the summary counts path problems apart from files: never more failed than files', async () => {
  const { dir, cleanup } = corpus({ 'c/a.txt': ARTICLE, 'c/bad.txt': '', 'empty/notes.md': 'x\n' });
  try {
    symlinkSync('.', path.join(dir, 'c/loop'));
    const r = await run(['c', 'missing', 'gone.txt', 'empty'], { cwd: dir });
    assert.equal(r.code, 2);
    const summary = r.stderr.trimEnd().split('\n').at(-1)!;
    assert.match(summary, /^annotate: 2 files: 1 written, 0 unchanged, 0 skipped \(up to date\), 1 failed; 3 paths could not be searched, 1 folder had no matching files; /);
    const check = await run(['--check', 'c', 'missing'], { cwd: dir });
    assert.equal(check.code, 2);
    assert.equal(check.stderr.trimEnd().split('\n').at(-1), 'annotate: 2 files checked, all annotations up to date, 1 failed; 2 paths could not be searched');
  } finally {
    cleanup();
  }
});

test('printed records name their source relative to the working folder, so equal base names differ', async () => {
  const { dir, cleanup } = corpus({ 'a/s.txt': ARTICLE, 'b/s.txt': ARTICLE });
  try {
    const jsonl = await run(['--format', 'jsonl', '.'], { cwd: dir });
    assert.equal(jsonl.code, 0, jsonl.stderr);
    assert.deepEqual(jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).source), ['a/s.txt', 'b/s.txt']);
    // From a sub-folder, with an absolute path too: still relative to where the user is.
    const yaml = await run(['--stdout', '../b/s.txt', path.join(dir, 'a/s.txt')], { cwd: path.join(dir, 'a') });
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.deepEqual(yaml.stdout.split(/^---$/m).map((d) => parse(d).source), ['../b/s.txt', 's.txt']);
    // Written files keep source relative to the annotation file.
    assert.equal((await run(['.'], { cwd: dir })).code, 0);
    assert.equal(parse(readFileSync(path.join(dir, 'a/s.yaml'), 'utf8')).source, 's.txt');
  } finally {
    cleanup();
  }
});

test('an --out-dir that is a file, or below one, is one usage error before any work', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'good.txt': ARTICLE });
  try {
    const file = await run(['--out-dir', 'good.txt', '.'], { cwd: dir });
    assert.equal(file.code, 2);
    assert.equal(file.stderr, 'error: --out-dir good.txt is a file, not a folder; give a folder (it is created when missing).\n');
    const below = await run(['--out-dir', 'good.txt/ann', '.'], { cwd: dir });
    assert.equal(below.code, 2);
    assert.equal(below.stderr, 'error: --out-dir good.txt/ann is below a file, not a folder; give a folder (it is created when missing).\n');
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'good.txt'], 'nothing written');
    // A missing one is still created.
    assert.equal((await run(['--out-dir', 'new/ann', '.'], { cwd: dir })).code, 0);
    assert.ok(existsSync(path.join(dir, 'new/ann/a.yaml')));
  } finally {
    cleanup();
  }
});

test('a run removes the temporary files a killed run left in the folders it writes into', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'sub/b.txt': ARTICLE, '.a.yaml.999-0.tmp': 'half', 'sub/.b.yaml.777-4.tmp': 'half', '.c.yaml.999-0.tmp': 'x' });
  try {
    const r = await run(['.'], { cwd: dir, processAlive: (pid) => pid === 777 });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.yaml', 'sub'], 'any annotation of the folder: c.yaml is not written, its temp file goes too');
    assert.deepEqual(readdirSync(path.join(dir, 'sub')).sort(), ['.b.yaml.777-4.tmp', 'b.txt', 'b.yaml'], 'a live process keeps its temp file');
    // A leftover next to an annotation that is up to date goes on the next run; --check writes, and removes, nothing.
    writeFileSync(path.join(dir, '.a.yaml.999-1a2b.tmp'), 'half');
    assert.equal((await run(['--check', '.'], { cwd: dir })).code, 0);
    assert.ok(existsSync(path.join(dir, '.a.yaml.999-1a2b.tmp')));
    const again = await run(['.'], { cwd: dir, processAlive: (pid) => pid === 777 });
    assert.match(again.stderr, /2 skipped/);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'a.yaml', 'sub']);
  } finally {
    cleanup();
  }
});
