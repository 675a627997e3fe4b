/**
 * `annotate show`: the source's analysis, from its annotation file when that is fresh,
 * otherwise computed now (nothing is written).
 */
import * as path from 'node:path';
import type { Analysis, Message } from '../core/types.js';
import { fatal } from '../core/messages.js';
import { sourceChecksum } from '../core/fingerprint.js';
import type { FsAdapter } from '../fs/adapter.js';
import { readSource } from '../fs/read.js';
import { outputPath, sourceField } from '../fs/output.js';
import { isFresh, parseRecord, readHeader, recordToAnalysis } from '../serialize/header.js';
import { checkIntegrity } from '../serialize/digest.js';
import { generator } from './annotate.js';
import type { FileConfig } from '../config/index.js';
import { analyzeInline } from './analyzer.js';

export interface ShowOptions {
  fs: FsAdapter;
  cwd: string;
  outDir: string | null;
  referenceDate: string | null;
  maxBytes: number;
  /** What the project's config says about the file, or null. */
  config: FileConfig | null;
}

export type ShowResult =
  | { ok: true; text: string; analysis: Analysis; from: string | null }
  | { ok: false; message: Message };

/**
 * Where the annotation may be: next to the file, or under --out-dir mirrored from the file's
 * folder or any folder above it (the folder that was given to annotate is not recorded).
 */
function candidates(abs: string, outDir: string | null): string[] {
  const bases = [path.dirname(abs)];
  if (outDir) for (let up = path.dirname(bases[0]!); up !== bases[bases.length - 1]; up = path.dirname(up)) bases.push(up);
  return bases.flatMap((base) => (['yaml', 'json'] as const).map((format) => outputPath(abs, base, outDir, format)));
}

export async function showAnalysis(file: string, o: ShowOptions): Promise<ShowResult> {
  const abs = path.resolve(o.cwd, file);
  const read = readSource(o.fs, abs, o.maxBytes);
  if (!read.ok) return read;
  const { text, bytes } = read.source;
  const gen = generator(o.referenceDate, o.config);
  for (const output of candidates(abs, o.outDir)) {
    let content: string;
    try {
      content = o.fs.readFile(output).toString('utf8');
    } catch {
      continue;
    }
    const state = readHeader(content.slice(0, 4096));
    const expected = { source: sourceField(abs, output), checksum: sourceChecksum(bytes), generator: gen };
    // A file that is not what annotate wrote (a hand edit, conflict markers) is not trusted.
    if (!isFresh(state, expected) || checkIntegrity(Buffer.from(content, 'utf8')).kind !== 'intact') continue;
    try {
      return { ok: true, text, analysis: recordToAnalysis(parseRecord(content), text), from: output };
    } catch (err) {
      return { ok: false, message: fatal('E_SHOW_BAD_ANNOTATION', path.relative(o.cwd, output), err instanceof Error ? err.message : String(err)) };
    }
  }
  const doc = await analyzeInline({ path: abs, text, analysis: null, messages: [] }, { referenceDate: o.referenceDate, rules: o.config?.doc ?? null });
  if (!doc.analysis) return { ok: false, message: doc.messages.find((m) => m.fatal) ?? fatal('E_ANALYZE', 'no analysis') };
  return { ok: true, text, analysis: doc.analysis, from: null };
}
