import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, parseEvalArgs, runEval, type EvalOptions } from '../../src/eval/index.js';
import { captureIo, fakePredictor, fixture } from './helpers.js';

const opts = (o: Partial<EvalOptions>): EvalOptions => ({
  gold: 'shared', types: ['PER', 'ORG', 'LOC'], dates: false, errors: false, limit: null, idsPrefix: null, split: null, json: false, ...o,
});

const ENTITIES = fakePredictor({
  d1: [['Emmanuel Macron', 'PER'], ['Merkel', 'PER'], ['Berlin', 'LOC'], ['Commission', 'ORG'], ['Americans', 'LOC']],
  d2: [['Telegram', 'PER'], ['Rachid Kassim', 'PER']],
});

test('argument parsing', () => {
  assert.deepEqual(parseEvalArgs(['g', '--types', 'per,LOC', '--split', 'dev', '--limit=3', '--errors', '--json']),
    opts({ gold: 'g', types: ['PER', 'LOC'], split: 'dev', limit: 3, errors: true, json: true }));
  assert.equal((parseEvalArgs(['g', '--ids-prefix', 'test-n']) as EvalOptions).idsPrefix, 'test-n');
  assert.equal(parseEvalArgs(['--help']), 'help');
  assert.throws(() => parseEvalArgs([]), /Missing the gold set/);
  assert.throws(() => parseEvalArgs(['g', '--types', 'MISC']), /--types takes/);
  assert.throws(() => parseEvalArgs(['g', '--limit', 'x']), /--limit/);
  assert.throws(() => parseEvalArgs(['g', '--frobnicate']), /Unknown option --frobnicate/);
});

test('usage errors exit 2 with the message on stderr', async () => {
  const c = captureIo();
  assert.equal(await runEval(['--nope'], c.io), 2);
  assert.match(c.err(), /^annotate eval: Unknown option --nope\.\n\nUsage: annotate eval/);
  const d = captureIo();
  assert.equal(await runEval(['does-not-exist'], d.io), 2);
  assert.match(d.err(), /does-not-exist: no such file or folder/);
});

test('shared format: the entity table', async () => {
  const c = captureIo();
  assert.equal(await evaluate(opts({}), c.io, ENTITIES), 0);
  assert.equal(c.out(), [
    `Entities: shared (2 documents)`,
    ``,
    `                   exact                 overlap`,
    `type   gold  pred  tp     P     R    F1  tp      P      R    F1`,
    `PER       3     4   2  50.0  66.7  57.1   3   75.0  100.0  85.7`,
    `ORG       2     1   0   0.0   0.0   0.0   1  100.0   50.0  66.7`,
    `LOC       2     2   1  50.0  50.0  50.0   1   50.0   50.0  50.0`,
    `micro     7     7   3  42.9  42.9  42.9   5   71.4   71.4  71.4`,
    ``,
  ].join('\n'));
});

test('shared format: --errors lists each kind with context', async () => {
  const c = captureIo();
  await evaluate(opts({ errors: true }), c.io, ENTITIES);
  const listing = c.out().slice(c.out().indexOf('\nMissed'));
  assert.equal(listing, [
    '',
    'Missed (in the gold, not found): 1',
    '  d2:1  LOC "Paris"',
    '      Telegram is used by Rachid Kassim in [Paris] since 2015.',
    '',
    'Boundary errors (overlap, different span): 2',
    '  d1:1  PER gold "Angela Merkel" / found "Merkel"',
    '      President Emmanuel Macron met [Angela Merkel] in Berlin on Monday. The European Commi…',
    '  d1:2  ORG gold "European Commission" / found "Commission"',
    '      …Angela Merkel in Berlin on Monday. The [European Commission] said the Americans agreed.',
    '',
    'Type confusions (gold type -> predicted type): 2',
    '  d1:2  "Americans" MISC -> LOC',
    '      …onday. The European Commission said the [Americans] agreed.',
    '  d2:1  "Telegram" ORG -> PER',
    '      [Telegram] is used by Rachid Kassim in Paris since…',
    '',
  ].join('\n'));
});

test('--split / --ids-prefix and --limit select documents; --json', async () => {
  const c = captureIo();
  assert.equal(await evaluate(opts({ idsPrefix: 'd2', json: true }), c.io, ENTITIES), 0);
  const j = JSON.parse(c.out()) as { documents: number; format: string; entities: { micro: { gold: number; exact: { tp: number; f1: number } } } };
  assert.equal(j.format, 'shared');
  assert.equal(j.documents, 1);
  assert.equal(j.entities.micro.gold, 3);
  assert.equal(j.entities.micro.exact.tp, 1);
  assert.equal(j.entities.micro.exact.f1, 0.4);
  const l = captureIo();
  await evaluate(opts({ limit: 1 }), l.io, ENTITIES);
  assert.match(l.out(), /\(1 documents\)/);
  const none = captureIo();
  assert.equal(await evaluate(opts({ idsPrefix: 'zzz' }), none.io, ENTITIES), 2);
  assert.match(none.err(), /no documents matched/);
});

