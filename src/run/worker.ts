/** Worker thread: loads the NLP once, then analyzes Documents posted by the pool (run/pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { Document } from '../core/types.js';
import { analyzeDocument, loadNlp, type AnalyzeOptions } from './analyzer.js';

const nlp = await loadNlp();
// Loaded: from now on a death is this worker's text's fault, not a broken install (run/pool.ts).
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (msg: { id: number; doc: Document; options: AnalyzeOptions }) => {
  parentPort!.postMessage({ id: msg.id, doc: analyzeDocument(nlp, msg.doc, msg.options) });
});
