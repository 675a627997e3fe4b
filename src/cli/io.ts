/**
 * Everything main() needs from the process, passed in so tests can run it in-process with fake
 * streams, environment, file system and clock.
 */
import { availableParallelism, constants as osConstants } from 'node:os';
import { nodeFs, type FsAdapter } from '../fs/adapter.js';

export interface OutStream {
  write(chunk: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
  /** Set when the reader has gone away (EPIPE); further data is pointless. */
  closed?: boolean;
}

/** Thrown by writer() once the stream's reader has gone away. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
  }
}

/**
 * process.stdout/stderr raise EPIPE as an 'error' event, which would crash with a stack trace
 * when the reader of a pipe exits early. Record it instead; writer() then stops the run.
 */
function guarded(stream: NodeJS.WriteStream): OutStream {
  // A stream that errors never emits 'drain': wake whoever waits for it, so writer() sees
  // `closed` at its next write instead of waiting forever (`annotate --format jsonl | head -1`).
  const waiting = new Set<() => void>();
  const out: OutStream = {
    write: (chunk) => (out.closed ? true : stream.write(chunk)),
    once: (event, listener) => {
      if (out.closed) return listener();
      const fire = () => {
        waiting.delete(fire);
        stream.removeListener(event, fire);
        listener();
      };
      waiting.add(fire);
      stream.once(event, fire);
    },
    closed: false,
  };
  stream.on('error', (err: NodeJS.ErrnoException) => {
    out.closed = true;
    if (err.code !== 'EPIPE') process.exitCode = 2;
    for (const fire of [...waiting]) fire();
  });
  return out;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  /** Read only for `annotate -`. */
  stdin: AsyncIterable<Uint8Array | string>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  cwd: string;
  env: Record<string, string | undefined>;
  fs: FsAdapter;
  /** Default for --jobs. */
  cpus: number;
  /** Milliseconds, for the summary's throughput only. */
  now(): number;
  /** Names temporary files. */
  pid: number;
  /** Whether process `pid` is running (a temporary file of a dead one may be removed). */
  processAlive(pid: number): boolean;
  /** Wall-clock milliseconds, only to tell a stray temporary file's age (never part of any output). */
  time(): number;
  /**
   * Catches SIGINT, SIGTERM and SIGHUP until the returned release() is called: the first asks the
   * run to stop (signal() names it), so it finishes the files in flight and writes nothing half;
   * a second one ends the process at once.
   */
  trapSignals(): { signal: () => string | null; release: () => void };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Signal handlers run on the event loop, between two pieces of JavaScript, never inside one, and
 * each annotation is created and renamed in one synchronous step: so even exiting at once, on a
 * second signal, cannot fall between a temporary file's write and its rename.
 */
function trapSignals(): { signal: () => string | null; release: () => void } {
  let caught: string | null = null;
  const handler = (sig: NodeJS.Signals): void => {
    if (caught !== null) process.exit(128 + (osConstants.signals[sig] ?? 0));
    caught = sig;
  };
  for (const sig of SIGNALS) process.on(sig, handler);
  return {
    signal: () => caught,
    release: () => {
      for (const sig of SIGNALS) process.removeListener(sig, handler);
    },
  };
}

/** The exit status of a run stopped by `signal`, as a shell reports a process killed by it (130 for SIGINT). */
export function signalExitCode(signal: string): number {
  return 128 + (osConstants.signals[signal as NodeJS.Signals] ?? 0);
}

export function nodeIo(): Io {
  return {
    stdout: guarded(process.stdout),
    stderr: guarded(process.stderr),
    stdin: process.stdin,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
    fs: nodeFs(),
    cpus: availableParallelism(),
    now: () => performance.now(),
    pid: process.pid,
    processAlive,
    time: () => Date.now(),
    trapSignals,
  };
}

/** Signal 0 only checks: ESRCH means no such process; EPERM means it exists (another user's). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes to a stream, waiting for 'drain' when its buffer is full (large --stdout output). */
export function writer(stream: OutStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (stream.closed) reject(new OutputClosed());
      else if (stream.write(chunk) || !stream.once) resolve();
      else stream.once('drain', () => resolve());
    });
}
