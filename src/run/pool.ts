/**
 * A fixed pool of worker threads, each annotating one job at a time with the next one already
 * waiting in its inbox. Callers bound how much they submit (run/annotate.ts keeps a bounded
 * window); results come back per job, so the caller places them by input index.
 *
 * The pool's workers run with a small heap (LEAN_LIMITS), which keeps a long run's memory down;
 * texts too large for it go to one more, roomy worker held to what one file may take, started
 * when such a text comes and stopped when none is left.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { fatal } from '../core/messages.js';
import { LARGE_TEXT, type Annotated, type Annotator, type Job } from './analyzer.js';
import { memoryCap } from '../nlp/memory.js';

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
  /** The worker for large texts, with the limit of the text it was started for. */
  roomy: boolean;
  /** Keys of the config rules this worker has been sent (JobRules). */
  rulesSent: Set<string>;
  limit: RoomyLimit | null;
}

interface RoomyLimit {
  /** The roomy worker's old-generation limit. */
  heapMb: number;
  /** What one file may take, as the message of a text that goes over it says. */
  capMb: number;
}

/**
 * Heap limits of the pool's workers. V8 grows a heap it is not asked to bound well past what
 * the NLP keeps alive (a worker's old generation held 43 MB after 50,000 articles, 7 MB of it
 * live), and sizes the young generation for throughput (48 MB) where the NLP's garbage is
 * short-lived. A text needs about 70 bytes of heap per character (a 1 MB text fails in 48 MB,
 * a 2 MB one needs 192): such texts go to the roomy worker. Peak RSS on 20,000 small files:
 * 322 MB with a 16 MB young generation alone, 292 MB with a 64 MB old generation. The NLP's
 * word caches (src/nlp/cache.ts) keep up to 100,000 words each, and at 64 MB a worker spent
 * half its time collecting garbage (17 s of CPU for the 2,618 shared texts against 12 s): 128 MB.
 */
const LEAN_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 };

/**
 * The roomy worker's limit for a text: what one file may take (nlp/memory.ts memoryCap) less
 * what the process holds outside that worker's old generation (the main thread with the texts
 * in flight, the worker's young generation, code, the model's table and other typed arrays; see
 * docs/performance.md). A worker given no limit that runs out of memory takes the whole process
 * down with V8's fatal error; with one, it ends with ERR_WORKER_OUT_OF_MEMORY and only its text
 * fails, with a message that names the cap. Under the limit V8 also collects before it grows
 * the heap, where under a roomier one the same text peaked higher in the same time.
 */
const OUTSIDE_HEAP_MB = 350;

function roomyLimitFor(text: string): RoomyLimit {
  const capMb = Math.round(memoryCap(text) / (1024 * 1024));
  return { heapMb: capMb - OUTSIDE_HEAP_MB, capMb };
}

/**
 * Texts longer than LARGE_TEXT (in UTF-16 code units) go straight to the roomy worker: it is 10
 * to 100 times a news article, and well within what fits LEAN_LIMITS (400,000 characters fit in
 * 48 MB). A shorter text that still runs a lean worker out of memory is retried there.
 */
export { LARGE_TEXT };

/**
 * Jobs posted to a worker at once. With two, the next text is already in the worker's inbox
 * when it finishes one, so it never waits for the main thread (busy reading and writing files)
 * to notice the result and post another.
 */
const DEPTH = 2;

/**
 * `script` is the worker's module: run/worker.ts, or a stand-in in tests; `roomyHeapMb`, when
 * given, is the roomy worker's limit for every text (tests).
 */
