import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { TAGS } from '../../../src/nlp/entities/features.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { decodeModel, type TaggerModel } from '../../../src/nlp/entities/model.js';
import { DEFAULT_TAGGER_OPTIONS } from '../../../src/nlp/entities/options.js';
import { LEXICON_URL, MODEL_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { Tagger } from '../../../src/nlp/entities/tagger.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { gazetteerTags } from '../../../src/nlp/gazetteer/index.js';

test('the committed model is compact and matches the code', () => {
  assert.ok(statSync(MODEL_URL).size <= 20 * 1024 * 1024);
  const { header } = decodeModel(readFileSync(MODEL_URL));
  assert.deepEqual(header.tags, TAGS);
  assert.ok(header.nFeatures > 1000);
});

test('the word sums give the same emissions when their array starts over every few words', () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const bytes = readFileSync(MODEL_URL);
  const roomy = decodeModel(bytes).model;
  const tight = decodeModel(bytes).model;
  tight.maxVectors = 5;
  const words = ['Maria', 'Lopez', 'joined', 'Acme', 'Group', 'in', 'Madrid', 'Telegram', 'Durov', 'Paris', 'Reuters', 'BND'];
  const texts = [0, 1, 2].map((k) => words.map((w, i) => `${w}${(i * 7 + k) % 5 === 0 ? '' : 'x'.repeat(k)} said`).join(' and ') + '.');
  for (const round of [0, 1]) {
    for (const text of texts) {
      const tokens = tokenize(text);
      const emissions = (m: TaggerModel): Float64Array => m.emissions(tokens, lexicon, gazetteerTags, DEFAULT_TAGGER_OPTIONS);
      assert.deepEqual(emissions(tight), emissions(roomy), `round ${round}: ${text}`);
    }
  }
});

test('the switches belong to each tagger: two taggers of one model, used in turn, keep their own', () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const { model } = decodeModel(readFileSync(MODEL_URL));
  const text = 'Zorbatex Group hired Ana Petrescu. Later, the board of zorbatex group and Zorbatex Group met. Zorbatex Group rose.';
  const spread = new Tagger(model, lexicon, gazetteerTags);
  const plain = new Tagger(model, lexicon, gazetteerTags, { spreadNames: false });
  assert.deepEqual(spread.options, { orgFeatures: true, skipCommon: true, spreadNames: true, newsContext: true });
  const spans = (t: Tagger): string[] => t.tag(text).map((s) => `${s.text}/${s.label}@${s.start}`);
  for (const round of [0, 1]) {
    assert.deepEqual(spans(spread), ['Zorbatex Group/ORG@0', 'Ana Petrescu/PER@21', 'Zorbatex Group/ORG@74', 'Zorbatex Group/ORG@94'], `round ${round}`);
    assert.deepEqual(spans(plain), ['Ana Petrescu/PER@21', 'Zorbatex Group/ORG@74'], `round ${round}`);
  }
  // skipCommon leaves the common words of a cased text nothing but O; orgFeatures adds features.
  const tokens = tokenize(text);
  const board = tokens.findIndex((t) => t.text === 'board');
  const row = (o: { orgFeatures: boolean; skipCommon: boolean }): number[] =>
    Array.from(model.emissions(tokens, lexicon, gazetteerTags, { ...o, newsContext: true }).subarray(board * model.T, (board + 1) * model.T));
  assert.ok(row({ orgFeatures: true, skipCommon: true }).slice(1).every((x) => x === -Infinity));
  assert.ok(row({ orgFeatures: true, skipCommon: false }).slice(1).every((x) => Number.isFinite(x)));
  const group = tokens.findIndex((t) => t.text === 'Group');
  const at = (o: { orgFeatures: boolean; skipCommon: boolean }): number[] =>
    Array.from(model.emissions(tokens, lexicon, gazetteerTags, { ...o, newsContext: true }).subarray(group * model.T, (group + 1) * model.T));
  assert.notDeepEqual(at({ orgFeatures: false, skipCommon: true }), at({ orgFeatures: true, skipCommon: true }));
});
