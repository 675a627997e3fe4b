/**
 * A reader for the YAML that toYaml writes, and nothing else: the lines of its fixed shape,
 * plain, single-quoted and one-line double-quoted scalars. Anything it does not recognise (a
 * mention spread over lines, a double-quoted string broken over lines or using YAML-only
 * escapes, a file laid out by hand) gives null, and the caller parses with the yaml library.
 * The yaml library is about twenty times slower on our files, which made `annotate diff` of
 * two large folders slow (docs/performance.md). The tests hold this reader to the library's
 * result on the corpus and on random records.
 */
import type { AnnotationRecord, DateRecord, EntityRecord, FurnitureRecord, MentionRecord, Origin, RangeRecord } from './record.js';
import { writesPlain } from './yaml.js';

/** JSON's escapes: a double-quoted YAML scalar using only these reads the same with JSON.parse. */
const JSON_ESCAPES = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/g;

class NotOurs extends Error {}

function scalar(raw: string): string {
  const c = raw.charCodeAt(0);
  if (c === 0x27) {
    // 'it''s': a quote inside is always doubled.
    if (raw.length < 2 || !raw.endsWith("'")) throw new NotOurs();
    const inner = raw.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) throw new NotOurs();
    return inner.replace(/''/g, "'");
  }
  if (c === 0x22) {
    if (raw.length < 2 || !raw.endsWith('"') || raw.slice(1, -1).replace(JSON_ESCAPES, '').includes('\\')) throw new NotOurs();
    try {
      return JSON.parse(raw) as string;
    } catch {
      throw new NotOurs();
    }
  }
  // A plain value is one toYaml would have written plain: then it reads as this string.
  if (!writesPlain(raw)) throw new NotOurs();
  return raw;
}

const nullable = (raw: string): string | null => (raw === 'null' ? null : scalar(raw));

const MENTION = /^ {6}- \{start: (0|[1-9][0-9]*), end: (0|[1-9][0-9]*), text: (.*)\}$/;
const RANGE = /^ {4}- \{start: (0|[1-9][0-9]*), end: (0|[1-9][0-9]*)\}$/;

/** The record in `text` when it is laid out as toYaml writes it, else null. */
export function readOwnYaml(text: string): AnnotationRecord | null {
  if (!text.endsWith('\n')) return null;
  const lines = text.split('\n');
  lines.pop();
  let i = 0;
  const field = (prefix: string): string => {
    const line = lines[i];
    if (line === undefined || !line.startsWith(prefix)) throw new NotOurs();
    i++;
    return line.slice(prefix.length);
  };
  try {
    const record = {
      schema: scalar(field('schema: ')),
      source: scalar(field('source: ')),
      checksum: scalar(field('checksum: ')),
      generator: scalar(field('generator: ')),
    } as AnnotationRecord;
    if (lines[i]?.startsWith('digest: ')) record.digest = scalar(field('digest: '));
    field('document:');
    if (lines[i - 1] !== 'document:') throw new NotOurs();
    record.document = { title: nullable(field('  title: ')), published: nullable(field('  published: ')), published_from: nullable(field('  published_from: ')) as AnnotationRecord['document']['published_from'] };
    if (lines[i] === '  body: []') {
      record.document.body = [];
      i++;
    } else if (lines[i] === '  body:') {
      const body: RangeRecord[] = [];
      for (let line = lines[++i]; line?.startsWith('    - '); line = lines[++i]) {
        const match = RANGE.exec(line);
        if (!match) throw new NotOurs();
        body.push({ start: Number(match[1]), end: Number(match[2]) });
      }
      if (body.length === 0) throw new NotOurs();
      record.document.body = body;
    }
    // The lists under `furniture:` are the top-level ones moved one step in.
    const groups = (key: string, nameKey: string, p: string): { key: string; by?: Origin; mentions: MentionRecord[] }[] => {
      const head = lines[i++];
      if (head === `${p}${key}: []`) return [];
      if (head !== `${p}${key}:`) throw new NotOurs();
      const out: { key: string; by?: Origin; mentions: MentionRecord[] }[] = [];
      while (lines[i]?.startsWith(`${p}  - ${nameKey}: `)) {
        const name = scalar(field(`${p}  - ${nameKey}: `));
        const by = lines[i] === `${p}    by: config` ? (i++, 'config' as const) : undefined;
        const mentions: MentionRecord[] = [];
        const m = lines[i++];
        if (m === `${p}    mentions:`) {
          for (let line = lines[i]; line?.startsWith(`${p}      - `); line = lines[++i]) {
            const match = MENTION.exec(p === '' ? line : line.slice(p.length));
            if (!match || !line.startsWith(p)) throw new NotOurs();
            mentions.push({ start: Number(match[1]), end: Number(match[2]), text: scalar(match[3]!) });
          }
          if (mentions.length === 0) throw new NotOurs();
        } else if (m !== `${p}    mentions: []`) throw new NotOurs();
        out.push(by ? { key: name, by, mentions } : { key: name, mentions });
      }
      return out;
    };
    const entities = (key: string, p: string): EntityRecord[] =>
      groups(key, 'name', p).map((g) => (g.by ? { name: g.key, by: g.by, mentions: g.mentions } : { name: g.key, mentions: g.mentions }));
    const dates = (p: string): DateRecord[] => groups('dates', 'value', p).map((g) => (g.by ? { value: g.key, by: g.by, mentions: g.mentions } : { value: g.key, mentions: g.mentions }));
    const lists = (p: string): FurnitureRecord => ({ people: entities('people', p), organizations: entities('organizations', p), places: entities('places', p), dates: dates(p) });
    Object.assign(record, lists(''));
    if (lines[i] === 'furniture:') {
      i++;
      record.furniture = lists('  ');
    }
    return i === lines.length ? record : null;
  } catch (err) {
    if (err instanceof NotOurs) return null;
    throw err;
  }
}
