import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateScorer, EntityScorer, context, matchOverlaps, prf, sentence } from '../../src/eval/score.js';
import type { GoldSpan } from '../../src/eval/types.js';

const span = (text: string, doc: string, type: string, value?: string, from = 0): GoldSpan => {
  const start = doc.indexOf(text, from);
  assert.ok(start >= 0, text);
  const s: GoldSpan = { start, end: start + text.length, type, text };
  if (value !== undefined) s.value = value;
  return s;
};
const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test('prf handles empty sets', () => {
  assert.deepEqual(prf(0, 0, 0), { tp: 0, precision: 0, recall: 0, f1: 0 });
  const x = prf(3, 6, 4);
  close(x.precision, 0.75);
  close(x.recall, 0.5);
  close(x.f1, 0.6);
});

test('overlap matching is one to one and prefers exact matches', () => {
  const doc = 'the European Commission said';
  const gold = [span('European Commission', doc, 'ORG')];
  const pred = [span('European', doc, 'ORG'), span('European Commission', doc, 'ORG')];
  assert.deepEqual(matchOverlaps(gold, pred), [[0, 1]]);
  // A type mismatch does not match unless asked.
  assert.deepEqual(matchOverlaps(gold, [span('Commission', doc, 'LOC')]), []);
  assert.deepEqual(matchOverlaps(gold, [span('Commission', doc, 'LOC')], false), [[0, 0]]);
});

test('entity scores per type and micro, exact and overlap', () => {
  const d1 = 'President Emmanuel Macron met Angela Merkel in Berlin.\nThe European Commission said the Americans agreed.';
  const d2 = 'Telegram is used by Rachid Kassim in Paris.';
  const s = new EntityScorer(['PER', 'ORG', 'LOC'], true);
  s.add('d1', d1,
    [span('Emmanuel Macron', d1, 'PER'), span('Angela Merkel', d1, 'PER'), span('Berlin', d1, 'LOC'), span('European Commission', d1, 'ORG'), span('Americans', d1, 'MISC')],
    [span('Emmanuel Macron', d1, 'PER'), span('Merkel', d1, 'PER'), span('Berlin', d1, 'LOC'), span('Commission', d1, 'ORG'), span('Americans', d1, 'LOC')]);
  s.add('d2', d2,
    [span('Telegram', d2, 'ORG'), span('Rachid Kassim', d2, 'PER'), span('Paris', d2, 'LOC')],
    [span('Telegram', d2, 'PER'), span('Rachid Kassim', d2, 'PER')]);
  const r = s.result();
  assert.equal(s.documents, 2);
  assert.deepEqual([r.types['PER']!.gold, r.types['PER']!.pred, r.types['PER']!.exact.tp, r.types['PER']!.overlap.tp], [3, 4, 2, 3]);
  assert.deepEqual([r.types['ORG']!.gold, r.types['ORG']!.pred, r.types['ORG']!.exact.tp, r.types['ORG']!.overlap.tp], [2, 1, 0, 1]);
  assert.deepEqual([r.types['LOC']!.gold, r.types['LOC']!.pred, r.types['LOC']!.exact.tp, r.types['LOC']!.overlap.tp], [2, 2, 1, 1]);
  assert.deepEqual([r.micro.gold, r.micro.pred, r.micro.exact.tp, r.micro.overlap.tp], [7, 7, 3, 5]);
  close(r.micro.exact.f1, 3 / 7);
  close(r.micro.overlap.f1, 5 / 7);
  close(r.types['PER']!.exact.f1, (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));

  const kinds = s.errors.map((e) => `${e.kind} ${e.doc} ${e.gold?.text ?? '-'} ${e.pred?.text ?? '-'}`);
  assert.deepEqual(kinds, [
    'boundary d1 Angela Merkel Merkel',
    'boundary d1 European Commission Commission',
    'type d1 Americans Americans',
    'type d2 Telegram Telegram',
    'missed d2 Paris -',
  ]);
});

test('--types restricts the scored types; other gold explains confusions', () => {
  const d = 'Telegram and Paris';
  const s = new EntityScorer(['PER'], true);
  s.add('d', d, [span('Telegram', d, 'ORG'), span('Paris', d, 'LOC')], [span('Telegram', d, 'PER'), span('Paris', d, 'LOC')]);
  const r = s.result();
  assert.deepEqual(Object.keys(r.types), ['PER']);
  assert.deepEqual([r.micro.gold, r.micro.pred, r.micro.exact.tp], [0, 1, 0]);
  assert.deepEqual(s.errors.map((e) => e.kind), ['type']);
});

test('a spurious span overlapping no gold at all', () => {
  const d = 'The lesson began.';
  const s = new EntityScorer(['PER', 'ORG', 'LOC'], true);
  s.add('d', d, [], [span('lesson', d, 'PER')]);
  assert.equal(s.errors[0]!.kind, 'spurious');
  assert.equal(s.errors[0]!.context, 'The [lesson] began.');
});

test('date scores: exact, overlap, value accuracy and value F1', () => {
  const d = 'He left on Monday and came back in November. Not in 2015.';
  const s = new DateScorer(true);
  s.add('d', d,
    [span('Monday', d, 'DATE', '2016-09-12'), span('November', d, 'DATE', '2015-11'), span('2015', d, 'TIME', '2015'), span('Not', d, 'PER')],
    [span('on Monday', d, 'DATE', '2016-09-12'), span('November', d, 'DATE', '2016-11'), span('back', d, 'DATE', 'PAST_REF')]);
  const r = s.result();
  assert.deepEqual([r.gold, r.pred, r.exact.tp, r.overlap.tp, r.valueCorrect], [3, 3, 1, 2, 1]);
  close(r.valueAccuracy, 0.5);
  close(r.value.f1, 1 / 3);
  assert.deepEqual(s.errors.map((e) => e.kind), ['boundary', 'spurious', 'value', 'missed']);
  assert.equal(s.errors[2]!.context, 'He left on Monday and came back in [November].');
  assert.equal(s.errors[3]!.context, 'Not in [2015].');
});

test('context and sentence helpers', () => {
  const t = 'x'.repeat(60) + ' Paris ' + 'y'.repeat(60);
  assert.equal(context(t, 61, 66), '…' + 'x'.repeat(39) + ' [Paris] ' + 'y'.repeat(39) + '…');
  assert.equal(sentence('One. Two on Monday. Three.\nFour.', 12, 18), 'Two on [Monday].');
});

test('sentences do not end at initials or abbreviations', () => {
  const t = 'He voted for [George H. W.] Bush in 88. Mr. Smith did not. Then 92 came.';
  const at = t.indexOf('88');
  assert.equal(sentence(t, at, at + 2), 'He voted for [George H. W.] Bush in [88].');
  const m = t.indexOf('did');
  assert.equal(sentence(t, m, m + 3), 'Mr. Smith [did] not.');
});
