/**
 * Runs the NLP on one Document, on the main thread or in a worker pool. Nothing throws across
 * this boundary: a failure comes back as a fatal message on the Document.
 */
import type { Document } from '../core/types.js';
import { fatal } from '../core/messages.js';

export interface AnalyzeOptions {
  referenceDate: string | null;
}

export interface Analyzer {
  /** Resolves with the Document, its `analysis` filled in or a fatal message added. */
  analyze(doc: Document, options: AnalyzeOptions): Promise<Document>;
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

export function analyzeDocument(mod: Nlp, doc: Document, options: AnalyzeOptions): Document {
  try {
    const analysis = mod.analyze(doc.text, { fileName: baseName(doc.path), referenceDate: options.referenceDate });
    return { ...doc, analysis };
  } catch (err) {
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ...doc, analysis: null, messages: [...doc.messages, fatal('E_ANALYZE', why)] };
  }
}

export function inlineAnalyzer(): Analyzer {
  return {
    async analyze(doc, options) {
      return analyzeDocument(await loadNlp(), doc, options);
    },
    async close() {},
  };
}
