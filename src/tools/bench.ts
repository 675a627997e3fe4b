/**
 * `npm run bench -- <folder> [--generate N] [--runs j1,j2,rerun,peer] [--repeat N] [--keep] [--snapshot]`
 *
 * Annotates every `.txt` under <folder> (never writing into it: outputs go to --out-dir in a temp
 * folder, so a read-only corpus works) and prints one table:
 *
 *   j1     annotate --jobs 1, first run (empty out dir)
 *   j2     annotate --jobs 2, first run (another empty out dir)
 *   rerun  annotate --jobs 2 again on j2's out dir: the corpus is unchanged, so every file is
 *          fresh and skipped without NLP (the incremental path)
 *   peer   plain compromise, one thread (src/tools/peer-compromise.ts)
 *
 * with files, MB (2^20 bytes of .txt, as annotate's summary counts), wall seconds, MB/s and the peak RSS of the child process
 * (VmHWM from /proc/<pid>/status, polled until exit; worker threads share the process, so this is
 * the whole run's peak). Then the speedups j1/j2 and j2/rerun, and whether j1 and j2 wrote
 * byte-identical trees.
 *
 * --generate N writes N small articles (src/tools/bench-articles.ts) into a temp folder first and
 * benchmarks those instead; <folder> may then be omitted. --runs picks a subset (rerun needs j2).
 * --repeat N does N rounds of the chosen runs (j1 and j2 into new out dirs each time, the
 * re-run after each j2) and reports each run's fastest time, with all the times and the load
 * average at the end of each run below the table: on a shared machine the minimum is the figure
 * least skewed by other work. Peak RSS is the highest of the rounds.
 * --keep leaves the temp folders in place and prints where they are.
 * --snapshot runs a copy of the build (bin/, dist/, package.json; src/ and node_modules/ linked)
 * made at the start, so a rebuild during a long run cannot change what the re-run measures (a
 * new engine version or data file makes every annotation stale). Without it the bench
 * warns when dist/ changed while it ran.
 *
 * Timings are wall-clock on whatever else the machine is doing: run it on an idle machine.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArticles } from './bench-articles.js';

/** annotate's summary counts 1 MB = 2^20 bytes; the bench uses the same unit. */
const MB = 1024 * 1024;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type RunName = 'j1' | 'j2' | 'rerun' | 'peer';
const ALL_RUNS: RunName[] = ['j1', 'j2', 'rerun', 'peer'];

interface Measure {
  name: RunName;
  label: string;
  argv: string[];
  code: number | null;
  signal: string | null;
  seconds: number;
  peakKiB: number | null;
  /** CPU seconds (user + system, all threads) of the child, from its last /proc poll; null off Linux. */
  cpuSeconds: number | null;
  lastStderr: string;
  /** 1-minute load average when the run ended: other work on the machine skews the timings. */
  load: number;
}

const USAGE = 'usage: npm run bench -- <folder> [--generate N] [--runs j1,j2,rerun,peer] [--repeat N] [--keep] [--snapshot]';

function parseArgs(argv: string[]): { folder: string | null; generate: number | null; runs: RunName[]; repeat: number; keep: boolean; snapshot: boolean } {
  let folder: string | null = null;
  let generate: number | null = null;
  let repeat = 1;
  let runs = ALL_RUNS;
  let keep = false;
  let snapshot = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--generate') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) fail(`--generate needs a positive integer.\n${USAGE}`);
      generate = n;
    } else if (a === '--runs') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = list.filter((r) => !(ALL_RUNS as string[]).includes(r));
      if (list.length === 0 || bad.length > 0) fail(`--runs takes a comma list of ${ALL_RUNS.join(',')}.\n${USAGE}`);
      runs = ALL_RUNS.filter((r) => list.includes(r));
    } else if (a === '--repeat') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) fail(`--repeat needs a positive integer.\n${USAGE}`);
      repeat = n;
    } else if (a === '--keep') {
      keep = true;
    } else if (a === '--snapshot') {
      snapshot = true;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) {
      fail(`Unknown option ${a}.\n${USAGE}`);
    } else if (folder === null) {
      folder = a;
    } else {
      fail(`One folder only.\n${USAGE}`);
    }
  }
  if (folder === null && generate === null) fail(USAGE);
  if (runs.includes('rerun') && !runs.includes('j2')) fail('--runs: rerun needs j2 (it re-runs on j2\'s output).');
  return { folder, generate, runs, repeat, keep, snapshot };
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Count the .txt files annotate will see: hidden folders and node_modules are skipped. */
function countCorpus(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile() && e.name.endsWith('.txt')) {
        files += 1;
        bytes += fs.statSync(p).size;
      }
    }
  }
  return { files, bytes };
}

