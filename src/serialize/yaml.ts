/**
 * YAML writer for annotate/1. yaml's defaults are unsafe for YAML 1.1 readers: they alias
 * repeated objects, fold long lines and leave `no`, `2016-09-13` or `12:37` plain, which PyYAML
 * loads as a boolean, a date and the integer 757. Here: no aliases, no folding, and every
 * string a YAML 1.1 reader could misread is quoted (single, or double when it needs escapes).
 * Mentions are flow maps.
 *
 * The record has a fixed shape, so toYaml writes it directly: building and visiting a yaml
 * Document cost about 0.4 ms per small article, a twelfth of a whole run. toYamlWithLibrary is
 * the yaml-library writer it replaced, kept as the reference: the tests hold the two byte for
 * byte equal, on the corpus and on random records full of awkward strings.
 */
import type { AnnotationRecord, FurnitureRecord, MentionRecord, Origin, RangeRecord } from './record.js';
import { yamlLib } from './yaml-lib.js';
import { isSafePlain, needsEscapes } from './yaml11.js';

/** yaml's indent step, and the indents at which each kind of value sits (its ctx.indent). */
const STEP = '  ';
const TOP = STEP;
const FIELD = STEP.repeat(2);
const GROUP = STEP.repeat(3);
const MENTION = STEP.repeat(4);
const MENTION_VALUE = STEP.repeat(6);
/** The lists under `furniture:` sit one step deeper than the top-level ones. */
const TOP_LISTS = { pad: '', group: GROUP, mention: MENTION, value: MENTION_VALUE };
const NESTED_LISTS = { pad: STEP, group: GROUP + STEP, mention: MENTION + STEP, value: MENTION_VALUE + STEP };
type Depth = typeof TOP_LISTS;

export function toYaml(record: AnnotationRecord): string {
  const { document } = record;
  return (
    `schema: ${scalar(record.schema, TOP)}\n` +
    `source: ${scalar(record.source, TOP)}\n` +
    `checksum: ${scalar(record.checksum, TOP)}\n` +
    `generator: ${scalar(record.generator, TOP)}\n` +
    (record.digest === undefined ? '' : `digest: ${scalar(record.digest, TOP)}\n`) +
    'document:\n' +
    `  title: ${nullable(document.title)}\n` +
    `  published: ${nullable(document.published)}\n` +
    `  published_from: ${nullable(document.published_from)}\n` +
    (document.body === undefined ? '' : ranges(document.body)) +
    lists(record, TOP_LISTS) +
    (record.furniture === undefined ? '' : `furniture:\n${lists(record.furniture, NESTED_LISTS)}`)
  );
}

function lists(record: FurnitureRecord, depth: Depth): string {
  return (
    groups('people', 'name', record.people.map((g) => [g.name, g.mentions, g.by]), depth) +
    groups('organizations', 'name', record.organizations.map((g) => [g.name, g.mentions, g.by]), depth) +
    groups('places', 'name', record.places.map((g) => [g.name, g.mentions, g.by]), depth) +
    groups('dates', 'value', record.dates.map((g) => [g.value, g.mentions, g.by]), depth)
  );
}

function ranges(body: RangeRecord[]): string {
  if (body.length === 0) return '  body: []\n';
  return `  body:\n${body.map((r) => `    - {start: ${r.start}, end: ${r.end}}\n`).join('')}`;
}

function nullable(value: string | null): string {
  return value === null ? 'null' : scalar(value, FIELD);
}

function groups(key: string, nameKey: string, items: [string, MentionRecord[], Origin | undefined][], depth: Depth): string {
  const p = depth.pad;
  if (items.length === 0) return `${p}${key}: []\n`;
  let out = `${p}${key}:\n`;
  for (const [name, mentions, by] of items) {
    out += `${p}  - ${nameKey}: ${scalar(name, depth.group)}\n`;
    if (by !== undefined) out += `${p}    by: ${by}\n`;
    if (mentions.length === 0) {
      out += `${p}    mentions: []\n`;
      continue;
    }
    out += `${p}    mentions:\n`;
    for (const m of mentions) out += `${p}      - ${mention(m, depth)}\n`;
  }
  return out;
}

/** `{start: 1, end: 6, text: Paris}`; yaml spreads the map over lines when the text spans several. */
function mention(m: MentionRecord, depth: Depth): string {
  const text = scalar(m.text, depth.value);
  if (!text.includes('\n')) return `{start: ${m.start}, end: ${m.end}, text: ${text}}`;
  const item = depth.mention + STEP;
  return `{\n${item}start: ${m.start},\n${item}end: ${m.end},\n${item}text: ${text}\n${depth.mention}}`;
}

