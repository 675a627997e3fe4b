/**
 * The baseline `npm run bench` compares annotate with: what a user would write in ten lines with
 * plain compromise (no plugins). For every `.txt` under <folder> it reads the text, asks
 * compromise for people(), organizations(), places() and the `#Date+` matches of its core tagger
 * (core compromise has no dates() method without the compromise-dates plugin), and writes the
 * four string lists as JSON to <out-dir>/<same relative path>.json. No offsets, no alias merging,
 * no date values, no incremental skipping, one thread.
 *
 * Usage: node dist/src/tools/peer-compromise.js <folder> <out-dir>
 * Prints one line on stdout: `files <n> bytes <n>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import nlp from 'compromise';

const [folder, outDir] = process.argv.slice(2);
if (!folder || !outDir) {
  process.stderr.write('usage: peer-compromise <folder> <out-dir>\n');
  process.exit(2);
}

// ---- the ten lines a user would write ----
let files = 0;
let bytes = 0;
for (const rel of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort()) {
  const text = fs.readFileSync(path.join(folder, rel), 'utf8');
  const doc = nlp(text);
  const result = {
    people: doc.people().out('array') as string[],
    organizations: doc.organizations().out('array') as string[],
    places: doc.places().out('array') as string[],
    dates: doc.match('#Date+').out('array') as string[],
  };
  const out = path.join(outDir, `${rel}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result) + '\n');
  files += 1;
  bytes += Buffer.byteLength(text);
}
// ---- end ----

process.stdout.write(`files ${files} bytes ${bytes}\n`);
