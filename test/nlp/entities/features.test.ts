import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures, featureStrings } from '../../../src/nlp/entities/features.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { LEXICON_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';

const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
/** The runtime's feature options: common lower-case words of a cased text are skipped. */
const SKIP = { orgFeatures: true, skipCommon: true };

function featsOf(text: string, word: string): string[] {
  const toks = tokenize(text);
  const i = toks.findIndex((t) => t.text === word);
  assert.ok(i >= 0, word);
  return featureStrings(toks, lexicon)[i]!;
}

test('every word of a capitalised run knows how the run ends', () => {
  const f = featsOf('He spoke to the Royal Society for the Protection of Birds today.', 'Protection');
  assert.ok(f.includes('rl=birds|N'));
  const g = featsOf('Officials at the European Commission said so.', 'European');
  assert.ok(g.includes('rc=O|B'));
});

test('acronyms in running text and "Name (ACRONYM)" are marked', () => {
  const text = 'The Government Communications Headquarters (GCHQ) said GCHQ staff were safe.';
  assert.ok(featsOf(text, 'Government').includes('par=RN') || featsOf(text, 'Government').includes('par=RM'));
  const toks = tokenize(text);
  const feats = featureStrings(toks, lexicon);
  const idx = toks.findIndex((t) => t.text === 'GCHQ');
  assert.ok(feats[idx]!.some((x) => x.startsWith('par=A')));
  assert.ok(feats[idx]!.some((x) => x.startsWith('acr=l')));
  // Not in a CAPS headline, where every word is in capitals.
  const h = featsOf('POLICE RAID OFFICES IN LONDON\nThe police came.', 'RAID');
  assert.ok(!h.some((x) => x.startsWith('acr=')));
});

test('at run time, common lower-case words of a cased text get no features; connectors and names do', () => {
  const toks = tokenize('Officials said the Bank of England would raise rates. The bank refused to comment.');
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  const common = (w: string): boolean => {
    const i = toks.findIndex((t) => t.text === w);
    assert.ok(i >= 0, w);
    return buf.common![i] === 1 && buf.offs[i] === buf.offs[i + 1];
  };
  for (const w of ['said', 'would', 'raise', 'rates', 'bank', 'refused', 'comment']) assert.equal(common(w), true, w);
  // Connectors, names and capitalised words keep their features.
  for (const w of ['of', 'the', 'Bank', 'England', 'Officials']) assert.equal(common(w), false, w);
  // The trainer's extraction (no skipping) gives every token its features.
  assert.equal(extractFeatures(toks, lexicon, undefined, { ...SKIP, skipCommon: false }).common, null);
});

test('at run time, plain tokens with no name material beside them get no features', () => {
  const text = 'He said that al-Qaeda , in the end , was to blame ; 30 Seconds to Mars played in Frankfurt am Main .';
  const toks = tokenize(text);
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  const skipped = (k: number): boolean => buf.common![k] === 1 && buf.offs[k] === buf.offs[k + 1];
  const at = (w: string, from = 0): number => {
    const i = toks.findIndex((t, k) => k >= from && t.text === w);
    assert.ok(i >= 0, w);
    return i;
  };
  // Punctuation and short or connecting words of the word list, among plain tokens only.
  for (const k of [at('in'), at('the'), at(',', at('end')), at('to')]) assert.equal(skipped(k), true, toks[k]!.text);
  // Beside a capital, a digit or inside a word with one: kept ("al-Qaeda" is one group).
  for (const k of [at('al'), at('-'), at(','), at('to', at('Seconds')), at('in', at('played')), at('am'), at('.'), at(';')]) {
    assert.equal(skipped(k), false, toks[k]!.text);
  }
});

test('a text written in lower case keeps every word: names may be in lower case there', () => {
  const toks = tokenize('met jill allen in san francisco. she said hi. we went home.');
  assert.equal(extractFeatures(toks, lexicon, undefined, SKIP).common, null);
});

test('handles, hashtags and links that open posts do not make a text look written in lower case', () => {
  const toks = tokenize('@maria Loved the show in Paris tonight.\n#throwback Best concert ever.\nhttp://t.co/x1 New video is up.\nThanks for coming.');
  const buf = extractFeatures(toks, lexicon, undefined, SKIP);
  assert.notEqual(buf.common, null);
  const i = toks.findIndex((t) => t.text === 'show');
  assert.equal(buf.common![i], 1);
  // The same posts with lower-case openings keep every word.
  const lower = tokenize('@maria loved the show in paris tonight.\n#throwback best concert ever.\nhttp://t.co/x1 new video is up.\nthanks for coming.');
  assert.equal(extractFeatures(lower, lexicon, undefined, SKIP).common, null);
});
