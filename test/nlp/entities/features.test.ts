import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureStrings } from '../../../src/nlp/entities/features.js';
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
