/** Worker thread: loads the NLP once, then annotates the jobs posted by the pool (run/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { annotateText, loadNlp, type Job } from './analyzer.js';

const nlp = await loadNlp();
// Loaded: from now on a death is this worker's text's fault, not a broken install (run/pool.ts).
parentPort!.postMessage({ ready: true });
parentPort!.on('message', (msg: { id: number; job: Job }) => {
  parentPort!.postMessage({ id: msg.id, result: annotateText(nlp, msg.job) });
});
