/**
 * Everything main() needs from the process, passed in so tests can run it in-process with fake
 * streams, environment, file system and clock.
 */
import { availableParallelism } from 'node:os';
import { nodeFs, type FsAdapter } from '../fs/adapter.js';

export interface OutStream {
  write(chunk: string): boolean;
  once?(event: 'drain', listener: () => void): unknown;
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
}

export function nodeIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
    fs: nodeFs(),
    cpus: availableParallelism(),
    now: () => performance.now(),
    pid: process.pid,
  };
}

/** Writes to a stream, waiting for 'drain' when its buffer is full (large --stdout output). */
export function writer(stream: OutStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise<void>((resolve) => {
      if (stream.write(chunk) || !stream.once) resolve();
      else stream.once('drain', () => resolve());
    });
}
