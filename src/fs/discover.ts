/**
 * Finding the inputs: files named on the command line, and files under folders matching the
 * glob. Hidden folders and node_modules are skipped. The result is sorted by code units.
 * Errors (missing path, unlistable folder, symlink loop) become issues; discovery goes on.
 */
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import type { Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import type { Message } from '../core/types.js';
import { fatal, warning } from '../core/messages.js';
import { quoteBytes } from '../core/quote.js';
import { compareCodeUnits } from '../core/compare.js';
import { describeError, errorCode, fileKind, type FsAdapter } from './adapter.js';
import { isInside, joinNormalized } from './paths.js';
import type { Picomatch } from './picomatch.js';
import { readIssue } from './read.js';

/** What the inputs found in one folder share. */
interface Folder {
  /** As shown to the user ('.' for the current folder). */
  shown: string;
  abs: string;
  /** Absolute folder that --out-dir mirrors from (the folder given, or the file's folder). */
  base: string;
  /** The folder's real path when it was found (see Input.realFolder). */
  real: string;
}

/**
 * One input file. Only its name is its own; its paths are joined from its folder's on demand:
 * 100,000 inputs holding two full paths each were 23 MB of the main thread's heap.
 */
export class Input {
  constructor(
    private readonly folder: Folder,
    readonly name: string,
  ) {}

  /** As shown to the user: relative to cwd as given (e.g. corpus/a/story.txt). */
  get path(): string {
    return this.folder.shown === '.' ? this.name : joinNormalized(this.folder.shown, this.name);
  }

  get abs(): string {
    return joinNormalized(this.folder.abs, this.name);
  }

  /** Absolute folder that --out-dir mirrors from (the folder given, or the file's folder). */
  get base(): string {
    return this.folder.base;
  }

  /**
   * The real path of the input's folder when discovery found it: an annotation written next to
   * the input must land there still, not where a folder swapped for a link since leads
   * (fs/output.ts writeAtomic).
   */
  get realFolder(): string {
    return this.folder.real;
  }

  /** Orders inputs by shown path, in code units; within a folder by name, without joining paths. */
  static compare(a: Input, b: Input): number {
    return a.folder === b.folder ? compareCodeUnits(a.name, b.name) : compareCodeUnits(a.path, b.path);
  }
}

export interface Issue {
  path: string;
  message: Message;
}

export interface DiscoverOptions {
  cwd: string;
  glob: string;
  fs: FsAdapter;
  /** Absolute folders never searched (e.g. --out-dir inside a corpus). */
  exclude: string[];
  /** Follow symbolic links that lead out of the paths given (--follow-symlinks); by default they are skipped with a warning. */
  followSymlinks?: boolean;
}

export interface Discovery {
  inputs: Input[];
  issues: Issue[];
}

export function discover(paths: string[], options: DiscoverOptions): Discovery {
  const inputs: Input[] = [];
  const issues: Issue[] = [];
  // What the paths given are, once links are resolved: a link met in a walk may lead anywhere
  // inside them, and nowhere else unless --follow-symlinks says so.
  const roots: string[] = [];
  for (const given of paths) {
    try {
      roots.push(options.fs.realpath(path.resolve(options.cwd, given)));
    } catch {
      // reported below, when it is looked at
    }
  }
  const ctx: Walk = { options, roots, inputs, issues };
  for (const given of paths) {
    const shown = given === '' ? '.' : path.normalize(given);
    const abs = path.resolve(options.cwd, given);
    let stats;
    try {
      stats = options.fs.stat(abs);
    } catch (err) {
      issues.push({ path: shown, message: readIssue(err, given) });
      continue;
    }
    if (stats.isFile()) {
      const dir = path.dirname(abs);
      let real = dir;
      try {
        real = options.fs.realpath(dir);
      } catch {
        // reported when the file is read
      }
      inputs.push(new Input({ shown: path.dirname(shown), abs: dir, base: dir, real }, path.basename(abs)));
    } else if (stats.isDirectory()) {
      walk(shown, abs, ctx);
    } else {
      issues.push({ path: shown, message: fatal('E_NOT_FILE', fileKind(stats)) });
    }
  }
  inputs.sort(Input.compare);
  issues.sort((a, b) => compareCodeUnits(a.path, b.path));
  // One path given: one walk, which meets each absolute path once.
  return { inputs: paths.length > 1 ? dedupe(inputs) : inputs, issues: dedupeIssues(issues) };
}

/** Where a glob's walk starts (relative to the folder, with /), how deep it goes, and what it takes. */
export interface CompiledGlob {
  start: string;
  maxDepth: number;
  matches: (rel: string) => boolean;
  /** The glob names a hidden folder itself (.drafts/*.txt), so hidden folders are not skipped. */
  hiddenNamed: boolean;
}

const ANNOTATION = /\.(yaml|json)$/;

// Globs like the default, **/*.txt: any file with that extension, at any depth.
const ANY_DEPTH_EXTENSION = /^\*\*\/\*(\.[A-Za-z0-9_-]+)$/;

/**
 * Compiles a glob. The default form (any folder, one extension) needs no glob library: a name
 * not hidden (what picomatch's dot: false means; hidden folders are never walked) with that
 * ending. Anything else goes to picomatch, loaded then, as its import is 10 ms of a 0.2 s
 * re-run; require() keeps discovery synchronous.
 */
export function compileGlob(glob: string): CompiledGlob {
  const simple = ANY_DEPTH_EXTENSION.exec(glob);
  if (simple) {
    const ext = simple[1]!;
    return { start: '', maxDepth: Infinity, hiddenNamed: false, matches: (rel) => rel.endsWith(ext) && rel[rel.lastIndexOf('/') + 1] !== '.' };
  }
  const picomatch = createRequire(import.meta.url)('picomatch') as Picomatch;
  const scan = picomatch.scan(glob);
  // The static start folder, and the depth below it that the rest of the glob can reach.
  const start = scan.isGlob ? scan.base : path.posix.dirname(scan.base) === '.' ? '' : path.posix.dirname(scan.base);
  const rest = scan.isGlob ? scan.glob : path.posix.basename(scan.base);
  return {
    start,
    maxDepth: /\*\*|[{}()]/.test(rest) ? Infinity : rest.split('/').length,
    matches: picomatch(glob, { dot: false }),
    hiddenNamed: /(^|\/)\.[^./]/.test(glob),
  };
}

/** What one discover() call's walks share. */
interface Walk {
  options: DiscoverOptions;
  /** Real paths of the paths given. */
  roots: string[];
  inputs: Input[];
  issues: Issue[];
}

/** Whether real path `p` is one of the roots or below one. */
function withinRoots(roots: string[], p: string): boolean {
  return roots.some((r) => p === r || (r.endsWith(path.sep) ? p.startsWith(r) : isInside(r, p)));
}

/**
 * Walks `root` for files matching the glob, synchronously: a local readdir takes microseconds,
 * and fast-glob, which this replaced, cost 30-40 ms to import and as much again to walk 2,618
 * files, a third of a re-run that finds everything up to date. The walk starts at the glob's
 * static folder (docs for docs/**) and goes no deeper than a glob without ** can reach. Hidden
 * folders (unless the glob names one) and node_modules are skipped. A symbolic link is
 * followed when it resolves inside the paths given (a link back to a folder being walked is
 * reported as a loop instead of walked forever); one that leads out of them is skipped with a
 * warning, unless --follow-symlinks, since it would read, and write the annotation, outside the
 * corpus. A folder that cannot be listed becomes an issue and the walk goes on.
 */
function walk(shown: string, root: string, ctx: Walk): void {
  const { options, inputs, issues } = ctx;
  const before = inputs.length;
  const issuesBefore = issues.length;
  const { start, maxDepth, matches, hiddenNamed } = compileGlob(options.glob);
  // --out-dir inside the corpus is never searched; --out-dir equal to the folder is the usual case of outputs next to inputs.
  const excluded = new Set(options.exclude.filter((dir) => dir !== root));
  const fs = options.fs;
  const report = (rel: string, message: Message) => issues.push({ path: path.join(shown, rel), message });

  /** Lists dir (abs, rel to root with /, at depth below start), whose real path is `real`, below the real paths in `up`. */
  const visit = (abs: string, rel: string, depth: number, real: string, up: Set<string>): void => {
    const folder: Folder = { shown: path.join(shown, rel), abs, base: root, real };
    let entries: Dirent[];
    try {
      entries = fs.readdir(abs);
    } catch (err) {
      const code = errorCode(err);
      // Gone since it was listed, or the glob's static folder is not there: nothing to find.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') report(rel, code === 'ELOOP' ? fatal('E_LOOP') : fatal('E_LIST', describeError(err)));
      return;
    }
    up.add(real);
    // Names that are not valid UTF-8 come back with U+FFFD in them and cannot be opened by that
    // name; such entries are listed again as bytes to tell them apart from a real U+FFFD.
    let undecodable: Map<string, Buffer> | null = null;
    for (const entry of entries) {
      const name = entry.name;
      if (name.includes('\uFFFD')) {
        undecodable ??= undecodableNames(fs, abs);
        const raw = undecodable.get(name);
        if (raw !== undefined) {
          if (entry.isFile() ? matches(rel === '' ? name : `${rel}/${name}`) : entry.isDirectory()) {
            const folderShown = path.join(shown, rel);
            const prefix = Buffer.from(folderShown === '.' ? '' : `${folderShown}${path.sep}`, 'utf8');
            issues.push({ path: quoteBytes(Buffer.concat([prefix, raw])), message: fatal('E_NAME_NOT_UTF8') });
          }
          continue;
        }
      }
      const childRel = rel === '' ? name : `${rel}/${name}`;
      const childAbs = joinNormalized(abs, name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let childReal = joinNormalized(real, name);
      const link = entry.isSymbolicLink();
      if (link) {
        try {
          const target = fs.stat(childAbs);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (err) {
          // A link to nowhere is no file; a link to itself is worth a word.
          if (errorCode(err) === 'ELOOP') report(childRel, fatal('E_LOOP'));
          continue;
        }
      }
      const wanted = isFile
        ? depth + 1 <= maxDepth && matches(childRel)
        : isDir && depth + 1 < maxDepth && name !== 'node_modules' && (hiddenNamed || name[0] !== '.');
      if (!wanted) continue;
      if (isDir && excluded.has(childAbs)) {
        // Not searched, but its inputs must not vanish without a word.
        const held = firstMatch(childAbs, childRel, depth + 1);
        if (held !== null) report(childRel, warning('W_OUT_DIR_HOLDS_INPUTS', options.glob, held));
        continue;
      }
      if (link) {
        try {
          childReal = fs.realpath(childAbs);
        } catch (err) {
          report(childRel, readIssue(err));
          continue;
        }
        if (!options.followSymlinks && !withinRoots(ctx.roots, childReal)) {
          report(childRel, warning('W_LINK_OUTSIDE'));
          continue;
        }
      }
      if (isFile) inputs.push(new Input(folder, name));
      else if (up.has(childReal)) report(childRel, fatal('E_LOOP'));
      else visit(childAbs, childRel, depth + 1, childReal, up);
    }
    up.delete(real);
  };

  /**
   * The first file below dir (not following links) that the glob would have taken, or null.
   * Annotations (.yaml, .json) are what an --out-dir holds, so a wide glob does not count them.
   */
  const firstMatch = (abs: string, rel: string, depth: number): string | null => {
    let entries: Dirent[];
    try {
      entries = fs.readdir(abs);
    } catch {
      return null;
    }
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      if (entry.isFile() && depth + 1 <= maxDepth && !ANNOTATION.test(entry.name) && matches(childRel)) return childRel;
      if (entry.isDirectory() && depth + 1 < maxDepth && entry.name !== 'node_modules' && (hiddenNamed || entry.name[0] !== '.')) {
        const found = firstMatch(joinNormalized(abs, entry.name), childRel, depth + 1);
        if (found !== null) return found;
      }
    }
    return null;
  };

  const startAbs = path.join(root, start);
  // The CLI refuses globs with .. or a leading /; a start outside the root is never walked.
  if (startAbs !== root && !isInside(root, startAbs)) return;
  let startReal: string | null;
  try {
    startReal = fs.realpath(startAbs);
  } catch {
    startReal = null; // readdir will report the real problem
  }
  // The glob's static folder (docs/ of docs/**/*.txt) may itself be a link.
  if (startReal !== null && !options.followSymlinks && !withinRoots(ctx.roots, startReal)) report(start, warning('W_LINK_OUTSIDE'));
  else visit(startAbs, start, 0, startReal ?? startAbs, new Set());
  if (inputs.length === before && issues.length === issuesBefore) issues.push({ path: shown, message: fatal('E_NO_MATCH', options.glob) });
}

/** The entries of a folder whose names are not valid UTF-8, by the name readdir decoded them to. */
function undecodableNames(fs: FsAdapter, dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  try {
    for (const raw of fs.readdirBytes(dir)) if (!isUtf8(raw)) found.set(raw.toString('utf8'), raw);
  } catch {
    // gone since it was listed
  }
  return found;
}

function dedupe(inputs: Input[]): Input[] {
  const seen = new Set<string>();
  return inputs.filter((i) => (seen.has(i.abs) ? false : (seen.add(i.abs), true)));
}

function dedupeIssues(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\n${i.message.text}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
