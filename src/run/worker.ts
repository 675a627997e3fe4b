/** Worker thread: loads the NLP once, then annotates the jobs posted by the pool (run/pool.ts). */
import { parentPort } from 'node:worker_threads';
import { annotateText, loadNlp, type Job } from './analyzer.js';
import type { Rules } from '../nlp/rules/types.js';

const nlp = await loadNlp();
// Loaded: from now on a death is this worker's text's fault, not a broken install (run/pool.ts).
parentPort!.postMessage({ ready: true });
// The rules of each config this worker was sent, by key (see JobRules in run/analyzer.ts).
const rulesByKey = new Map<string, Rules>();
parentPort!.on('message', (msg: { id: number; job: Job }) => {
  const sent = msg.job.rules;
  if (sent?.rules) rulesByKey.set(sent.key, sent.rules);
  const rules = sent ? { rules: rulesByKey.get(sent.key)!, corrections: sent.corrections } : null;
  parentPort!.postMessage({ id: msg.id, result: annotateText(nlp, msg.job, rules) });
});
