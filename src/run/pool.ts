/**
 * A fixed pool of worker threads, each annotating one job at a time with the next one already
 * waiting in its inbox. Callers bound how much they submit (run/annotate.ts keeps a bounded
 * window); results come back per job, so the caller places them by input index.
 */
import { Worker } from 'node:worker_threads';
import { fatal } from '../core/messages.js';
import type { Annotated, Annotator, Job } from './analyzer.js';

interface Task {
  id: number;
  job: Job;
  resolve: (result: Annotated) => void;
}

interface Slot {
  worker: Worker;
  /** Posted and not yet answered, in posting order: the first is the one being worked on. */
  tasks: Task[];
  /** Set once the worker has loaded the NLP (it then says so). */
  ready: boolean;
}

/**
 * V8 sizes each worker's young generation for throughput (48 MB here); the NLP's garbage is
 * short-lived, and a smaller one cut peak RSS by a sixth on 10,000 files with no loss of speed.
 */
const YOUNG_GENERATION_MB = 16;

/**
 * Jobs posted to a worker at once. With two, the next text is already in the worker's inbox
 * when it finishes one, so it never waits for the main thread (busy reading and writing files)
 * to notice the result and post another.
 */
const DEPTH = 2;

/** `script` is the worker's module: run/worker.ts, or a stand-in in tests. */
export function workerPool(size: number, script: URL = new URL('./worker.js', import.meta.url)): Annotator {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  /** Why the pool cannot work (a worker died while loading the NLP): no respawning then. */
  let broken: string | null = null;

  const fail = (task: Task, why: string) => task.resolve({ ok: false, message: fatal('E_ANALYZE', why) });

  const spawn = (): Slot => {
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, tasks: [], ready: false };
    worker.on('message', (msg: { id: number; result: Annotated } | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        return;
      }
      const task = slot.tasks[0];
      if (task && task.id === msg.id) {
        slot.tasks.shift();
        task.resolve(msg.result);
      }
      pump();
    });
    // A worker that dies while working (out of memory, a crash in native code) fails only the
    // text it was on; the ones waiting in its inbox go back to the queue, and it is replaced.
    // One that dies while loading would die again: stop then.
    const onDeath = (why: string) => {
      const [current, ...waiting] = slot.tasks.splice(0);
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (current) fail(current, why);
      if (closed) return;
      if (!slot.ready) {
        broken = `the NLP could not be loaded in a worker: ${why}`;
        for (const t of [...waiting, ...queue.splice(0)]) fail(t, broken);
        return;
      }
      queue.unshift(...waiting);
      slots.push(spawn());
      pump();
    };
    worker.on('error', (err) => onDeath(`worker failed: ${err instanceof Error ? err.message : String(err)}`));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) onDeath(`worker exited with code ${code}`);
    });
    return slot;
  };

  // Round by round, so that two jobs on two workers go one to each.
  const pump = () => {
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of slots) {
        if (queue.length === 0) return;
        if (slot.tasks.length >= depth) continue;
        const task = queue.shift()!;
        slot.tasks.push(task);
        slot.worker.postMessage({ id: task.id, job: task.job });
      }
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    annotate(job) {
      return new Promise<Annotated>((resolve) => {
        const task = { id: nextId++, job, resolve };
        if (broken !== null) fail(task, broken);
        else {
          queue.push(task);
          pump();
        }
      });
    },
    async close() {
      closed = true;
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
