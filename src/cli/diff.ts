/**
 * `annotate diff A B` and `annotate textconv FILE`: annotations compared as a reader sees them
 * (src/diff/). Exit codes as diff(1): 0 no change, 1 changes, 2 trouble.
 */
import { Command, Option } from 'commander';
import { diffPaths, DiffUsageError, viewFromText, type FileDiff } from '../diff/files.js';
import { formatJson, formatText, summaryText } from '../diff/format.js';
import { textconv } from '../diff/view.js';
import { writer, type Io } from './io.js';

const SAME = 0;
const CHANGED = 1;
const TROUBLE = 2;

export async function diffCommand(argv: string[], io: Io, program: (name: string) => Command): Promise<number> {
  const cmd = program('annotate diff')
    .description('Compare two annotation files, or two folders of them (e.g. a corpus before and after an engine upgrade), as a reader sees them: entities added and removed, type changes, mention counts, date values, the published date. Offsets alone are never a change.')
    .argument('<a>', 'the old annotation file or folder')
    .argument('<b>', 'the new one')
    .addOption(new Option('--format <format>', 'text for people, json for scripts').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'print nothing; only the exit status says whether they differ')
    .addHelpText('after', '\nExit status: 0 no change; 1 changes; 2 a path could not be read or is not an annotation.');
  let a = '';
  let b = '';
  cmd.action((x: string, y: string) => {
    [a, b] = [x, y];
  });
  await cmd.parseAsync(argv, { from: 'user' });
  const opts = cmd.opts<{ format: string; quiet?: boolean }>();
  let result;
  try {
    result = diffPaths(io.fs, io.cwd, a, b);
  } catch (err) {
    if (!(err instanceof DiffUsageError)) throw err;
    io.stderr.write(`error: ${err.message}\n`);
    return TROUBLE;
  }
  for (const e of result.errors) io.stderr.write(`${e.path}: ${e.text}\n`);
  const out = writer(io.stdout);
  const twoFiles = result.files.length <= 1 && result.same + result.files.length <= 1 && !result.files.some((f) => f.status !== 'changed');
  const heading = (f: FileDiff) => (twoFiles && f.status === 'changed' && f.path === b ? `${a} -> ${b}` : f.path);
  if (!opts.quiet) {
    if (opts.format === 'json') await out(formatJson(result));
    else {
      await out(formatText(result, heading));
      io.stderr.write(`${summaryText(result)}\n`);
    }
  }
  if (result.errors.length > 0) return TROUBLE;
  return result.files.length > 0 ? CHANGED : SAME;
}

/**
 * git's textconv driver: the offset-free view of one annotation, which git then diffs line by
 * line. A file that is not an annotation (another YAML file under the same attribute, a file
 * with conflict markers) is printed as it is, since a failing textconv would stop `git diff`.
 */
export async function textconvCommand(argv: string[], io: Io, program: (name: string) => Command): Promise<number> {
  const cmd = program('annotate textconv')
    .description('Print the offset-free view of an annotation file, for git: .gitattributes `*.yaml diff=annotate` and `git config diff.annotate.textconv "npx annotate textconv"`.')
    .argument('<file>', 'an annotation file');
  let file = '';
  cmd.action((f: string) => {
    file = f;
  });
  await cmd.parseAsync(argv, { from: 'user' });
  const abs = (await import('node:path')).resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = io.fs.readFile(abs);
  } catch (err) {
    io.stderr.write(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})\n`);
    return TROUBLE;
  }
  let text: string;
  try {
    text = textconv(viewFromText(bytes.toString('utf8')));
  } catch {
    text = bytes.toString('utf8');
  }
  await writer(io.stdout)(text);
  return SAME;
}
