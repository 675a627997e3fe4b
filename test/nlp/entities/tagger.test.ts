import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TAGS } from '../../../src/nlp/entities/features.js';
import { dropSignOffs, tagsToSpans } from '../../../src/nlp/entities/tagger.js';
import { tokenize } from '../../../src/nlp/entities/tokenize.js';
import type { Span } from '../../../src/core/types.js';

/** Spans of `text` from one tag per token, given as "B-PER" etc. in token order ('O' when short). */
function spansOf(text: string, tags: Record<string, string>): string[] {
  const tokens = tokenize(text);
  const ids = Int32Array.from(tokens, (t, i) => TAGS.indexOf(tags[`${i}:${t.text}`] ?? 'O'));
  return tagsToSpans(text, tokens, ids).map((s) => `${s.text}/${s.label}`);
}

test('the lower-case half of a hyphenated name stays in the span; common words at the edge do not', () => {
  const text = 'Lee Ka-ming won.';
  const toks = tokenize(text).map((t, i) => `${i}:${t.text}`);
  assert.deepEqual(toks, ['0:Lee', '1:Ka', '2:-', '3:ming', '4:won', '5:.']);
  assert.deepEqual(spansOf(text, { '0:Lee': 'B-PER', '1:Ka': 'I-PER', '2:-': 'I-PER', '3:ming': 'L-PER' }), ['Lee Ka-ming/PER']);
  // A common word inside is cut with what comes before it ("German agency BND" -> "BND").
  assert.deepEqual(spansOf('German agency BND', { '0:German': 'B-ORG', '1:agency': 'I-ORG', '2:BND': 'L-ORG' }), ['BND/ORG']);
  assert.deepEqual(spansOf('Lee Ka - ming won.', { '0:Lee': 'B-PER', '1:Ka': 'I-PER', '2:-': 'I-PER', '3:ming': 'L-PER' }), []);
});

function span(text: string, part: string, label: Span['label'] = 'ORG', from = 0): Span {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length, label, text: part };
}

test('an agency that only signs the story is dropped; an agency in a sentence is kept', () => {
  const text = 'LONDON (Reuters) - Prices rose.\nReuters reported a fall.\nREUTER\n-- AP\nThe AP wire said so.';
  const spans = [span(text, 'Reuters'), span(text, 'Reuters', 'ORG', 20), span(text, 'REUTER', 'PER'), span(text, 'AP'), span(text, 'AP', 'ORG', text.indexOf('The AP'))];
  assert.deepEqual(dropSignOffs(text, spans).map((s) => `${s.start}:${s.text}`), [`${text.indexOf('Reuters reported')}:Reuters`, `${text.indexOf('AP wire')}:AP`]);
  // Other names alone on a line are kept.
  const t2 = 'Lakeside\nThe end.';
  assert.equal(dropSignOffs(t2, [span(t2, 'Lakeside', 'LOC')]).length, 1);
});