test('shared format: dates with the reference date passed to the system', async () => {
  const seen: Array<string | null> = [];
  const c = captureIo();
  const predict = fakePredictor({ d1: [['on Monday', 'DATE', '2016-09-12']], d2: [['Rachid', 'DATE', '2015']] });
  await evaluate(opts({ dates: true, errors: true }), c.io, (doc, mode) => {
    seen.push(doc.dct);
    assert.equal(mode.dates, true);
    return predict(doc, mode);
  });
  assert.deepEqual(seen, ['2016-09-13', null]);
  assert.match(c.out(), /^Dates: shared \(2 documents\)\n\ndates    gold  pred  tp     P     R    F1\nexact       2     2   0   0\.0   0\.0   0\.0\noverlap     2     2   1  50\.0  50\.0  50\.0\nvalue       2     2   1  50\.0  50\.0  50\.0\n/);
  assert.match(c.out(), /value accuracy of the overlapping matches: 1\/1 = 100\.0%/);
  assert.match(c.out(), /Missed \(in the gold, not found\): 1\n  d2:1  DATE "2015" = 2015\n      Telegram is used by Rachid Kassim in Paris since \[2015\]\.\n/);
  assert.match(c.out(), /Spurious \(found, not in the gold\): 1\n  d2:1  DATE "Rachid" = 2015\n/);
  assert.match(c.out(), /Boundary errors \(overlap, different span\): 1\n  d1:1  DATE gold "Monday" \/ found "on Monday"\n/);
});

test('date-examples format is detected (file or folder) and scored as dates', async () => {
  const predict = fakePredictor({ e1: [['November', 'DATE', '2016-11']] });
  for (const gold of ['examples', 'examples/examples.jsonl']) {
    const c = captureIo();
    assert.equal(await evaluate(opts({ gold, errors: true }), c.io, predict), 0);
    assert.match(c.out(), /^Dates: .* \(2 documents\)/);
    assert.match(c.out(), /Wrong values \(gold -> predicted\): 1\n  e1:1  "November" 2015-11 -> 2016-11\n      Gunmen killed 130 people in Paris in \[November\]\.\n/);
  }
});

test('yaml annotations: code point offsets converted; dates scored with --dates', async () => {
  const predict = fakePredictor({ story: [['Rachid Kassim', 'PER'], ['Paris', 'ORG'], ['13 September 2016', 'DATE', '2016-09-13']] });
  const c = captureIo();
  assert.equal(await evaluate(opts({ gold: 'yaml', json: true }), c.io, (doc, mode) => {
    assert.equal(doc.fileName, 'story.txt');
    assert.equal(doc.dct, '2016-09-13');
    return predict(doc, mode).filter((s) => s.type !== 'DATE');
  }), 0);
  const j = JSON.parse(c.out()) as { format: string; entities: { types: Record<string, { exact: { tp: number } }> } };
  assert.equal(j.format, 'yaml');
  assert.equal(j.entities.types['PER']!.exact.tp, 1);
  assert.equal(j.entities.types['LOC']!.exact.tp, 0);
  const d = captureIo();
  await evaluate(opts({ gold: 'yaml', dates: true }), d.io, (doc, mode) => predict(doc, mode).filter((s) => s.type === 'DATE'));
  assert.match(d.out(), /exact\s+1\s+1\s+1\s+100\.0/);
});

test('a yaml annotation whose mention does not match its source is an error', async () => {
  const c = captureIo();
  assert.equal(await evaluate(opts({ gold: 'yaml-bad' }), c.io, ENTITIES), 2);
  assert.match(c.err(), /story\.yaml: places "Paris": mention 24-29 is " Pari" in the source, not "Paris"/);
});

test('the real engine runs end to end on the fixtures', async () => {
  const c = captureIo();
  assert.equal(await runEval(['shared'], c.io), 0);
  assert.match(c.out(), /^Entities: shared \(2 documents\)/);
  assert.match(c.out(), /\nmicro +7 /);
});

test('--split matches NAME-... and SET-NAME-... ids', async () => {
  const { openGold } = await import('../../src/eval/sources.js');
  const src = await openGold(fixture('split'));
  const ids: string[] = [];
  for await (const d of src.docs({ idsPrefix: null, split: 'dev', limit: null })) ids.push(d.id);
  assert.deepEqual(ids, ['dev-a', 'set-dev-b']);
});