/** VmHWM (peak resident set) of a live process in KiB, or null once it has exited. */
function readPeakKiB(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * User + system CPU seconds of a process, all its threads, from /proc/<pid>/stat (fields 14 and
 * 15, in clock ticks of 1/100 s, USER_HZ on every Linux Node runs on); null where unreadable.
 */
function readCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** Newest mtime (ms) of any file under dir: a rebuild during the bench changes it. */
function newestMtime(dir: string): number {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  }
  return newest;
}

/** A frozen copy of the runnable package under `to`; returns its root. */
function snapshotBuild(to: string): string {
  fs.mkdirSync(to, { recursive: true });
  for (const d of ['bin', 'dist']) fs.cpSync(path.join(ROOT, d), path.join(to, d), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(to, 'package.json'));
  for (const d of ['src', 'node_modules']) fs.symlinkSync(path.join(ROOT, d), path.join(to, d));
  return to;
}

function measure(name: RunName, label: string, argv: string[], cwd: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak: number | null = null;
    let cpu: number | null = null;
    const poll = (): void => {
      if (child.pid === undefined) return;
      const v = readPeakKiB(child.pid);
      if (v !== null && (peak === null || v > peak)) peak = v;
      const c = readCpuSeconds(child.pid);
      if (c !== null && (cpu === null || c > cpu)) cpu = c;
    };
    const timer = setInterval(poll, 20);
    let tail = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (s: string) => { tail = (tail + s).slice(-4000); });
    child.on('error', (e) => { clearInterval(timer); reject(e); });
    // 'exit' fires as soon as the process ends; its /proc entry is gone or a zombie by then, so
    // the last poll before it holds the peak (VmHWM never decreases) and the CPU time, to within
    // the 20 ms between polls.
    child.on('exit', () => poll());
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const lines = tail.split('\n').map((l) => l.trimEnd()).filter(Boolean);
      resolve({ name, label, argv, code, signal, seconds, peakKiB: peak, cpuSeconds: cpu, lastStderr: lines[lines.length - 1] ?? '', load: os.loadavg()[0]! });
    });
  });
}

