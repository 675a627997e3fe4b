import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, parseEvalArgs, runEval, type EvalOptions } from '../../src/eval/index.js';
import { captureIo, fakePredictor, fixture } from './helpers.js';

const opts = (o: Partial<EvalOptions>): EvalOptions => ({
  gold: 'shared', types: ['PER', 'ORG', 'LOC'], dates: false, errors: false, limit: null, idsPrefix: null, split: null, every: null, json: false, ...o,
});

const ENTITIES = fakePredictor({
  d1: [['Emmanuel Macron', 'PER'], ['Merkel', 'PER'], ['Berlin', 'LOC'], ['Commission', 'ORG'], ['Americans', 'LOC']],
  d2: [['Telegram', 'PER'], ['Rachid Kassim', 'PER']],
});

test('argument parsing', () => {
  assert.deepEqual(parseEvalArgs(['g', '--types', 'per,LOC', '--split', 'dev', '--limit=3', '--errors', '--json']),
    opts({ gold: 'g', types: ['PER', 'LOC'], split: 'dev', limit: 3, errors: true, json: true }));
  assert.equal((parseEvalArgs(['g', '--ids-prefix', 'test-n']) as EvalOptions).idsPrefix, 'test-n');
  assert.deepEqual((parseEvalArgs(['g', '--every', '5:1']) as EvalOptions).every, { n: 5, k: 1 });
  assert.throws(() => parseEvalArgs(['g', '--every', '5:5']), /--every takes/);
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

test('shared format: --errors prints the summary by category, then the errors grouped by it', async () => {
  const c = captureIo();
  await evaluate(opts({ errors: true }), c.io, ENTITIES);
  const listing = c.out().slice(c.out().indexOf('\nErrors by category'));
  assert.equal(listing, [
    '',
    'Errors by category: 5 (each error counted once, in the first matching category of 10, 9, 1, 6, 7, 5, 8, 3, 4, 2, then other)',
    '',
    '#   category                                    count  share  PER  ORG  LOC  MISC',
    '1   Clubs named after a place, typed LOC            0   0.0%    0    0    0     0',
    '2   Organizations missed entirely                   0   0.0%    0    0    0     0',
    '3   One-token company or club names typed PER       1  20.0%    0    1    0     0',
    '4   People missed or mistyped                       0   0.0%    0    0    0     0',
    '5   Span boundaries on table lines                  0   0.0%    0    0    0     0',
    '6   Organizations cut down to their place name      0   0.0%    0    0    0     0',
    '7   Hyphens and initials                            0   0.0%    0    0    0     0',
    '8   ALL-CAPS lines                                  0   0.0%    0    0    0     0',
    '9   Document level (found correctly elsewhere)      0   0.0%    0    0    0     0',
    '10  Not entities                                    1  20.0%    0    0    0     1',
    '      demonym (gold MISC)                           1  20.0%    0    0    0     1',
    '    Other                                           3  60.0%    1    1    1     0',
    '      boundary ORG                                  1  20.0%    0    1    0     0',
    '      boundary PER                                  1  20.0%    1    0    0     0',
    '      missed LOC                                    1  20.0%    0    0    1     0',
    '',
    '3. One-token company or club names typed PER: 1',
    '  d2:1  type  "Telegram" ORG -> PER',
    '      [Telegram] is used by Rachid Kassim in Paris since…',
    '',
    '10. Not entities: 1',
    '  d1:2  type  "Americans" MISC -> LOC  [demonym (gold MISC)]',
    '      …onday. The European Commission said the [Americans] agreed.',
    '',
    'Other: 3',
    '  d1:1  boundary  PER gold "Angela Merkel" / found "Merkel"',
    '      President Emmanuel Macron met [Angela Merkel] in Berlin on Monday. The European Commi…',
    '  d1:2  boundary  ORG gold "European Commission" / found "Commission"',
    '      …Angela Merkel in Berlin on Monday. The [European Commission] said the Americans agreed.',
    '  d2:1  missed  LOC "Paris"',
    '      Telegram is used by Rachid Kassim in [Paris] since 2015.',
    '',
  ].join('\n'));
});

test('--errors --json gives each error its category and the summary', async () => {
  const c = captureIo();
  await evaluate(opts({ errors: true, json: true }), c.io, ENTITIES);
  const j = JSON.parse(c.out()) as {
    errors: Array<{ kind: string; gold: { text: string } | null; category: string; subcategory: string | null }>;
    errorSummary: { total: number; types: string[]; categories: Array<{ id: string; count: number; share: number; types: Record<string, number>; subs: Array<{ sub: string; count: number }> }> };
  };
  assert.deepEqual(j.errors.map((e) => [e.gold?.text, e.category, e.subcategory]), [
    ['Angela Merkel', 'other', 'boundary PER'],
    ['European Commission', 'other', 'boundary ORG'],
    ['Americans', 'not-entity', 'demonym (gold MISC)'],
    ['Telegram', 'org-as-person', null],
    ['Paris', 'other', 'missed LOC'],
  ]);
  assert.equal(j.errorSummary.total, 5);
  assert.deepEqual(j.errorSummary.types, ['PER', 'ORG', 'LOC', 'MISC']);
  const other = j.errorSummary.categories.find((x) => x.id === 'other')!;
  assert.equal(other.count, 3);
  assert.equal(other.share, 0.6);
  assert.deepEqual(other.types, { PER: 1, ORG: 1, LOC: 1, MISC: 0 });
  assert.equal(j.errorSummary.categories.length, 11);
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
  const every: string[] = [];
  for await (const d of src.docs({ idsPrefix: null, every: { n: 2, k: 1 }, limit: null })) every.push(d.id);
  assert.deepEqual(every, ['set-dev-b', 'set-train-dev']);
});

test('gold with body ranges: the zoning is scored by character, beside all-as-body', async () => {
  const c = captureIo();
  // A zoner that takes the whole text: recall 100, precision that of all-as-body.
  assert.equal(await evaluate(opts({ gold: 'pages', errors: true }), c.io, () => [], (doc) => [{ start: 0, end: doc.text.length }]), 0);
  assert.match(c.out(), /Body zoning \(2 documents with gold body ranges; non-blank characters\)/);
  assert.match(c.out(), /zoned\s+271\s+390\s+271\s+69\.5\s+100\.0\s+82\.0\n/);
  assert.match(c.out(), /all as body\s+271\s+390\s+271\s+69\.5\s+100\.0\s+82\.0\n/);
  assert.match(c.out(), /Documents zoned with errors \(1\)[\s\S]*p1\s+187\s+306\s+187\s+75\.9/);
  const j = captureIo();
  await evaluate(opts({ gold: 'pages', json: true }), j.io, () => [], () => []);
  const body = (JSON.parse(j.out()) as { body: { documents: number; f1: number; recall: number } }).body;
  assert.deepEqual([body.documents, body.recall, body.f1], [2, 0, 0]);
});

test('the engine zones the fixture pages exactly', async () => {
  const c = captureIo();
  await evaluate(opts({ gold: 'pages' }), c.io, () => []);
  assert.match(c.out(), /zoned\s+271\s+271\s+271\s+100\.0\s+100\.0\s+100\.0\n/);
});

test('a body range out of order or outside the text is a gold error', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/eval-body-`);
  try {
    mkdirSync(`${dir}/docs`);
    writeFileSync(`${dir}/docs/a.txt`, 'Some text.');
    writeFileSync(`${dir}/gold.jsonl`, `${JSON.stringify({ id: 'a', dct: null, entities: [], body: [[5, 99]] })}\n`);
    const c = captureIo(dir);
    assert.equal(await evaluate(opts({ gold: dir }), c.io, () => []), 2);
    assert.match(c.err(), /gold\.jsonl:1: body range \[5,99\] is not a \[start, end\] pair in order inside the text \(10 characters\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
