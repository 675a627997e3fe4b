/**
 * Runs the NLP on one text, on the main thread or in a worker pool, and turns the result into
 * the finished annotation (record, then the chosen format). Nothing throws across this
 * boundary: a failure comes back as a fatal message.
 */
import type { Document, FurnitureMode, Message } from '../core/types.js';
import { fatal } from '../core/messages.js';
import type { Format } from '../fs/output.js';
import { countEntities, toRecord, type AnnotationRecord, type Header } from '../serialize/record.js';
import { toJson, toJsonLine } from '../serialize/json.js';
import { withDigest } from '../serialize/digest.js';
import { memoryCap, memoryFloor, tokenBound } from '../nlp/memory.js';
import type { Correction, DocumentRules, Rules } from '../nlp/rules/types.js';

export interface AnalyzeOptions {
  referenceDate: string | null;
  rules?: DocumentRules | null;
}

/** One text to annotate: everything the output needs, so a worker can render it whole. */
export interface Job {
  /** As shown to the user; its base name may give the article's date. */
  path: string;
  text: string;
  /** source, checksum and generator of the annotation (computed where the bytes were read). */
  header: Header;
  format: Format;
  referenceDate: string | null;
  /** Where mentions in page furniture go (absent: `separate`). */
  furniture?: FurnitureMode;
  /** What the project's config says about this text, or null. */
  rules?: JobRules | null;
}

/**
 * A config's rules travel to each worker once: later jobs under the same config carry only its
 * key (run/pool.ts), and their own corrections. Ten thousand names cost a structured clone of
 * ten thousand objects, which per job would be a good part of annotating a short article.
 */
export interface JobRules {
  key: string;
  /** Null when the worker has been sent the rules of this key before. */
  rules: Rules | null;
  corrections: Correction[];
}

/** People, organizations, places, dates: for the summary. */
export type EntityCounts = [number, number, number, number];

/**
 * `unused`: the indexes of the job's corrections that found no place in the text; `names`: of
 * the config's names: entries that occur in it (for --verbose).
 */
export type Annotated = { ok: true; data: string; counts: EntityCounts; unused?: number[]; names?: number[] } | { ok: false; message: Message };

/**
 * Annotates jobs. The result is a string and four numbers: a worker sends back that, not the
 * analysis, whose structured clone (thousands of small objects) cost as much as its rendering.
 */
export interface Annotator {
  annotate(job: Job): Promise<Annotated>;
  close(): Promise<void>;
}

type Nlp = typeof import('../nlp/index.js');
let nlp: Promise<Nlp> | null = null;

/** The NLP module, loaded once per thread (the model takes ~150 ms to load and is ~50 MB). */
export function loadNlp(): Promise<Nlp> {
  nlp ??= import('../nlp/index.js');
  return nlp;
}

/** The base name of a path, for both / and \ (the NLP may read a date from it). */
function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

function failure(err: unknown): Message {
  return fatal('E_ANALYZE', err instanceof Error ? `${err.name}: ${err.message}` : String(err));
}

/**
 * The refusal of a text that needs more memory than one file may take (nlp/memory.ts), or
 * null. Decided by the text alone, so the same on every machine.
 */
export function tooDense(text: string): Message | null {
  const need = memoryFloor(text);
  const cap = memoryCap(text);
  if (need <= cap) return null;
  const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  return fatal('E_TOO_DENSE', String(tokenBound(text)), gb(need), gb(cap));
}

export function analyzeDocument(mod: Nlp, doc: Document, options: AnalyzeOptions): Document {
  const refused = tooDense(doc.text);
  if (refused) return { ...doc, analysis: null, messages: [...doc.messages, refused] };
  try {
    const analysis = mod.analyze(doc.text, { fileName: baseName(doc.path), referenceDate: options.referenceDate, rules: options.rules ?? null });
    return { ...doc, analysis };
  } catch (err) {
    return { ...doc, analysis: null, messages: [...doc.messages, failure(err)] };
  }
}

/** Serializes a record in the chosen format, with its digest (serialize/digest.ts). */
export function render(record: AnnotationRecord, format: Format): string {
  const signed = withDigest(record);
  return format === 'yaml' ? signed.yaml : format === 'json' ? toJson(signed.record) : toJsonLine(signed.record);
}

/** The job's rules, when they came with it (see JobRules). */
export function jobRules(job: Job): DocumentRules | null {
  return job.rules ? { rules: job.rules.rules!, corrections: job.rules.corrections } : null;
}

/** Analyzes, builds the record and renders it: the whole of a job, wherever it runs. */
export function annotateText(mod: Nlp, job: Job, rules: DocumentRules | null = jobRules(job)): Annotated {
  const refused = tooDense(job.text);
  if (refused) return { ok: false, message: refused };
  try {
    const report = { unused: [] as number[], names: [] as number[] };
    const analysis = mod.analyze(job.text, { fileName: baseName(job.path), referenceDate: job.referenceDate, rules, report });
    const record = toRecord(job.text, analysis, job.header, job.furniture ?? 'separate');
    const done: Annotated = { ok: true, data: render(record, job.format), counts: countEntities(record) };
    if (report.unused.length > 0) done.unused = report.unused;
    if (report.names.length > 0) done.names = report.names;
    return done;
  } catch (err) {
    return { ok: false, message: failure(err) };
  }
}

/**
 * The NLP on this thread, except for large texts: those go to a worker of their own (the pool's
 * roomy one, run/pool.ts), whose running out of memory fails that text alone where on this
 * thread it would abort the whole run.
 */
export function inlineAnnotator(): Annotator {
  let large: Promise<Annotator> | null = null;
  return {
    async annotate(job) {
      if (tooDense(job.text) === null && job.text.length > LARGE_TEXT) {
        large ??= import('./pool.js').then((m) => m.workerPool(0));
        return (await large).annotate(job);
      }
      return annotateText(await loadNlp(), job);
    },
    async close() {
      if (large) await (await large).close();
    },
  };
}

/** Texts longer than this (UTF-16 code units) are annotated in a worker (run/pool.ts). */
export const LARGE_TEXT = 256 * 1024;

/** The analysis alone (annotate show), on this thread. */
export async function analyzeInline(doc: Document, options: AnalyzeOptions): Promise<Document> {
  return analyzeDocument(await loadNlp(), doc, options);
}
