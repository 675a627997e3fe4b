/**
 * Annotations that are not what annotate wrote: `--check` lists them as modified and exits 1, a
 * normal run rewrites them, says so, and exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, assertNoCrash, linesNaming, removeDir, run, tempDir } from '../helpers/cli.js';

const NAME = '002_dcba6d6f3d5686ee';

function corpusCopy(t: { after: (fn: () => void) => void }): { dir: string; yaml: string; original: string } {
  const dir = tempDir();
  t.after(() => removeDir(dir));
  fs.cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  const yaml = path.join(dir, 'corpus', `${NAME}.yaml`);
  return { dir, yaml, original: fs.readFileSync(yaml, 'utf8') };
}

/** A merge conflict inside the people list, as git leaves it. */
function withConflict(original: string): string {
  const lines = original.split('\n');
  const at = lines.indexOf('people:') + 1;
  lines.splice(at, 0, '<<<<<<< HEAD', '  - name: Someone Else', '    mentions: []', '=======');
  lines.splice(at + 6, 0, '>>>>>>> theirs');
  return lines.join('\n');
}

const cases: [string, (s: string) => string, RegExp][] = [
  ['conflict markers', withConflict, /merge conflict markers/],
  ['a truncated file', (s) => s.slice(0, Math.floor(s.length / 2)), /cut short/],
  ['a hand edit', (s) => s.replace(/name: [A-Z]\w+/, 'name: Corrected'), /edited by hand/],
  ['conflict markers in the header only', (s) => s.replace(/^(checksum: .*)$/m, '<<<<<<< HEAD\n$1\n=======\n$1\n>>>>>>> theirs'), /merge conflict markers/],
  ['a removed digest line', (s) => s.replace(/^digest: .*\n/m, ''), /digest line is missing/],
];

for (const [what, damage, why] of cases) {
  test(`${what}: --check names it and exits 1; a run rewrites it, says so, and exits 0`, async (t) => {
    const { dir, yaml, original } = corpusCopy(t);
    fs.writeFileSync(yaml, damage(original));
    const check = await run(['--check', 'corpus'], { cwd: dir });
    assertNoCrash(check);
    assert.equal(check.code, 1, check.stderr);
    const [line] = linesNaming(check.stderr, `${NAME}.yaml`);
    assert.ok(line, check.stderr);
    assert.match(line, /is not what annotate wrote/);
    assert.match(line, why);
    assert.match(line, /annotate\.config\.yaml/);
    assert.match(check.stderr, /1 modified/);

    const fix = await run(['corpus'], { cwd: dir });
    assert.equal(fix.code, 0, fix.stderr);
    assert.match(fix.stderr, new RegExp(`rewrote corpus/${NAME}\\.yaml.*hand edits in it are lost.*annotate\\.config\\.yaml`));
    assert.equal(fs.readFileSync(yaml, 'utf8'), original);
    assert.equal((await run(['--check', 'corpus'], { cwd: dir })).code, 0);
  });
}

test('an annotation of annotate 0.1 (no digest, old generator) is just stale and rewritten without a warning', async (t) => {
  const { dir, yaml, original } = corpusCopy(t);
  fs.writeFileSync(yaml, original.replace(/^generator: .*$/m, 'generator: annotate 0.1.0 (options 0123456789abcdef)').replace(/^digest: .*\n/m, ''));
  const check = await run(['--check', 'corpus'], { cwd: dir });
  assert.equal(check.code, 1);
  assert.match(check.stderr, /is out of date/);
  const fix = await run(['corpus'], { cwd: dir });
  assert.equal(fix.code, 0, fix.stderr);
  assert.doesNotMatch(fix.stderr, /rewrote/);
  assert.equal(fs.readFileSync(yaml, 'utf8'), original);
});
