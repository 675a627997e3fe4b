/** Colour is decided per stream: --color/--no-color, NO_COLOR, FORCE_COLOR, then the terminal. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { colorLevel, type ColorChoice } from '../../src/report/color.js';
import { run, tempDir } from './harness.js';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

test('colorLevel table', () => {
  const cases: [ColorChoice, boolean, Record<string, string>, number][] = [
    ['auto', false, {}, 0],
    ['auto', true, {}, 1],
    ['auto', true, { TERM: 'xterm-256color' }, 2],
    ['auto', true, { COLORTERM: 'truecolor' }, 3],
    ['auto', true, { NO_COLOR: '1' }, 0],
    ['auto', true, { NO_COLOR: '' }, 1],
    ['auto', true, { TERM: 'dumb' }, 0],
    ['auto', false, { FORCE_COLOR: '1' }, 1],
    ['auto', false, { FORCE_COLOR: '3' }, 3],
    ['auto', true, { FORCE_COLOR: '0' }, 0],
    ['auto', false, { FORCE_COLOR: '' }, 1],
    ['auto', true, { NO_COLOR: '1', FORCE_COLOR: '1' }, 0],
    ['never', true, { FORCE_COLOR: '3' }, 0],
    ['always', false, { NO_COLOR: '1' }, 1],
    ['always', false, { FORCE_COLOR: '2' }, 2],
  ];
  for (const [choice, tty, env, level] of cases) assert.equal(colorLevel(choice, tty, env), level, `${choice} tty=${tty} ${JSON.stringify(env)}`);
});

test('stderr: colour and progress only on a terminal; the summary stays one plain line', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(path.join(dir, 'a.txt'), 'Angela Merkel visited Paris.\n');
    writeFileSync(path.join(dir, 'b.txt'), '');
    const pipe = await run(['.'], { cwd: dir });
    assert.ok(!pipe.stderr.includes('\u001b'), 'no escape codes in a pipe');
    const tty = await run(['--force', '.'], { cwd: dir, stderrIsTTY: true });
    assert.match(tty.stderr, /\u001b\[\d+m/, 'error lines coloured on a terminal');
    assert.match(tty.stderr, /\r\u001b\[2Kannotate: 2\/2 /, 'progress drawn');
    assert.match(tty.stderr, /\r\u001b\[2Kannotate: 2 files: [^\u001b]*\n$/, 'progress cleared before the summary');
    const noColor = await run(['--force', '.'], { cwd: dir, stderrIsTTY: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stderr, /\u001b\[\d+m/);
    const quiet = await run(['--force', '--quiet', '.'], { cwd: dir, stderrIsTTY: true });
    assert.doesNotMatch(quiet.stderr, /annotate: /, 'no progress or summary with --quiet');
  } finally {
    cleanup();
  }
});
