/**
 * A reader for the plain YAML a config is usually written in: block mappings and lists, one-line
 * flow mappings and lists, plain and quoted strings, whole numbers, comments. The yaml library
 * took 150 to 400 ms for a config of 10,000 names (its lexer alone a third of that), where this
 * takes a few. Anything else (anchors, tags, block scalars, multi-line flow, numbers that are not
 * plain integers, tabs) returns undefined, and parse.ts hands the text to the yaml library,
 * which also reports mistakes. Both give the same tree, offsets included
 * (test/config/fast-parse.test.ts compares them).
 */
import type { Node } from './validate.js';

interface Line {
  /** Column of the first character of the content. */
  indent: number;
  /** Offset of the content in the whole text. */
  at: number;
  /** Without the indent, a comment and trailing blanks. */
  text: string;
  /** Blanks after `text` before the line's end or its comment. */
  trailing: number;
}

class Unsupported extends Error {}

const fail = (): never => {
  throw new Unsupported();
};

export function fastParse(source: string): Node | null | undefined {
  try {
    const lines = splitLines(source);
    if (lines.length === 0) return null;
    const p = new Parser(lines);
    const node = p.node(0, 0);
    if (p.i !== lines.length) fail();
    return node;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

function splitLines(source: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    let lineEnd = end > start && source.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    let from = start;
    while (from < lineEnd && source.charCodeAt(from) === 0x20) from++;
    if (source.charCodeAt(from) === 0x09 && from < lineEnd) fail();
    lineEnd = commentStart(source, from, lineEnd);
    let last = lineEnd;
    while (last > from && (source.charCodeAt(last - 1) === 0x20 || source.charCodeAt(last - 1) === 0x09)) last--;
    if (last > from) {
      const text = source.slice(from, last);
      if (from === start && (text.startsWith('---') || text.startsWith('...') || text.startsWith('%'))) fail();
      out.push({ indent: from - start, at: from, text, trailing: lineEnd - last });
    }
    start = end + 1;
  }
  return out;
}

/** Where a comment starts in source[from, to) (a # at its start or after a blank, outside quotes), else `to`. */
function commentStart(s: string, from: number, to: number): number {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) {
        if (quote === 0x27 && s.charCodeAt(i + 1) === 0x27) i++;
        else quote = 0;
      } else if (c === 0x5c && quote === 0x22) i++;
    } else if (c === 0x23 && (i === from || s.charCodeAt(i - 1) === 0x20)) {
      return i;
    } else if ((c === 0x22 || c === 0x27) && (i === from || QUOTE_OPENERS.includes(s[i - 1]!))) quote = c;
  }
  if (quote) fail();
  return to;
}

const QUOTE_OPENERS = ' \t[{,:';

class Parser {
  i = 0;
  constructor(private readonly lines: Line[]) {}

  /** The node that starts at the current line, whose indent is at least `min`. */
  node(min: number, _depth: number): Node {
    const line = this.lines[this.i];
    if (!line || line.indent < min) fail();
    if (_depth > 32) fail();
    if (line!.text === '-' || line!.text.startsWith('- ')) return this.list(line!.indent, _depth);
    if (keyEnd(line!.text) >= 0) return this.map(line!.indent, _depth);
    this.i++;
    return inline(line!.text, line!.at);
  }

  private list(indent: number, depth: number): Node {
    const items: Node[] = [];
    const at = this.lines[this.i]!.at;
    for (let line = this.lines[this.i]; line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.lines[this.i]) {
      let rest = 1;
      while (line.text[rest] === ' ') rest++;
      if (rest >= line.text.length) {
        this.i++;
        items.push(this.node(indent + 1, depth + 1));
        continue;
      }
      // The item's content stands in for a line of its own, indented to where it starts.
      this.lines[this.i] = { indent: indent + rest, at: line.at + rest, text: line.text.slice(rest), trailing: line.trailing };
      items.push(this.node(indent + rest, depth + 1));
    }
    return { kind: 'list', at, items };
  }

  private map(indent: number, depth: number): Node {
    const pairs: { key: string; keyAt: number; value: Node }[] = [];
    const at = this.lines[this.i]!.at;
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      const end = keyEnd(line.text);
      if (end < 0) fail();
      const key = keyText(line.text.slice(0, end));
      let rest = end + 1;
      while (line.text[rest] === ' ') rest++;
      this.i++;
      let value: Node;
      if (rest >= line.text.length) {
        const next = this.lines[this.i];
        const nestedList = next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '));
        // The library places an empty value after the colon and the blanks that follow it.
        value = next && (next.indent > indent || nestedList) ? this.node(indent, depth + 1) : { kind: 'scalar', at: line.at + line.text.length + line.trailing, value: null };
      } else value = inline(line.text.slice(rest), line.at + rest);
      pairs.push({ key, keyAt: line.at, value });
    }
    return { kind: 'map', at, pairs };
  }
}

