// Writes annotations/<article>.yaml from its hand-written spec (annotations/specs/<article>.mjs)
// and prints every mention with its context for review:
//   node annotations/specs/build.mjs annotations/specs/<article>.mjs
// A spec lists each entity's type, canonical name and surface strings; every whole-word
// occurrence of a surface is a mention unless `skip`/`only` (occurrence indexes) say otherwise;
// where mentions overlap, the longest wins. Offsets are written in code points (SPEC.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
const specUrl = pathToFileURL(resolve(process.argv[2]));
const spec = (await import(specUrl.href)).default;
const { published, title, entities, dates, listOnly } = spec;
const source = fileURLToPath(new URL(spec.source, specUrl));
const out = fileURLToPath(new URL(spec.out, specUrl));
const bytes = readFileSync(source);
let text = bytes.toString('utf8');
if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function find(surface) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(surface)}(?![\\p{L}\\p{N}])`, 'gu');
  const out = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}
// entities: [type, canonical, surfaces[] , {skip: {surface: [occurrence indexes]}}]
const cands = [];
for (const [type, name, surfaces, opts = {}] of entities) {
  for (const s of surfaces) {
    const occ = find(s);
    if (occ.length === 0) throw new Error(`not found: ${s}`);
    const skip = (opts.skip ?? {})[s] ?? [];
    const only = (opts.only ?? {})[s];
    occ.forEach((at, i) => {
      if (skip.includes(i)) return;
      if (only && !only.includes(i)) return;
      cands.push({ type, name, start: at, end: at + s.length, text: s });
    });
  }
}
for (const [surface, value, opts = {}] of dates) {
  const occ = find(surface);
  if (occ.length === 0) throw new Error(`not found: ${surface}`);
  const only = opts.only;
  occ.forEach((at, i) => {
    if (only && !only.includes(i)) return;
    const v = Array.isArray(value) ? value[i] : value;
    cands.push({ type: 'DATE', name: v, start: at, end: at + surface.length, text: surface });
  });
}
// Longest first; drop overlaps.
cands.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
const kept = [];
const dropped = [];
for (const c of cands) {
  if (kept.some((k) => k.start < c.end && c.start < k.end)) dropped.push(c); else kept.push(c);
}
kept.sort((a, b) => a.start - b.start);
const cp = (i) => [...text.slice(0, i)].length;
const ctx = (c) => (text.slice(Math.max(0, c.start - 30), c.start) + '[' + c.text + ']' + text.slice(c.end, c.end + 30)).replace(/\s+/g, ' ');
for (const c of kept) console.log(`${c.type.padEnd(4)} ${String(c.name).padEnd(28)} ${ctx(c)}`);
for (const c of dropped) console.log(`DROPPED ${c.type} ${c.text}: ${ctx(c)}`);
if (listOnly) process.exit(0);
const q = (s) => (/^[\p{L}][\p{L} .'’-]*$/u.test(s) && !/^(yes|no|true|false|null|on|off|y|n)$/i.test(s) && !/[:#]/.test(s) ? s : JSON.stringify(s));
const groups = (types) => {
  const m = new Map();
  for (const c of kept.filter((k) => types.includes(k.type))) {
    const key = c.type === 'DATE' ? c.name : `${c.type}\u0000${c.name}`;
    if (!m.has(key)) m.set(key, { name: c.name, mentions: [] });
    m.get(key).mentions.push(c);
  }
  return [...m.values()];
};
const list = (key, type, nameKey) => {
  const gs = groups([type]);
  if (gs.length === 0) return `${key}: []\n`;
  let s = `${key}:\n`;
  for (const g of gs) {
    s += `  - ${nameKey}: ${nameKey === 'value' ? JSON.stringify(g.name) : q(g.name)}\n    mentions:\n`;
    for (const m of g.mentions) s += `      - {start: ${cp(m.start)}, end: ${cp(m.end)}, text: ${q(m.text)}}\n`;
  }
  return s;
};
const rel = source.split('/').pop();
let y = `schema: annotate/1\nsource: ../corpus/${rel}\nchecksum: sha256:${createHash('sha256').update(bytes).digest('hex')}\n`;
y += `generator: hand-reviewed reference annotation\n`;
y += `document:\n  title: ${title === null ? 'null' : JSON.stringify(title)}\n  published: ${published === null ? 'null' : JSON.stringify(published)}\n`;
y += list('people', 'PER', 'name') + list('organizations', 'ORG', 'name') + list('places', 'LOC', 'name') + list('dates', 'DATE', 'value');
writeFileSync(out, y);
console.log(`wrote ${out}: ${kept.length} mentions`);