/**
 * What yaml's core (YAML 1.2) schema reads as null, bool, int or float. yaml quotes a plain string
 * that matches even after our YAML 1.1 check has passed it: that catches `0o17`, and `+.5`, which
 * PyYAML reads as 0.5 but yaml11's float pattern misses. None of these holds a quote, so yaml's
 * quotedString picks double quotes.
 */
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))?$/;

/** Whether toYaml writes this string plain (unquoted): what a reader may take back as it is. */
export function writesPlain(value: string): boolean {
  return isSafePlain(value) && !CORE_NON_STRING.test(value);
}

/**
 * One string value as yaml writes it with our quoting (lineWidth 0: never folded). `indent` is
 * the value's depth, where yaml continues a double-quoted string it breaks at a line feed.
 */
function scalar(value: string, indent: string): string {
  if (isSafePlain(value)) {
    return CORE_NON_STRING.test(value) ? doubleQuoted(value, indent) : value;
  }
  return needsEscapes(value) ? doubleQuoted(value, indent) : singleQuoted(value);
}

/** Never holds a line break (needsEscapes sends those to double quotes), so no line folding. */
function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * yaml's doubleQuotedString (stringify/stringifyString.js) for a value outside implicit keys:
 * JSON.stringify, then YAML's short escapes for the \u00XX that have one and \xXX for the others.
 * JSON leaves DEL, the C1 controls, U+00A0, U+2028/9 and U+FEFF raw and writes lone surrogates
 * as \udXXX.
 * A line feed inside a string of 40 or more JSON characters becomes a real line break (an empty
 * line, since a single break would fold to a space) followed by `indent`, with a space next to it
 * escaped so it is not folded away.
 */
function doubleQuoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    if (json[i + 1] === 'u') {
      str += json.slice(start, i);
      const code = json.slice(i + 2, i + 6);
      str += SHORT_ESCAPES.get(code) ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (json[i + 1] === 'n' && json[i + 2] !== '"' && json.length >= 40) {
      str += `${json.slice(start, i)}\n\n`;
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += indent;
      if (json[i + 2] === ' ') str += '\\';
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  str = start ? str + json.slice(start) : json;
  return escapeForYaml11(str);
}

/**
 * Characters JSON.stringify (and so yaml) leaves raw that a YAML 1.1 reader cannot take: PyYAML
 * refuses a whole file holding DEL, a C1 control or U+FFFE/U+FFFF ("unacceptable character"),
 * reads U+0085 as a line break, and drops a space next to a raw U+2028/9. Only double-quoted
 * scalars can hold them (needsEscapes sends every \p{C} and line separator there), so escaping
 * every occurrence in the output is safe. Text mangled by a wrong encoding (cp1252 read as
 * Latin-1) is full of C1 controls.
 */
const YAML11_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g;
const NAMED: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };
export function escapeForYaml11(out: string): string {
  YAML11_UNSAFE.lastIndex = 0;
  if (!YAML11_UNSAFE.test(out)) return out;
  return out.replace(YAML11_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

/**
 * yaml's short escapes for what JSON writes as \u00XX. Its table also has \N, \_, \L and \P, but
 * JSON.stringify writes U+0085, U+00A0 and U+2028/9 raw, so those never apply.
 */
const SHORT_ESCAPES = new Map([
  ['0000', '\\0'],
  ['0007', '\\a'],
  ['000b', '\\v'],
  ['001b', '\\e'],
]);

/** The same file through the yaml library: the reference toYaml is tested against. */
export function toYamlWithLibrary(record: AnnotationRecord): string {
  const { Document, isMap, isScalar, isSeq, Scalar, visit } = yamlLib();
  const doc = new Document(record, { aliasDuplicateObjects: false, version: '1.2' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !isSafePlain(node.value)) {
        node.type = needsEscapes(node.value) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
      }
    },
    Pair(_key, pair) {
      // mentions: [{start, end, text}, ...] -> one flow map per line
      if (isScalar(pair.key) && (pair.key.value === 'mentions' || pair.key.value === 'body') && isSeq(pair.value)) {
        for (const item of pair.value.items) if (isMap(item)) item.flow = true;
      }
    },
  });
  return escapeForYaml11(doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, flowCollectionPadding: false }));
}
