/**
 * A fixed pool of worker threads, each running the NLP on one Document at a time. Callers bound
 * how much they submit (run/annotate.ts keeps a bounded window); results come back per task, so
 * the caller places them by input index.
 */
import { Worker } from 'node:worker_threads';
import type { Document } from '../core/types.js';
import { fatal } from '../core/messages.js';
import type { AnalyzeOptions, Analyzer } from './analyzer.js';

interface Job {
  id: number;
  doc: Document;
  options: AnalyzeOptions;
  resolve: (doc: Document) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export function workerPool(size: number): Analyzer {
  const url = new URL('./worker.js', import.meta.url);
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(url), job: null };
    slot.worker.on('message', (msg: { id: number; doc: Document }) => {
      const job = slot.job;
      slot.job = null;
      if (job && job.id === msg.id) job.resolve(msg.doc);
      pump();
    });
    // A worker that dies (out of memory, a crash in native code) fails only its current text.
    const onDeath = (why: string) => {
      const job = slot.job;
      slot.job = null;
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (job) job.resolve({ ...job.doc, analysis: null, messages: [...job.doc.messages, fatal('E_ANALYZE', why)] });
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', (err) => onDeath(`worker failed: ${err instanceof Error ? err.message : String(err)}`));
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) onDeath(`worker exited with code ${code}`);
    });
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, doc: job.doc, options: job.options });
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    analyze(doc, options) {
      return new Promise<Document>((resolve) => {
        queue.push({ id: nextId++, doc, options, resolve });
        pump();
      });
    },
    async close() {
      closed = true;
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
