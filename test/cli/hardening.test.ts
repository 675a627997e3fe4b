/** main(argv, io) against a hostile or careless corpus: links, names, stray files, odd options. */
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { nodeFs, type FsAdapter } from '../../src/fs/adapter.js';
import { ARTICLE, corpus, run, tempDir } from './harness.js';

test('links out of the paths given are skipped with a warning: nothing read or written outside', async () => {
  const { dir, cleanup } = corpus({ 'corpus/a.txt': ARTICLE, 'corpus/sub/b.txt': ARTICLE, 'outside/c.txt': ARTICLE, 'outside/secret.txt': 'TOP SECRET LINE\nmore\n' });
  try {
    symlinkSync('../outside', path.join(dir, 'corpus/out'));
    symlinkSync('../outside/secret.txt', path.join(dir, 'corpus/secret.txt'));
    symlinkSync('sub', path.join(dir, 'corpus/inside'));
    const r = await run(['corpus'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split('\n');
    assert.ok(lines.includes('corpus/out: skipped: a symbolic link that leads out of the paths given; give its target as a path, or use --follow-symlinks'), r.stderr);
    assert.ok(lines.some((l) => l.startsWith('corpus/secret.txt: skipped: a symbolic link')), r.stderr);
    assert.match(r.stderr, /3 files: 3 written.*; 2 symbolic links out of the paths given skipped/);
    assert.deepEqual(readdirSync(path.join(dir, 'outside')).sort(), ['c.txt', 'secret.txt'], 'nothing written outside');
    assert.ok(!existsSync(path.join(dir, 'corpus/secret.yaml')));
    // A link inside the paths given is followed; its annotation is next to the link.
    assert.ok(existsSync(path.join(dir, 'corpus/inside/b.yaml')));
    // Given as paths, the targets are taken; --follow-symlinks takes the links too.
    assert.equal((await run(['corpus', 'outside/c.txt'], { cwd: dir })).stderr.split('\n').filter((l) => l.includes('skipped: a symbolic')).length, 2);
    const followed = await run(['--follow-symlinks', 'corpus'], { cwd: dir });
    assert.equal(followed.code, 0, followed.stderr);
    assert.ok(existsSync(path.join(dir, 'outside/c.yaml')));
    assert.match(readFileSync(path.join(dir, 'corpus/secret.yaml'), 'utf8'), /title: TOP SECRET LINE/);
  } finally {
    cleanup();
  }
});

test('a glob whose static folder is a link out of the corpus is skipped too', async () => {
  const { dir, cleanup } = corpus({ 'corpus/a.txt': ARTICLE, 'outside/c.txt': ARTICLE });
  try {
    symlinkSync('../outside', path.join(dir, 'corpus/out'));
    const r = await run(['--glob', 'out/*.txt', 'corpus'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^corpus\/out: skipped: a symbolic link/m);
    assert.deepEqual(readdirSync(path.join(dir, 'outside')), ['c.txt']);
  } finally {
    cleanup();
  }
});

test('a link at an annotation path is neither read nor replaced', async () => {
  const { dir, cleanup } = corpus({ 'corpus/a.txt': ARTICLE, 'corpus/b.txt': ARTICLE, 'outside/x.txt': ARTICLE });
  try {
    assert.equal((await run(['outside'], { cwd: dir })).code, 0);
    symlinkSync('../outside/x.yaml', path.join(dir, 'corpus/a.yaml'));
    const before = readFileSync(path.join(dir, 'outside/x.yaml'));
    for (const args of [['corpus'], ['--force', 'corpus'], ['--check', 'corpus']]) {
      const r = await run(args, { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^corpus\/a\.txt: corpus\/a\.yaml exists and is a symbolic link, not a file; move it away$/m, args.join(' '));
    }
    assert.ok(lstatSync(path.join(dir, 'corpus/a.yaml')).isSymbolicLink());
    assert.ok(readFileSync(path.join(dir, 'outside/x.yaml')).equals(before));
    assert.ok(existsSync(path.join(dir, 'corpus/b.yaml')));
  } finally {
    cleanup();
  }
});

test('an --out-dir inside a folder given is not searched, and inputs held there are not dropped without a word', async () => {
  const { dir, cleanup } = corpus({ 'c/z.txt': ARTICLE, 'c/a/x.txt': ARTICLE, 'c/b/y.txt': ARTICLE });
  try {
    const r = await run(['--out-dir', 'c/b', 'c'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.split('\n')[0], 'c/b: not searched: it is the --out-dir, but holds files matching **/*.txt (b/y.txt); to annotate them, give --out-dir a folder of its own');
    assert.ok(existsSync(path.join(dir, 'c/b/a/x.yaml')) && existsSync(path.join(dir, 'c/b/z.yaml')));
    // Annotations only: nothing to say.
    for (let i = 0; i < 2; i++) {
      const clean = await run(['--out-dir', 'c/a/out', 'c/a'], { cwd: dir });
      assert.equal(clean.code, 0, clean.stderr);
      assert.doesNotMatch(clean.stderr, /not searched/, 'an --out-dir of annotations only is not worth a word');
    }
  } finally {
    cleanup();
  }
});

test('a note or a foreign JSON that merely mentions our header is not ours: never overwritten', async () => {
  const note = 'Reading list\nschema: annotate/1 is what the tool writes\n';
  const json = '{\n  "name": "mine",\n  "meta": {\n    "schema": "annotate/1"\n  }\n}\n';
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE, 'a.yaml': note, 'b.txt': ARTICLE, 'b.json': json });
  try {
    for (const format of ['yaml', 'json']) {
      const r = await run(['--force', '--format', format, '.'], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, format === 'yaml' ? /^a\.txt: a\.yaml exists and was not written by annotate/m : /^b\.txt: b\.json exists and was not written by annotate/m);
    }
    assert.equal(readFileSync(path.join(dir, 'a.yaml'), 'utf8'), note);
    assert.equal(readFileSync(path.join(dir, 'b.json'), 'utf8'), json);
  } finally {
    cleanup();
  }
});

test('--jobs above the number of CPUs is lowered to it, with a warning that says why', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    for (const jobs of ['1024', '64', '3']) {
      const r = await run(['--jobs', jobs, '.'], { cwd: dir, cpus: 2 });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr.split('\n')[0], `--jobs: ${jobs} is more than the 2 CPUs here; using 2 (more workers cannot run at once, and each holds about 50 MB)`);
    }
    const quiet = await run(['--jobs', '2', '.'], { cwd: dir, cpus: 2 });
    assert.doesNotMatch(quiet.stderr, /--jobs/);
    const huge = await run(['--jobs', '99999999999999999999', '.'], { cwd: dir, cpus: 2 });
    assert.equal(huge.code, 0, huge.stderr);
  } finally {
    cleanup();
  }
});

