import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { documentFacts, extractFeatures, windowFeatures, type FeatureBuffer } from '../../../src/nlp/entities/features.js';
import { loadLexicon } from '../../../src/nlp/entities/lexicon.js';
import { decodeModel } from '../../../src/nlp/entities/model.js';
import { DEFAULT_TAGGER_OPTIONS } from '../../../src/nlp/entities/options.js';
import { LEXICON_URL, MODEL_URL, WORDS_URL } from '../../../src/nlp/entities/paths.js';
import { Tagger } from '../../../src/nlp/entities/tagger.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import { gazetteerTags } from '../../../src/nlp/gazetteer/index.js';
import { article } from '../../../src/tools/bench-articles.js';

const { lexicon } = loadLexicon(LEXICON_URL, WORDS_URL);

/** Articles, a CAPS headline, a results table and a line of some thousand tokens with runs, phrases and "Name (ACRONYM)". */
function longText(): string {
  const parts: string[] = ['SOCCER - LEAGUE RESULTS AND STANDINGS FOR NEW YORK CITY', 'Rivertown 2 Lakeside 1', 'Northfield 12 8 2 2'];
  for (let i = 0; i < 60; i++) parts.push(article(i));
  const line: string[] = [];
  for (let i = 0; i < 1200; i++) line.push(`The Government Communications Headquarters (GCHQ) told Ana Petrescu of New York and ${['Chrysler Corp', 'al-Qaeda', 'U.S.', 'coach Kovac'][i % 4]} so.`);
  parts.push(line.join(' '));
  return parts.join('\n');
}

/** A copy of what a buffer holds for its tokens (a buffer's arrays are reused by the next call). */
function snapshot(buf: FeatureBuffer): { feats: number[][]; form: string[]; shape: string[]; common: number[] | null } {
  const n = buf.offs.length - 1;
  const feats: number[][] = [];
  for (let i = 0; i < n; i++) feats.push(Array.from(buf.feats.subarray(3 * buf.offs[i]!, 3 * buf.offs[i + 1]!)));
  return { feats, form: [...buf.form], shape: [...buf.shape], common: buf.common ? Array.from(buf.common) : null };
}

test('a document cut into windows anywhere, even inside a line, gets the features it gets whole', () => {
  const tokens = tokenize(longText());
  assert.ok(tokens.length > 20_000, String(tokens.length));
  const whole = snapshot(extractFeatures(tokens, lexicon, gazetteerTags, DEFAULT_TAGGER_OPTIONS));
  const facts = documentFacts(tokens, lexicon, gazetteerTags, DEFAULT_TAGGER_OPTIONS);
  const cut = { feats: [] as number[][], form: [] as string[], shape: [] as string[], common: [] as number[] };
  for (let from = 0; from < tokens.length; from += 777) {
    const part = snapshot(windowFeatures(facts, from, Math.min(tokens.length, from + 777)));
    cut.feats.push(...part.feats);
    cut.form.push(...part.form);
    cut.shape.push(...part.shape);
    cut.common.push(...part.common!);
  }
  assert.deepEqual(cut, whole);
});

test('the tagger scores a long document a window at a time, and tags it as it would whole', () => {
  const text = longText();
  const { model } = decodeModel(readFileSync(MODEL_URL));
  const rows: number[] = [];
  const score = model.score.bind(model);
  model.score = (buf, lex) => {
    rows.push(buf.offs.length - 1);
    return score(buf, lex);
  };
  const tagger = new Tagger(model, lexicon, gazetteerTags);
  const spans = tagger.tag(text);
  assert.ok(spans.some((s) => s.text === 'GCHQ') && spans.some((s) => s.text === 'Ana Petrescu'));
  const n = tokenize(text).length;
  assert.ok(rows.length > 4, `${rows.length} windows`);
  assert.equal(rows.reduce((a, b) => a + b, 0), n);
  // A window is whole segments (at most 4,000 tokens each), closed once it holds the window's size.
  assert.ok(Math.max(...rows) < tagger.window + 4000, String(Math.max(...rows)));
  // The whole document in one window, and windows of a segment each: the same spans.
  for (const window of [Infinity, 1]) {
    rows.length = 0;
    tagger.window = window;
    assert.deepEqual(tagger.tag(text), spans, `window ${window}`);
    assert.equal(rows.length > 1, window === 1);
  }
});
