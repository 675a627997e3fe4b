import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBlank, tokenize } from '../../../src/nlp/entities/tokenize.js';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

test('tokens carry exact offsets', () => {
  const s = 'Frédéric Van Leeuw (Belgium), 13 Sep 2016 — “Telegram’s” 🙂 #ISIS @INTEL_TODAY';
  for (const t of tokenize(s)) assert.equal(s.slice(t.start, t.end), t.text);
});

const cases: [string, string[]][] = [
  ["Sinéad O'Connor met Ian McEwan.", ['Sinéad', "O'Connor", 'met', 'Ian', 'McEwan', '.']],
  ["Telegram's makers and Paris' mayor", ['Telegram', "'s", 'makers', 'and', 'Paris', "'", 'mayor']],
  ['Kassim’s list', ['Kassim', '’s', 'list']],
  ['the U.S. and the U.K.-based firm', ['the', 'U.S.', 'and', 'the', 'U.K.', '-', 'based', 'firm']],
  ['Bailey-Ross, Anti-Terrorism Group-4', ['Bailey', '-', 'Ross', ',', 'Anti', '-', 'Terrorism', 'Group', '-', '4']],
  ['$300,000 and 5,000 people at 12:37', ['$', '300,000', 'and', '5,000', 'people', 'at', '12:37']],
  ['AT&T and H&M', ['AT&T', 'and', 'H&M']],
  ['Álvaro Ibáñez/Flickr', ['Álvaro', 'Ibáñez', '/', 'Flickr']],
  ['wait -- what... 🙂👍 ok', ['wait', '--', 'what', '...', '🙂', '👍', 'ok']],
  ['see https://example.com/a?b=1. Then', ['see', 'https://example.com/a?b=1', '.', 'Then']],
  ["don't", ["don't"]],
];

test('tokenizer splits names, possessives, abbreviations and punctuation', () => {
  for (const [input, expected] of cases) assert.deepEqual(texts(input), expected, input);
});

test('lines and sentence starts (CRLF, abbreviations, quotes)', () => {
  const toks = tokenize('Mr. Smith left. He said: "Yes."\r\nNext line');
  // Quotes and brackets pass a sentence start on to the word after them.
  const starts = toks.filter((t) => t.sentStart && /\p{L}/u.test(t.text)).map((t) => t.text);
  assert.deepEqual(starts, ['Mr', 'He', 'Yes', 'Next']);
  assert.deepEqual([...new Set(toks.map((t) => t.line))], [0, 1]);
  const next = toks.find((t) => t.text === 'Next')!;
  assert.equal(next.line, 1);
  assert.ok(!toks.some((t) => t.text.includes('\r')));
});

test('astral characters stay whole and offsets stay in UTF-16 units', () => {
  const s = '𝔘nicode 😀 Zoë';
  const toks = tokenize(s);
  assert.deepEqual(toks.map((t) => t.text), ['𝔘nicode', '😀', 'Zoë']);
  for (const t of toks) assert.equal(s.slice(t.start, t.end), t.text);
});

test('isBlank agrees with \\s on every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isBlank(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('blanks of every kind part tokens and only line feeds count lines', () => {
  const toks = tokenize('a\u00a0b\u2003c\r\nd\u2028e\tf\u3000g\ufeffh');
  assert.deepEqual(toks.map((t) => t.text), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  assert.deepEqual(toks.map((t) => t.line), [0, 0, 0, 1, 1, 1, 1, 1]);
});

/** The tokenizer's token ends as one regular expression gave them, e-mail addresses included. */
const REFERENCE = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]}'’]`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`[@#][\p{L}\p{N}_]+`,
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`\p{N}+(?:[.,:/]\p{N}+)+`,
    String.raw`[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*(?:&[\p{Lu}]+)?`,
    String.raw`([.\-!?*=_~])\1+`,
    String.raw`\S`,
  ].join('|'),
  'uy',
);

function referenceTokens(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    if (/\s/.test(s[i]!)) {
      i++;
      continue;
    }
    REFERENCE.lastIndex = i;
    REFERENCE.test(s);
    const t = s.slice(i, REFERENCE.lastIndex);
    if (t.length > 3 && /['’][sS]$/.test(t)) out.push(t.slice(0, -2), t.slice(-2));
    else out.push(t);
    i = REFERENCE.lastIndex;
  }
  return out;
}

test('e-mail addresses and everything around them tokenize as the one regular expression did', () => {
  const pieces = ['a', 'Zoë', '𝔘', '7', '.', '-', '_', '%', '+', '@', '@', ' ', ' ', "'s", 'www.', 'http://', ',', '#', '/', '&', 'B', '😀'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  for (let n = 0; n < 3000; n++) {
    let s = '';
    for (let k = next() % 24; k >= 0; k--) s += pieces[next() % pieces.length];
    assert.deepEqual(texts(s), referenceTokens(s), JSON.stringify(s));
  }
  assert.deepEqual(texts('mail jo.smith+news@example.co.uk, or a-b@c-d.org.'), ['mail', 'jo.smith+news@example.co.uk', ',', 'or', 'a-b@c-d.org', '.']);
  assert.deepEqual(texts('www.x.com/a@b.com'), ['www.x.com/a@b.com']);
});

test('long runs joined by - or . tokenize in linear time', { timeout: 20_000 }, () => {
  // The e-mail pattern used to be retried at every token start, scanning to the end of the run:
  // 100 KB of `a-b-c-...` took 15 s.
  for (const sep of ['-', '.', '+', '%']) {
    const run = `${'ab'.padEnd(3, sep)}`.repeat(40_000) + '@x';
    const started = performance.now();
    const tokens = tokenize(run);
    const ms = performance.now() - started;
    assert.ok(tokens.length > 40_000);
    assert.ok(ms < 3000, `${sep}: ${ms.toFixed(0)} ms for 120 KB`);
  }
});
