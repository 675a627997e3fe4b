/** Worker thread: loads the NLP once, then analyzes texts posted by the pool (run/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { loadNlp, runTask, type AnalyzeTask } from './analyzer.js';

const nlp = await loadNlp();
parentPort!.on('message', (msg: { id: number; task: AnalyzeTask }) => {
  parentPort!.postMessage({ id: msg.id, result: runTask(nlp, msg.task) });
});
