/** House rules applied to the engine's spans (src/nlp/rules): table tests over short texts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/nlp/index.js';
import { parsePattern } from '../../src/nlp/rules/pattern.js';
import type { Correction, DocumentRules, Rules } from '../../src/nlp/rules/types.js';
import type { Analysis } from '../../src/core/types.js';

const NONE: Rules = { names: [], notEntities: [], patterns: [] };

function rules(r: Partial<Rules>, corrections: Partial<Correction>[] = []): DocumentRules {
  return {
    rules: { ...NONE, ...r },
    corrections: corrections.map((c) => ({ text: '', context: null, occurrence: null, label: null, not: null, value: null, ...c })),
  };
}

function pattern(source: string, label: 'PER' | 'ORG' | 'LOC') {
  const p = parsePattern(source);
  assert.ok(p.ok, source);
  return { source, label, elements: p.elements };
}

/** `Name{TYPE}` for each entity, `name*` when by config, and dates as `value=text`. */
function summary(a: Analysis): string[] {
  const out: string[] = [];
  for (const [list, label] of [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']] as const) {
    for (const g of a[list]) out.push(`${g.name}${g.by ? '*' : ''}{${label}}=${g.mentions.map((m) => m.text).join('|')}`);
  }
  for (const g of a.dates) out.push(`${g.value}${g.by ? '*' : ''}=${g.mentions.map((m) => m.text).join('|')}`);
  return out.sort();
}

function has(a: Analysis, entry: string): boolean {
  return summary(a).includes(entry);
}

test('a name wins over the engine wherever it occurs as a whole word, and is marked', () => {
  const text = 'Telegram said on Monday that Telegram users in Paris grew. Telegrams were sent.';
  const a = analyze(text, { rules: rules({ names: [{ name: 'Telegram', label: 'ORG', forms: ['Telegram'] }] }) });
  assert.ok(has(a, 'Telegram*{ORG}=Telegram|Telegram'), summary(a).join('\n'));
  assert.ok(!summary(a).some((s) => s.includes('Telegrams')));
});

test('aliases join their entry under its name, even when they do not look alike', () => {
  const text = 'Pavel Durov founded the app. Later Durov said the Big Boss would not comment.';
  const a = analyze(text, { rules: rules({ names: [{ name: 'Pavel Durov', label: 'PER', forms: ['Pavel Durov', 'Durov', 'Big Boss'] }] }) });
  assert.ok(has(a, 'Pavel Durov*{PER}=Pavel Durov|Durov|Big Boss'), summary(a).join('\n'));
});

test('a longer engine span of the same type stays; one of another type gives way', () => {
  const text = 'Chrysler Corp cut jobs. The Chrysler Building was sold. Walter Chrysler built it.';
  const without = analyze(text);
  const a = analyze(text, { rules: rules({ names: [{ name: 'Chrysler', label: 'ORG', forms: ['Chrysler'] }] }) });
  const orgs = a.organizations.flatMap((g) => g.mentions.map((m) => m.text));
  assert.ok(orgs.includes('Chrysler Corp') || !without.organizations.some((g) => g.mentions.some((m) => m.text === 'Chrysler Corp')), summary(a).join('\n'));
  for (const list of ['people', 'places'] as const) assert.ok(!a[list].some((g) => g.mentions.some((m) => m.text.includes('Chrysler'))), summary(a).join('\n'));
  assert.equal(orgs.filter((t) => t.includes('Chrysler')).length, 3, summary(a).join('\n'));
});

test('not_entities take strings out, of every type or of one', () => {
  const text = 'Paris Hilton flew to Paris on Friday. REUTER\n';
  const a = analyze(text, {
    rules: rules({
      notEntities: [
        { text: 'REUTER', labels: ['PER', 'ORG', 'LOC'] },
        { text: 'Paris', labels: ['LOC'] },
        { text: 'Friday', labels: ['DATE'] },
      ],
    }),
  });
  const all = summary(a).join('\n');
  assert.ok(!/REUTER|Friday/.test(all), all);
  assert.ok(!a.places.some((g) => g.mentions.some((m) => m.text === 'Paris')), all);
});

test('a name beats a date it overlaps; the other spans are the engine\'s, unchanged', () => {
  const text = 'Theresa May met Angela Merkel in Berlin in May 2017.';
  const without = summary(analyze(text));
  const a = summary(analyze(text, { rules: rules({ names: [{ name: 'Angela Merkel', label: 'PER', forms: ['Angela Merkel'] }] }) }));
  assert.ok(a.includes('Angela Merkel*{PER}=Angela Merkel'), a.join('\n'));
  assert.deepEqual(
    a.filter((s) => !s.startsWith('Angela Merkel')),
    without.filter((s) => !s.startsWith('Angela Merkel')),
  );
});

test('patterns: classes, quantifiers, alternatives; never across a line break', () => {
  const text = 'Reporters at Daily Planet Newsroom said so. Acme Widgets Inc and Bolt Corp agreed.\nRed\nNewsroom';
  const a = analyze(text, {
    rules: rules({ patterns: [pattern('[Cap]+ Newsroom', 'ORG'), pattern('[Cap] [Cap]? Inc|Corp', 'ORG')] }),
  });
  const orgs = a.organizations.filter((g) => g.by).flatMap((g) => g.mentions.map((m) => m.text));
  assert.deepEqual(orgs.sort(), ['Acme Widgets Inc', 'Bolt Corp', 'Daily Planet Newsroom'], summary(a).join('\n'));
});

test('pattern syntax errors say where and what to write', () => {
  assert.deepEqual(parsePattern('[Capital] Newsroom'), { ok: false, column: 1, why: 'unknown token class [Capital]; use one of [Cap] [Upper] [Lower] [Num] [Word] [Punct]' });
  assert.equal((parsePattern('Big [Cap') as { column: number }).column, 5);
  assert.equal(parsePattern('[Cap]?').ok, false);
  assert.equal(parsePattern('   ').ok, false);
  assert.equal(parsePattern('Inc||Corp').ok, false);
  const p = parsePattern('Co. [Num]+');
  assert.ok(p.ok && p.elements[0]!.literals![0]!.join(' ') === 'Co .');
});

test('corrections: a type, not an entity, a missed name, a date value; by occurrence and context', () => {
  const text = 'Calais is calm. In Calais, Magret de Canard was served to Ada Byron. Ada left on Friday.';
  const a = analyze(text, {
    referenceDate: '2016-09-14',
    rules: rules({}, [
      { text: 'Calais', occurrence: 2, label: 'ORG' },
      { text: 'Magret de Canard', not: ['PER', 'ORG', 'LOC'] },
      { text: 'Ada', context: 'Ada left', label: 'PER' },
      { text: 'Friday', value: '2016-09-09' },
    ]),
  });
  const all = summary(a);
  assert.ok(a.organizations.some((g) => g.by && g.mentions.length === 1 && g.mentions[0]!.start === text.indexOf('Calais', 5)), all.join('\n'));
  assert.ok(!all.some((s) => s.includes('Magret')), all.join('\n'));
  assert.ok(a.people.some((g) => g.by && g.mentions.some((m) => m.start === text.indexOf('Ada left'))), all.join('\n'));
  assert.ok(all.includes('2016-09-09*=Friday'), all.join('\n'));
});

test('a correction that finds no place is reported, and changes nothing', () => {
  const text = 'Calais is calm.';
  const report = { unused: [] as number[], names: [] as number[] };
  const a = analyze(text, { rules: rules({}, [{ text: 'Calais', label: 'LOC' }, { text: 'Dover', label: 'LOC' }, { text: 'Calais', occurrence: 2, label: 'ORG' }]), report });
  assert.deepEqual(report.unused, [1, 2]);
  assert.ok(has(a, 'Calais*{LOC}=Calais'), summary(a).join('\n'));
});

test('a correction anchored by text still applies after a paragraph is inserted above it', () => {
  const body = 'The mayor of Calais spoke. Calais voted.';
  const corr = [{ text: 'Calais', context: 'Calais voted', label: 'ORG' as const }];
  const at = (t: string) => analyze(t, { rules: rules({}, corr) }).organizations.filter((g) => g.by).flatMap((g) => g.mentions.map((m) => t.slice(m.start, m.end + 6)));
  assert.deepEqual(at(body), ['Calais voted']);
  assert.deepEqual(at(`A new first paragraph about Calais and Dover.\n\n${body}`), ['Calais voted']);
});

test('whole words only, and names in scripts other than Latin', () => {
  const text = 'Москва и Подмосковье. 北京 is big. Oslo-based Osloer.';
  const a = analyze(text, {
    rules: rules({ names: [{ name: 'Москва', label: 'LOC', forms: ['Москва'] }, { name: 'Oslo', label: 'LOC', forms: ['Oslo'] }, { name: '北京', label: 'LOC', forms: ['北京'] }] }),
  });
  const places = a.places.filter((g) => g.by).flatMap((g) => g.mentions.map((m) => m.text));
  assert.deepEqual(places.sort(), ['Oslo', 'Москва', '北京'].sort(), summary(a).join('\n'));
});