/** Where the `:` of a `key: ...` line is, or -1. */
function keyEnd(text: string): number {
  if (text[0] === '"' || text[0] === "'") {
    const close = quotedEnd(text, 0);
    return text[close] === ':' && (close + 1 === text.length || text[close + 1] === ' ') ? close : -1;
  }
  if (/^[[\]{}#&*!|>%@`,?-]/.test(text) && !/^-[^\s]/.test(text)) return -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return -1;
}

function keyText(raw: string): string {
  const node = inline(raw, 0);
  // A key read as a number keeps its digits as a string, as parse.ts makes of the library's.
  if (node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return fail();
}

/** The offset just past a quoted scalar that starts at `i`. */
function quotedEnd(s: string, i: number): number {
  const q = s[i]!;
  for (let j = i + 1; j < s.length; j++) {
    if (q === '"' && s[j] === '\\') j++;
    else if (s[j] === q) {
      if (q === "'" && s[j + 1] === "'") j++;
      else return j + 1;
    }
  }
  return fail();
}

/** A one-line value: a flow mapping or list, a quoted or plain scalar. */
function inline(text: string, at: number): Node {
  const r = new Inline(text, at);
  const node = r.value(false, 0);
  r.blanks();
  if (r.pos !== text.length) fail();
  return node;
}

class Inline {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly at: number,
  ) {}

  blanks(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }

  value(flow: boolean, depth: number): Node {
    if (depth > 32) fail();
    this.blanks();
    const start = this.pos;
    const c = this.s[this.pos];
    if (c === '{') return this.flowMap(depth);
    if (c === '[') return this.flowList(depth);
    if (c === '"' || c === "'") {
      const end = quotedEnd(this.s, this.pos);
      const raw = this.s.slice(this.pos, end);
      this.pos = end;
      return { kind: 'scalar', at: this.at + start, value: c === '"' ? doubleQuoted(raw) : raw.slice(1, -1).replace(/''/g, "'") };
    }
    let end = this.pos;
    if (flow) {
      for (; end < this.s.length; end++) {
        const ch = this.s[end]!;
        if (ch === ',' || ch === ']' || ch === '[' || ch === '{' || ch === '}') break;
        const after = this.s[end + 1];
        if (ch === ':' && (after === undefined || after === ' ' || after === ',' || after === ']' || after === '}')) break;
      }
    } else end = this.s.length;
    const raw = this.s.slice(this.pos, end).trimEnd();
    this.pos = this.pos + raw.length;
    return { kind: 'scalar', at: this.at + start, value: plain(raw, flow) };
  }

  private flowMap(depth: number): Node {
    const at = this.at + this.pos;
    this.pos++;
    const pairs: { key: string; keyAt: number; value: Node }[] = [];
    for (;;) {
      this.blanks();
      if (this.s[this.pos] === '}') {
        this.pos++;
        return { kind: 'map', at, pairs };
      }
      const keyAt = this.at + this.pos;
      const key = this.value(true, depth + 1);
      if (key.kind !== 'scalar' || typeof key.value !== 'string') fail();
      this.blanks();
      let value: Node;
      if (this.s[this.pos] === ':') {
        this.pos++;
        this.blanks();
        value = this.s[this.pos] === ',' || this.s[this.pos] === '}' ? { kind: 'scalar', at: this.at + this.pos, value: null } : this.value(true, depth + 1);
      } else value = fail();
      pairs.push({ key: (key as { value: string }).value, keyAt, value });
      this.blanks();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== '}') fail();
    }
  }

  private flowList(depth: number): Node {
    const at = this.at + this.pos;
    this.pos++;
    const items: Node[] = [];
    for (;;) {
      this.blanks();
      if (this.s[this.pos] === ']') {
        this.pos++;
        return { kind: 'list', at, items };
      }
      items.push(this.value(true, depth + 1));
      this.blanks();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== ']') fail();
    }
  }
}

/** A plain scalar as YAML 1.2's core schema reads it; anything unusual is left to the library. */
function plain(raw: string, flow: boolean): string | number | boolean | null {
  // Most scalars are words: nothing in them can be an indicator, a comment or a number.
  if (/^[A-Za-z\u00c0-\uffff][\w\u00c0-\uffff .'&()/-]*$/.test(raw) && !raw.includes(' #') && !/^(null|Null|NULL|true|True|TRUE|false|False|FALSE)$/.test(raw)) return raw;
  if (raw === '') return fail();
  if (/^[[\]{}#&*!|>%@`,?:'"-]/.test(raw) && !/^-[^\s-]/.test(raw)) fail();
  if (raw.includes(': ') || raw.includes(' #') || raw.endsWith(':')) fail();
  if (flow && /[[\]{},]/.test(raw)) fail();
  if (/^(null|Null|NULL|~)$/.test(raw)) return null;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  if (/^[0-9]+$/.test(raw) && raw.length < 16) return Number(raw);
  // Other numbers of the core schema (-1, 0o17, 0x1f, 1.5, 1e3, .inf): the library reads them.
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(raw) || /^0o[0-7]+$|^0x[0-9a-fA-F]+$/.test(raw)) fail();
  if (/^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(raw)) fail();
  return raw;
}

function doubleQuoted(raw: string): string {
  if (!raw.includes('\\') && !/[\u0000-\u001f]/.test(raw)) return raw.slice(1, -1);
  // JSON's escapes are YAML's, except \/ \b \f \t \n \r \" \\ \uXXXX are the only ones JSON has.
  if (/\\[^"\\/bfnrtu]/.test(raw) || /[\u0000-\u001f]/.test(raw)) fail();
  try {
    return JSON.parse(raw) as string;
  } catch {
    return fail();
  }
}