test('names near the 255-byte limit: the temporary name fits, and one too long for its annotation says so', async () => {
  const fits = `${'n'.repeat(245)}.txt`; // its annotation: 250 bytes, its temporary file longer before
  const over = `${'o'.repeat(251)}.txt`; // its annotation would be 256 bytes
  const { dir, cleanup } = corpus({ [fits]: ARTICLE, [over]: ARTICLE });
  try {
    const r = await run(['.'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.ok(existsSync(path.join(dir, `${'n'.repeat(245)}.yaml`)), r.stderr);
    assert.match(r.stderr, /^o+\.txt: cannot write o+\.yaml \(ENAMETOOLONG\); the name is too long for the file system \(255 bytes on most\); shorten the source file name$/m);
    assert.doesNotMatch(r.stderr, /permission/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  } finally {
    cleanup();
  }
});

/** The annotation with its digest line recomputed for its bytes (serialize/digest.ts). */
function resign(yaml: string): string {
  const line = '\ndigest: sha256:';
  const at = yaml.indexOf(line);
  const hexAt = at + line.length;
  const hash = createHash('sha256').update(yaml.slice(0, at)).update(yaml.slice(hexAt + 64)).digest('hex');
  return yaml.slice(0, hexAt) + hash + yaml.slice(hexAt + 64);
}

test('show refuses a fresh annotation whose mentions were tampered with, in one line', async () => {
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    assert.equal((await run(['a.txt'], { cwd: dir })).code, 0);
    const yamlPath = path.join(dir, 'a.yaml');
    const good = readFileSync(yamlPath, 'utf8');
    const people = good.indexOf('\npeople:');
    const header = good.slice(0, people);
    const tails: [string, RegExp][] = [
      ['\npeople:\n  - name: X\n    mentions:\n      - {start: 5, end: 99999, text: X}\norganizations: []\nplaces: []\ndates: []\n', /offsets 5\.\.99999, outside the text's \d+ code points/],
      ['\npeople:\n  - name: X\n    mentions:\n      - {start: -3, end: 2, text: X}\norganizations: []\nplaces: []\ndates: []\n', /offsets -3\.\.2/],
      ['\npeople:\n  - name: X\n    mentions: 7\norganizations: []\nplaces: []\ndates: []\n', /the mentions of people "X" are not a list/],
      ['\npeople:\n  - 3\norganizations: []\nplaces: []\ndates: []\n', /an entry of people has no name/],
      ['\npeople:\n  - name: X\n    mentions:\n      - {start: 0, end: 6, text: Angela}\norganizations: []\nplaces: []\ndates: []\n', /does not match the text there/],
    ];
    for (const [tail, why] of tails) {
      // A tampered file whose digest was made to match: the offsets are all that is left to check.
      writeFileSync(yamlPath, resign(header + tail));
      const r = await run(['show', '--no-color', 'a.txt'], { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^a\.txt: a\.yaml is not a readable annotate\/1 file \(/);
      assert.match(r.stderr, why);
      assert.doesNotMatch(r.stderr, /TypeError|Cannot read/);
    }
  } finally {
    cleanup();
  }
});

/** A read-only file system to write to, where this machine lets us mount one (root in a container); else null. */
function readOnlyMount(): { dir: string; cleanup: () => void } | null {
  const t = tempDir('annotate-ro-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'none', t.dir], { stdio: 'ignore', timeout: 5000 });
  if (r.status !== 0) {
    t.cleanup();
    return null;
  }
  return { dir: t.dir, cleanup: () => (spawnSync('umount', [t.dir], { stdio: 'ignore', timeout: 5000 }), t.cleanup()) };
}

test('an --out-dir on a read-only file system is reported as such, not as a missing path', async (t) => {
  const ro = readOnlyMount();
  if (!ro) return t.skip('cannot mount a read-only file system here');
  const { dir, cleanup } = corpus({ 'a.txt': ARTICLE });
  try {
    const r = await run(['--out-dir', path.join(ro.dir, 'new/ann'), 'a.txt'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^a\.txt: cannot write .*\/new\/ann\/a\.yaml \(EROFS\); the file system is read-only; write elsewhere with --out-dir$/m);
  } finally {
    cleanup();
    ro.cleanup();
  }
});

test('UTF-16 with a BOM is decoded: the same annotation body as the UTF-8 text, offsets in code points', async () => {
  const text = `😀 ${ARTICLE}`;
  const { dir, cleanup } = corpus({ 'u8.txt': text, 'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) });
  try {
    const r = await run(['.'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const body = (name: string) => readFileSync(path.join(dir, name), 'utf8').replace(/^(schema|source|checksum|generator|digest):.*\n/gm, '');
    assert.match(body('u8.yaml'), /start: 2, end: 14, text: Barack Obama/);
    assert.equal(body('le.yaml'), body('u8.yaml'));
    assert.equal(body('be.yaml'), body('u8.yaml'));
  } finally {
    cleanup();
  }
});

/**
 * nodeFs() that, at the first call of `method` on a path below `from`, swaps that folder for a
 * symbolic link to `to` (the folder itself moved aside), as another process could between the
 * run's discovery and its write.
 */
function swappingFs(method: 'mkdir' | 'writeNew', from: string, to: string): FsAdapter & { swapped: () => boolean } {
  const base = nodeFs();
  let swapped = false;
  const swap = (p: string): void => {
    if (swapped || !(p === from || p.startsWith(from + path.sep))) return;
    swapped = true;
    renameSync(from, `${from}-moved`);
    symlinkSync(to, from);
  };
  return {
    ...base,
    swapped: () => swapped,
    mkdir(p) {
      if (method === 'mkdir') swap(p);
      base.mkdir(p);
    },
    writeNew(p, data) {
      if (method === 'writeNew') swap(p);
      base.writeNew(p, data);
    },
  };
}

test('a folder swapped for a link out of the corpus between discovery and the write: nothing is written there', async () => {
  for (const method of ['mkdir', 'writeNew'] as const) {
    const { dir, cleanup } = corpus({ 'corpus/a/story.txt': ARTICLE, 'corpus/b/other.txt': ARTICLE, 'outside/keep.txt': 'x\n' });
    try {
      const outside = path.join(dir, 'outside');
      const fs = swappingFs(method, path.join(dir, 'corpus/a'), outside);
      const r = await run(['corpus'], { cwd: dir, fs });
      assert.ok(fs.swapped(), method);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(
        r.stderr.split('\n')[0],
        `corpus/a/story.txt: cannot write corpus/a/story.yaml (its folder now leads to ${outside}, out of where this run writes); a folder was replaced by a symbolic link while annotate ran; check it, then run again`,
        method,
      );
      assert.deepEqual(readdirSync(outside), ['keep.txt'], `${method}: nothing written outside, no temporary file left`);
      assert.ok(existsSync(path.join(dir, 'corpus/b/other.yaml')), 'the run goes on');
      assert.match(r.stderr, /2 files: 1 written, 0 unchanged, 0 skipped \(up to date\), 1 failed/);
    } finally {
      cleanup();
    }
  }
});

test('a folder of --out-dir swapped for a link out of it between discovery and the write: nothing is written there', async () => {
  const { dir, cleanup } = corpus({ 'corpus/a/story.txt': ARTICLE, 'outside/keep.txt': 'x\n' });
  try {
    assert.equal((await run(['--out-dir', 'out', 'corpus'], { cwd: dir })).code, 0);
    const outside = path.join(dir, 'outside');
    writeFileSync(path.join(dir, 'corpus/a/story.txt'), `${ARTICLE}Merkel left Paris.\n`);
    const fs = swappingFs('mkdir', path.join(dir, 'out/a'), outside);
    const r = await run(['--out-dir', 'out', 'corpus'], { cwd: dir, fs });
    assert.ok(fs.swapped());
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr.split('\n')[0]!, /^corpus\/a\/story\.txt: cannot write out\/a\/story\.yaml \(its folder now leads to .*outside, out of where this run writes\)/);
    assert.deepEqual(readdirSync(outside), ['keep.txt']);
  } finally {
    cleanup();
  }
});