export function workerPool(size: number, script: URL = new URL('./worker.js', import.meta.url), largeText = LARGE_TEXT, roomyHeapMb?: number): Annotator {
  const limitFor = (text: string): RoomyLimit => (roomyHeapMb === undefined ? roomyLimitFor(text) : { heapMb: roomyHeapMb, capMb: roomyHeapMb });
  const queue: Task[] = [];
  /** Large texts, and texts that ran a lean worker out of memory. */
  const roomyQueue: Task[] = [];
  const slots: Slot[] = [];
  let roomy: Slot | null = null;
  let nextId = 0;
  let closed = false;
  /** Why the pool cannot work (a worker died while loading the NLP): no respawning then. */
  let broken: string | null = null;

  const fail = (task: Task, why: string) => task.resolve({ ok: false, message: fatal('E_ANALYZE', why) });
  const alive = (slot: Slot) => (slot.roomy ? roomy === slot : slots.includes(slot));

  const spawn = (limit: RoomyLimit | null): Slot => {
    const worker = new Worker(script, { resourceLimits: limit ? { maxOldGenerationSizeMb: limit.heapMb } : LEAN_LIMITS });
    const slot: Slot = { worker, tasks: [], ready: false, roomy: limit !== null, limit, rulesSent: new Set() };
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
    // text it was on, or hands it to the roomy worker if it ran out of its limited heap; the
    // ones waiting in its inbox go back to the queue, and it is replaced. One that dies while
    // loading would die again: stop then.
    const onDeath = (why: string, outOfMemory: boolean) => {
      const [current, ...waiting] = slot.tasks.splice(0);
      if (slot.roomy) roomy = null;
      else slots.splice(slots.indexOf(slot), 1);
      if (closed) {
        if (current) fail(current, why);
        return;
      }
      if (!slot.ready) {
        broken = `the NLP could not be loaded in a worker: ${why}`;
        for (const t of [current, ...waiting, ...queue.splice(0), ...roomyQueue.splice(0)]) if (t) fail(t, broken);
        return;
      }
      if (current && outOfMemory && !slot.roomy) roomyQueue.push(current);
      else if (current && outOfMemory) current.resolve({ ok: false, message: fatal('E_OUT_OF_MEMORY', String(slot.limit?.capMb)) });
      else if (current) fail(current, why);
      queue.unshift(...waiting);
      if (!slot.roomy) slots.push(spawn(null));
      pump();
    };
    worker.on('error', (err: Error & { code?: string }) => {
      if (alive(slot)) onDeath(`worker failed: ${err.message}`, err.code === 'ERR_WORKER_OUT_OF_MEMORY');
    });
    worker.on('exit', (code) => {
      if (alive(slot)) onDeath(`worker exited with code ${code}`, false);
    });
    return slot;
  };

  const post = (slot: Slot, task: Task) => {
    slot.tasks.push(task);
    let job = task.job;
    if (job.rules) {
      if (slot.rulesSent.has(job.rules.key)) job = { ...job, rules: { ...job.rules, rules: null } };
      else slot.rulesSent.add(job.rules.key);
    }
    slot.worker.postMessage({ id: task.id, job });
  };

  const pump = () => {
    // Round by round, so that two jobs on two workers go one to each.
    for (let depth = 1; depth <= DEPTH && queue.length > 0; depth++) {
      for (const slot of slots) {
        if (queue.length === 0) break;
        if (slot.tasks.length < depth) post(slot, queue.shift()!);
      }
    }
    // One large text at a time, in a worker with that text's limit (started again only for a
    // text with another: one over 10 MB); its heap goes with it once none is left.
    if (roomyQueue.length > 0) {
      const limit = limitFor(roomyQueue[0]!.job.text);
      if (roomy && roomy.tasks.length === 0 && roomy.limit?.heapMb !== limit.heapMb) {
        const other = roomy;
        roomy = null;
        void other.worker.terminate();
      }
      roomy ??= spawn(limit);
      if (roomy.tasks.length === 0) post(roomy, roomyQueue.shift()!);
    } else if (roomy && roomy.tasks.length === 0) {
      const idle = roomy;
      roomy = null;
      void idle.worker.terminate();
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn(null));

  return {
    annotate(job) {
      return new Promise<Annotated>((resolve) => {
        const task = { id: nextId++, job, resolve };
        if (broken !== null) fail(task, broken);
        else {
          (job.text.length > largeText ? roomyQueue : queue).push(task);
          pump();
        }
      });
    },
    async close() {
      closed = true;
      const all = [...slots.splice(0), ...(roomy ? [roomy] : [])];
      roomy = null;
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