/** Whether two output trees hold the same files with the same bytes (first difference if not). */
function compareTrees(a: string, b: string): string | null {
  const list = (root: string): string[] => {
    const out: string[] = [];
    const stack = [''];
    while (stack.length > 0) {
      const rel = stack.pop()!;
      for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) stack.push(r);
        else out.push(r);
      }
    }
    return out.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  };
  if (!fs.existsSync(a) || !fs.existsSync(b)) return 'an output folder is missing';
  const la = list(a);
  const lb = list(b);
  if (la.length !== lb.length) return `${la.length} files vs ${lb.length}`;
  for (let i = 0; i < la.length; i++) {
    if (la[i] !== lb[i]) return `${la[i]} vs ${lb[i]}`;
    if (!fs.readFileSync(path.join(a, la[i]!)).equals(fs.readFileSync(path.join(b, lb[i]!)))) return `${la[i]} differs`;
  }
  return null;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function shellQuote(args: string[]): string {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'bin', 'annotate.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'src', 'tools', 'peer-compromise.js'))) {
    fail('build first: npx tsc -p . (dist/ is missing).');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'annotate-bench-'));
  const root = opts.snapshot ? snapshotBuild(path.join(work, 'build')) : ROOT;
  const BIN = path.join(root, 'bin', 'annotate.js');
  const PEER = path.join(root, 'dist', 'src', 'tools', 'peer-compromise.js');
  const builtAt = newestMtime(path.join(root, 'dist'));
  let folder: string;
  if (opts.generate !== null) {
    folder = path.join(work, 'corpus');
    process.stderr.write(`bench: generating ${opts.generate} articles in ${folder} ...\n`);
    writeArticles(folder, opts.generate);
  } else {
    folder = path.resolve(opts.folder!);
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) fail(`${opts.folder}: not a folder.`);
  }
  const { files, bytes } = countCorpus(folder);
  if (files === 0) fail(`${folder}: no .txt files.`);
  const mb = bytes / MB;

  // Each round writes into folders of its own, all removed at the end: removing a round's
  // annotations just before the next round wrote its own made ext4 skip past their freshly freed
  // inodes for every file created (recently_deleted), 1-2 s of kernel time on the main thread.
  const out = (run: string, round: number) => path.join(work, opts.repeat > 1 ? `out-${run}-${round}` : `out-${run}`);
  const plansFor = (round: number): Array<[RunName, string, string[]]> => [
    ['j1', 'annotate --jobs 1', [BIN, '--jobs', '1', '--out-dir', out('j1', round), folder]],
    ['j2', 'annotate --jobs 2', [BIN, '--jobs', '2', '--out-dir', out('j2', round), folder]],
    ['rerun', 'annotate re-run (--jobs 2)', [BIN, '--jobs', '2', '--out-dir', out('j2', round), folder]],
    ['peer', 'plain compromise', [PEER, folder, out('peer', round)]],
  ];
  const plans = plansFor(1);

  process.stdout.write(`corpus: ${folder}\nfiles: ${files}, ${mb.toFixed(2)} MB of .txt (1 MB = 2^20 bytes, as in annotate's summary)\n`);
  process.stdout.write(`node ${process.version}, ${os.cpus().length} CPUs, ${os.platform()} ${os.arch()}\n\ncommands:\n`);
  for (const [name, , argv] of plans) {
    if (opts.runs.includes(name)) process.stdout.write(`  ${pad(name, 6)}node ${shellQuote(argv)}\n`);
  }
  process.stdout.write('\n');

  // Every measurement, in order; `results` keeps the fastest of each run.
  const all: Measure[] = [];
  for (let round = 1; round <= opts.repeat; round++) {
    for (const [name, label, argv] of plansFor(round)) {
      if (!opts.runs.includes(name)) continue;
      const of = opts.repeat > 1 ? ` (${round}/${opts.repeat})` : '';
      process.stderr.write(`bench: ${label}${of} ...\n`);
      const m = await measure(name, label, argv, root);
      all.push(m);
      process.stderr.write(`bench: ${label}${of}: ${m.seconds.toFixed(2)} s, exit ${m.code ?? m.signal}${m.lastStderr ? ` | ${m.lastStderr}` : ''}\n`);
    }
  }
  const results: Measure[] = [];
  for (const name of ALL_RUNS) {
    const runs = all.filter((m) => m.name === name);
    if (runs.length === 0) continue;
    const fastest = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peaks = runs.map((m) => m.peakKiB).filter((k): k is number => k !== null);
    const worst = runs.find((m) => m.code !== 0) ?? fastest;
    results.push({ ...fastest, peakKiB: peaks.length > 0 ? Math.max(...peaks) : null, code: worst.code, signal: worst.signal });
  }

  const header = [pad('run', 28), pad('files', 8, true), pad('MB', 8, true), pad('seconds', 9, true), pad('MB/s', 8, true), pad('peak RSS MiB', 13, true), pad('CPU s', 7, true), pad('cores', 6, true), pad('exit', 5, true), pad('load', 5, true)];
  process.stdout.write(`${header.join(' ')}\n${'-'.repeat(header.join(' ').length)}\n`);
  for (const m of results) {
    const row = [
      pad(m.label, 28),
      pad(String(files), 8, true),
      pad(mb.toFixed(2), 8, true),
      pad(m.seconds.toFixed(2), 9, true),
      pad((mb / m.seconds).toFixed(3), 8, true),
      pad(m.peakKiB === null ? 'n/a' : (m.peakKiB / 1024).toFixed(1), 13, true),
      pad(m.cpuSeconds === null ? 'n/a' : m.cpuSeconds.toFixed(2), 7, true),
      pad(m.cpuSeconds === null ? 'n/a' : (m.cpuSeconds / m.seconds).toFixed(2), 6, true),
      pad(String(m.code ?? m.signal), 5, true),
      pad(m.load.toFixed(1), 5, true),
    ];
    process.stdout.write(`${row.join(' ')}\n`);
  }
  process.stdout.write(`(load: 1-minute load average at the end of each run, on ${os.cpus().length} CPUs; above that, other work skewed the timings)\n`);
  process.stdout.write('(CPU s: user + system seconds of all the run\'s threads; cores: CPU s / seconds, how many CPUs it kept busy)\n');
  if (opts.repeat > 1) {
    process.stdout.write(`(seconds: the fastest of ${opts.repeat} rounds; peak RSS: the highest)\n`);
    for (const r of results) {
      const times = all.filter((m) => m.name === r.name).map((m) => `${m.seconds.toFixed(2)} s (load ${m.load.toFixed(1)})`);
      process.stdout.write(`  ${pad(r.name, 6)}${times.join(', ')}\n`);
    }
  }
  process.stdout.write('\n');
  const get = (n: RunName): Measure | undefined => results.find((r) => r.name === n);
  const j1 = get('j1');
  const j2 = get('j2');
  const rerun = get('rerun');
  const peer = get('peer');
  if (j1 && j2) {
    process.stdout.write(`speedup jobs2 vs jobs1: ${(j1.seconds / j2.seconds).toFixed(2)}x (target >= 1.7x on 2,000+ articles)\n`);
    // jobs 2 does at least the CPU work of jobs 1, so on n CPUs it takes at least j1 CPU / n.
    if (j1.cpuSeconds !== null && j1.cpuSeconds > 0) {
      const n = os.cpus().length;
      const cores = j1.cpuSeconds / j1.seconds;
      process.stdout.write(`  jobs 1 kept ${cores.toFixed(2)} CPUs busy (V8's compiler and collector threads, the kernel's file work): on ${n} CPUs no --jobs can be more than ${(n / cores).toFixed(2)}x faster than it\n`);
    }
  }
  if (j2 && rerun) process.stdout.write(`speedup re-run vs first run (jobs 2): ${(j2.seconds / rerun.seconds).toFixed(1)}x (target >= 20x)\n`);
  if (peer && j1) process.stdout.write(`annotate --jobs 1 vs plain compromise: ${(peer.seconds / j1.seconds).toFixed(2)}x the peer's throughput\n`);
  if (j1 && j2) {
    const diff = compareTrees(out('j1', opts.repeat), out('j2', opts.repeat));
    process.stdout.write(`outputs of jobs 1 and jobs 2 byte-identical: ${diff === null ? 'yes' : `NO (${diff})`}\n`);
  }
  const peakMax = Math.max(...results.filter((r) => r.name !== 'peer').map((r) => r.peakKiB ?? 0));
  if (peakMax > 0) process.stdout.write(`annotate peak RSS: ${(peakMax / 1024).toFixed(1)} MiB (target < 400 MiB on 100,000 small files)\n`);
  for (const m of results) {
    if (m.name !== 'peer' && m.lastStderr) process.stdout.write(`${m.name} summary: ${m.lastStderr}\n`);
  }
  if (newestMtime(path.join(root, 'dist')) !== builtAt) {
    process.stdout.write('\nWARNING: dist/ was rebuilt while the bench ran; the runs may have used different builds (use --snapshot).\n');
  }
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0) {
    process.stdout.write(`\nWARNING: non-zero exit from ${failed.map((f) => f.name).join(', ')}; figures may not be comparable.\n`);
  }

  if (opts.keep) process.stdout.write(`\nkept: ${work}\n`);
  else fs.rmSync(work, { recursive: true, force: true });
  process.exitCode = failed.length > 0 ? 1 : 0;
}

await main();
