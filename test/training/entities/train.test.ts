import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { EntityLabel, Span } from '../../../src/core/types.js';
import { gazetteerTags } from '../../../src/nlp/gazetteer/index.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { decodeModel } from '../../../src/nlp/entities/model.js';
import { LEXICON_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { Tagger } from '../../../src/nlp/entities/tagger.js';
import { devDocs, evaluateWith, goldTags, loadSet, train, type TrainOptions } from '../../../src/training/entities/trainer.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { TAGS } from '../../../src/nlp/entities/features.js';

// Compiled to dist/test/training/entities/; the fixtures stay in the source tree.
const FIXTURE = fileURLToPath(new URL('../../../../test/training/entities/fixtures/tiny', import.meta.url));

const options = (): TrainOptions => ({
  epochs: 3, seed: 7, minCount: 1, setWeights: {}, capsRate: 0.2, gazetteer: gazetteerTags, log: () => {},
});

test('training is deterministic: same data and options, same model bytes', async () => {
  const docs = await loadSet(FIXTURE);
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const a = train(docs, lexicon, options());
  const b = train(await loadSet(FIXTURE), lexicon, options());
  assert.ok(a.bytes.length > 1000);
  assert.ok(a.bytes.equals(b.bytes));
  assert.deepEqual(a.log, b.log);
  assert.ok(a.log.some((l) => l.startsWith('epoch 3')));
  // A different seed shuffles differently.
  const c = train(await loadSet(FIXTURE), lexicon, { ...options(), seed: 8 });
  assert.ok(!a.bytes.equals(c.bytes));
});

test('a trained model loads and tags what it was trained on', async () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const { bytes } = train(await loadSet(FIXTURE), lexicon, { ...options(), epochs: 10 });
  const { model, header } = decodeModel(bytes);
  assert.deepEqual(header.tags, TAGS);
  const text = 'Maria Lopez joined Acme Group in Madrid last year.';
  const spans = new Tagger(model, lexicon, gazetteerTags).tag(text).map((s) => `${s.text}/${s.label}`);
  assert.deepEqual(spans, ['Maria Lopez/PER', 'Acme Group/ORG', 'Madrid/LOC']);
});

test('a model read from a buffer that is not 4-byte aligned tags the same', async () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const { bytes } = train(await loadSet(FIXTURE), lexicon, { ...options(), epochs: 10 });
  const shifted = Buffer.alloc(bytes.length + 1);
  bytes.copy(shifted, 1);
  const text = 'Maria Lopez joined Acme Group in Madrid last year.';
  const tag = (b: Buffer): string[] => new Tagger(decodeModel(b).model, lexicon, gazetteerTags).tag(text).map((s) => `${s.text}/${s.label}`);
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

test('word-identity dropout is seeded: same bytes twice, different from no dropout', async () => {
  const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);
  const a = train(await loadSet(FIXTURE), lexicon, { ...options(), dropout: 0.2 });
  const b = train(await loadSet(FIXTURE), lexicon, { ...options(), dropout: 0.2 });
  const c = train(await loadSet(FIXTURE), lexicon, options());
  assert.ok(a.bytes.equals(b.bytes));
  assert.ok(!a.bytes.equals(c.bytes));
});

test('dev documents are scored by annotate eval\'s scorer, a line per set', async () => {
  const dev = devDocs(await loadSet(FIXTURE));
  assert.deepEqual(dev.map((d) => `${d.set}/${d.id}`), ['tiny/dev-e']);
  const gold = (text: string): Span[] => dev.find((d) => d.text === text)!.gold
    .map((g) => ({ start: g.start, end: g.end, label: g.type as EntityLabel, text: g.text }));
  // Half the mentions found: Laura Chen, Tokyo and a wrong span for the fund.
  const some = (text: string): Span[] => gold(text).filter((s) => s.label !== 'ORG' && s.text !== 'Chen')
    .concat([{ start: 68, end: 81, label: 'ORG', text: 'International' }]);
  assert.deepEqual(evaluateWith(dev, gold), { f1: 1, lines: ['tiny           ALL 100.0 (P 100.0 R 100.0)  PER 100.0  ORG 100.0  LOC 100.0'] });
  assert.deepEqual(evaluateWith(dev, some), { f1: 0.5, lines: ['tiny           ALL 50.0 (P 66.7 R 40.0)  PER 66.7  ORG 0.0  LOC 100.0'] });
  assert.deepEqual(evaluateWith(dev, () => []).lines, ['tiny           ALL 0.0 (P 0.0 R 0.0)  PER 0.0  ORG 0.0  LOC 0.0']);
});
