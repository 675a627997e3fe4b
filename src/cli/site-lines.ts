/**
 * `annotate site-lines DIR...`: the lines that many articles of a corpus share and that the
 * zoning still takes for the article somewhere (a site's tagline, its newsletter blurb, its
 * footer), printed as a `furniture:` list to review and paste into annotate.config.yaml.
 *
 * It only suggests. A file's annotation stays a function of its own text and its config: were
 * the lines of the other files used as they are found, adding a file to a folder would change
 * the annotations of its neighbours, and annotating one file would mean reading them all.
 */
import * as path from 'node:path';
import type { Command } from 'commander';
import { escapeControls } from '../core/quote.js';
import { discover } from '../fs/discover.js';
import { decodeSource } from '../fs/read.js';
import { bodyText, furnitureLine, zone } from '../nlp/zoning.js';
import { writer, type Io } from './io.js';

/** What was found: each line, the articles it occurs in and those of them it is body in. */
export interface SiteLine {
  line: string;
  files: number;
  body: number;
}

/** A line longer than this is a paragraph, not a site's furniture. */
const MAX_LINE = 200;

/**
 * Lines found in at least `minFiles` pages and taken as body in at least two of them (a
 * headline is body once, in its own article, and a teaser everywhere else: it is not listed).
 * Only pages count, texts in which the zoning finds furniture; files that share their longest
 * line are one article (a story filed twice counts once).
 */
export function siteLines(texts: Iterable<string>, minFiles: number): SiteLine[] {
  const seen = new Map<string, { articles: Set<string>; bodyIn: Set<string> }>();
  for (const text of texts) {
    const lines = text.split('\n');
    const article = lines.reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '');
    const ranges = zone(text);
    // A text the zoning finds no page in (a wire story, an e-mail) has no site around it.
    if (bodyText(text, ranges) === text) continue;
    const body = new Uint8Array(text.length);
    for (const r of ranges) body.fill(1, r.start, r.end);
    let pos = 0;
    for (const raw of lines) {
      const start = pos + raw.search(/\S|$/);
      pos += raw.length + 1;
      const line = furnitureLine(raw);
      if (line === '' || line.length > MAX_LINE) continue;
      let entry = seen.get(line);
      if (!entry) seen.set(line, (entry = { articles: new Set(), bodyIn: new Set() }));
      entry.articles.add(article);
      if (body[start]) entry.bodyIn.add(article);
    }
  }
  const out: SiteLine[] = [];
  for (const [line, e] of seen) if (e.articles.size >= minFiles && e.bodyIn.size >= 2) out.push({ line, files: e.articles.size, body: e.bodyIn.size });
  return out.sort((a, b) => b.files - a.files || (a.line < b.line ? -1 : a.line > b.line ? 1 : 0));
}

export async function siteLinesCommand(argv: string[], io: Io, program: (name: string) => Command): Promise<number> {
  const cmd = program('annotate site-lines')
    .description(
      'List the lines that many articles share and that are still read as the article in some (a site\'s tagline, newsletter box, footer), as a furniture: list for annotate.config.yaml. Review it before you paste it: a listed line is never the article, in every file under that config.',
    )
    .argument('<paths...>', 'folders or .txt files')
    .option('--min-files <n>', 'list a line found in at least this many articles', '3')
    .option('--glob <pattern>', 'files to take inside folders', '**/*.txt')
    .option('--max-size <MB>', 'largest file to read, in megabytes', '10');
  let paths: string[] = [];
  cmd.action((p: string[]) => {
    paths = p;
  });
  await cmd.parseAsync(argv, { from: 'user' });
  const opts = cmd.opts<{ minFiles: string; glob: string; maxSize: string }>();
  const minFiles = Number(opts.minFiles);
  if (!/^\d+$/.test(opts.minFiles) || minFiles < 2) {
    io.stderr.write(`error: --min-files takes a whole number of 2 or more, not "${escapeControls(opts.minFiles)}"\n`);
    return 2;
  }
  const maxBytes = Number(opts.maxSize) * 1024 * 1024;
  if (!(maxBytes > 0)) {
    io.stderr.write(`error: --max-size takes a number of megabytes above 0, not "${escapeControls(opts.maxSize)}"\n`);
    return 2;
  }
  const found = discover(paths, { cwd: io.cwd, glob: opts.glob, fs: io.fs, exclude: [] });
  for (const issue of found.issues) io.stderr.write(`${issue.message.fatal ? 'error' : 'warning'}: ${escapeControls(issue.path)}: ${issue.message.text}\n`);
  // A path that is not there gives no list: an empty one would read as "nothing to list".
  if (found.issues.some((i) => i.message.fatal)) return 2;
  const texts: string[] = [];
  for (const input of found.inputs) {
    try {
      if (io.fs.stat(input.abs).size > maxBytes) {
        io.stderr.write(`warning: ${escapeControls(input.path)}: larger than --max-size ${opts.maxSize} MB, skipped\n`);
        continue;
      }
      const decoded = decodeSource(io.fs.readFile(input.abs));
      if (decoded.ok) texts.push(decoded.text);
      else io.stderr.write(`warning: ${escapeControls(input.path)}: ${decoded.message.text}, skipped\n`);
    } catch (err) {
      io.stderr.write(`warning: ${escapeControls(input.path)}: could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}), skipped\n`);
    }
  }
  const suggestions = siteLines(texts, minFiles);
  const out = writer(io.stdout);
  const where = escapeControls(paths.map((p) => (p === '' ? '.' : path.normalize(p))).join(', '));
  await out(`# ${suggestions.length} lines found in ${minFiles} or more of the ${texts.length} files under ${where} and read as the article in some of them\n`);
  await out('# (annotate site-lines). Keep those that are furniture, then put the list in annotate.config.yaml.\n');
  if (suggestions.length === 0) {
    await out('furniture: []\n');
    return 0;
  }
  await out('furniture:\n');
  for (const s of suggestions) await out(`  - ${JSON.stringify(s.line)}  # in ${s.files} files, the article's in ${s.body}\n`);
  return 0;
}
