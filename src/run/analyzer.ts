/**
 * Runs the NLP on one text, on the main thread or in a worker pool. Nothing throws: a failure
 * comes back as { ok: false, error }.
 */
import type { Analysis } from '../core/types.js';

export interface AnalyzeTask {
  text: string;
  fileName: string;
  referenceDate: string | null;
}

export type AnalyzeResult = { ok: true; analysis: Analysis } | { ok: false; error: string };

export interface Analyzer {
  analyze(task: AnalyzeTask): Promise<AnalyzeResult>;
  close(): Promise<void>;
}

type Nlp = typeof import('../nlp/index.js');
let nlp: Promise<Nlp> | null = null;

/** The NLP module, loaded once per thread (compromise is slow to load and keeps global state). */
export function loadNlp(): Promise<Nlp> {
  nlp ??= import('../nlp/index.js');
  return nlp;
}

export function runTask(mod: Nlp, task: AnalyzeTask): AnalyzeResult {
  try {
    return { ok: true, analysis: mod.analyze(task.text, { fileName: task.fileName, referenceDate: task.referenceDate }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

export function inlineAnalyzer(): Analyzer {
  return {
    async analyze(task) {
      return runTask(await loadNlp(), task);
    },
    async close() {},
  };
}
