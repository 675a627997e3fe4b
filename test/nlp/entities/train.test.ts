import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { gazetteerTags } from '../../../src/nlp/gazetteer/index.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { decodeModel } from '../../../src/nlp/entities/model.js';
import { LEXICON_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { tagText } from '../../../src/nlp/entities/tagger.js';
import { goldTags, loadSet, train, type TrainOptions } from '../../../src/nlp/entities/trainer.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { TAGS } from '../../../src/nlp/entities/features.js';

// Compiled to dist/test/nlp/entities/; the fixtures stay in the source tree.
const FIXTURE = fileURLToPath(new URL('../../../../test/nlp/entities/fixtures/tiny', import.meta.url));

const options = (): TrainOptions => ({
  epochs: 3, seed: 7, minCount: 1, setWeights: {}, capsRate: 0.2, gazetteer: gazetteerTags, log: () => {},
});

test('training is deterministic: same data and options, same model bytes', () => {
  const docs = loadSet(FIXTURE);
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const a = train(docs, lexicon, options());
  const b = train(loadSet(FIXTURE), lexicon, options());
  assert.ok(a.bytes.length > 1000);
  assert.ok(a.bytes.equals(b.bytes));
  assert.deepEqual(a.log, b.log);
  assert.ok(a.log.some((l) => l.startsWith('epoch 3')));
  // A different seed shuffles differently.
  const c = train(loadSet(FIXTURE), lexicon, { ...options(), seed: 8 });
  assert.ok(!a.bytes.equals(c.bytes));
});

test('a trained model loads and tags what it was trained on', () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const { bytes } = train(loadSet(FIXTURE), lexicon, { ...options(), epochs: 10 });
  const { model, header } = decodeModel(bytes);
  assert.deepEqual(header.tags, TAGS);
  const text = 'Maria Lopez joined Acme Group in Madrid last year.';
  const spans = tagText(model, lexicon, text, gazetteerTags).map((s) => `${s.text}/${s.label}`);
  assert.deepEqual(spans, ['Maria Lopez/PER', 'Acme Group/ORG', 'Madrid/LOC']);
});

test('a model read from a buffer that is not 4-byte aligned tags the same', () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const { bytes } = train(loadSet(FIXTURE), lexicon, { ...options(), epochs: 10 });
  const shifted = Buffer.alloc(bytes.length + 1);
  bytes.copy(shifted, 1);
  const text = 'Maria Lopez joined Acme Group in Madrid last year.';
  const tag = (b: Buffer): string[] => tagText(decodeModel(b).model, lexicon, text, gazetteerTags).map((s) => `${s.text}/${s.label}`);
  assert.deepEqual(tag(shifted.subarray(1)), tag(bytes));
  assert.deepEqual(tag(bytes), ['Maria Lopez/PER', 'Acme Group/ORG', 'Madrid/LOC']);
});

test('gold spans become BILOU tags; MISC is learned as its own type', () => {
  const text = 'Anna Kowalski left Warsaw for the Cannes Film Festival.';
  const toks = tokenize(text);
  const { tags, misaligned } = goldTags(toks, [
    { start: 0, end: 13, type: 'PER' },
    { start: 19, end: 25, type: 'LOC' },
    { start: 34, end: 54, type: 'MISC' },
  ]);
  assert.equal(misaligned, 0);
  assert.deepEqual(Array.from(tags, (t) => TAGS[t]), ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'O', 'B-MISC', 'I-MISC', 'L-MISC', 'O']);
});

test('the committed model is compact and matches the code', async () => {
  const { readFileSync, statSync } = await import('node:fs');
  const { MODEL_URL } = await import('../../../src/nlp/entities/paths.js');
  assert.ok(statSync(MODEL_URL).size <= 20 * 1024 * 1024);
  const { header } = decodeModel(readFileSync(MODEL_URL));
  assert.deepEqual(header.tags, TAGS);
  assert.ok(header.nFeatures > 1000);
});

test('word-identity dropout is seeded: same bytes twice, different from no dropout', () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const a = train(loadSet(FIXTURE), lexicon, { ...options(), dropout: 0.2 });
  const b = train(loadSet(FIXTURE), lexicon, { ...options(), dropout: 0.2 });
  const c = train(loadSet(FIXTURE), lexicon, options());
  assert.ok(a.bytes.equals(b.bytes));
  assert.ok(!a.bytes.equals(c.bytes));
});

test('the word sums give the same emissions when their array starts over every few words', async () => {
  const { readFileSync } = await import('node:fs');
  const { MODEL_URL } = await import('../../../src/nlp/entities/paths.js');
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
      assert.deepEqual(tight.emissions(tokens, lexicon, gazetteerTags), roomy.emissions(tokens, lexicon, gazetteerTags), `round ${round}: ${text}`);
    }
  }
});
