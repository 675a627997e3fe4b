import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFeatures, featureStrings } from '../../../src/nlp/entities/features.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { LEXICON_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';

const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);

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
  const buf = extractFeatures(toks, lexicon, undefined, true);
  const common = (w: string): boolean => {
    const i = toks.findIndex((t) => t.text === w);
    assert.ok(i >= 0, w);
    return buf.common![i] === 1 && buf.offs[i] === buf.offs[i + 1];
  };
  for (const w of ['said', 'would', 'raise', 'rates', 'bank', 'refused']) assert.equal(common(w), true, w);
  // Connectors, names, capitalised and short words keep their features.
  for (const w of ['of', 'the', 'Bank', 'England', 'Officials', 'to']) assert.equal(common(w), false, w);
  // The trainer's extraction (no skipping) gives every token its features.
  assert.equal(extractFeatures(toks, lexicon, undefined).common, null);
});

test('a text written in lower case keeps every word: names may be in lower case there', () => {
  const toks = tokenize('met jill allen in san francisco. she said hi. we went home.');
  assert.equal(extractFeatures(toks, lexicon, undefined, true).common, null);
});
