/** The shipped JSON Schema accepts every committed corpus annotation and rejects broken ones. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/serialize/annotate-1.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

test('every corpus/*.yaml is valid annotate/1', () => {
  const files = readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.yaml')).sort();
  assert.ok(files.length >= 2, 'corpus has annotations');
  for (const f of files) {
    const doc: unknown = parse(readFileSync(path.join(ROOT, 'corpus', f), 'utf8'));
    assert.ok(validate(doc), `${f}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema rejects missing lists, extra keys and bad offsets', () => {
  const good = parse(readFileSync(path.join(ROOT, 'corpus', readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.yaml')).sort()[0]!), 'utf8')) as Record<string, unknown>;
  const broken: Record<string, unknown>[] = [
    { ...good, dates: undefined },
    { ...good, extra: 1 },
    { ...good, schema: 'annotate/2' },
    { ...good, places: [{ name: 'Paris', mentions: [{ start: -1, end: 3, text: 'Par' }] }] },
    { ...good, checksum: 'md5:00' },
    { ...good, document: { ...(good.document as object), body: [{ start: 0 }] } },
    { ...good, furniture: { people: [], organizations: [], places: [] } },
    { ...good, furniture: { people: [], organizations: [], places: [], dates: [], extra: [] } },
  ];
  for (const doc of broken) {
    const clean = JSON.parse(JSON.stringify(doc)) as unknown;
    assert.equal(validate(clean), false, JSON.stringify(clean).slice(0, 120));
  }
});

test('document.body and furniture: are optional, so files of annotate 0.1 stay valid', () => {
  const good = parse(readFileSync(path.join(ROOT, 'corpus', readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.yaml')).sort()[0]!), 'utf8')) as Record<string, unknown>;
  assert.ok(good.furniture, 'the corpus annotation lists its furniture');
  const old = JSON.parse(JSON.stringify({ ...good, furniture: undefined, document: { ...(good.document as object), body: undefined } })) as unknown;
  assert.ok(validate(old), JSON.stringify(validate.errors));
});

test('by: config is part of annotate/1; the config schema takes the README example and refuses mistakes', async () => {
  const good = parse(readFileSync(path.join(ROOT, 'corpus', readdirSync(path.join(ROOT, 'corpus')).filter((f) => f.endsWith('.yaml')).sort()[0]!), 'utf8')) as Record<string, unknown>;
  assert.ok(validate({ ...good, places: [{ name: 'Paris', by: 'config', mentions: [{ start: 0, end: 5, text: 'Paris' }] }] }));
  assert.equal(validate({ ...good, places: [{ name: 'Paris', by: 'engine', mentions: [{ start: 0, end: 5, text: 'Paris' }] }] }), false);

  const configSchema = JSON.parse(readFileSync(path.join(ROOT, 'src/config/annotate-config.schema.json'), 'utf8')) as object;
  const checkConfig = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false }).compile(configSchema);
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const example = /```yaml\n(# annotate\.config\.yaml[\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'the README has a config example');
  assert.ok(checkConfig(parse(example)), JSON.stringify(checkConfig.errors));
  // And annotate itself takes it.
  const { validate: validateConfig } = await import('../../src/config/validate.js');
  const { parseConfigText } = await import('../../src/config/parse.js');
  assert.equal(validateConfig(parseConfigText(example)).rules.names.length, 2);
  for (const bad of [{ names: { X: 'organisation' } }, { not_entity: [] }, { corrections: { 'a.txt': [{ text: 'X', type: 'place', not: 'entity' }] } }, { corrections: { '../a.txt': [] } }]) {
    assert.equal(checkConfig(bad), false, JSON.stringify(bad));
  }
});
