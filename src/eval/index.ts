/**
 * `annotate eval`: scores the engine against gold sets (issue 4 / issue 5).
 * The CLI layer calls runEval with the arguments after `eval`; it returns the exit code.
 */
export interface EvalIo {
  cwd: string;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  /** Whether stdout may carry ANSI colour. */
  color: boolean;
}

export async function runEval(argv: string[], io: EvalIo): Promise<number> {
  void argv;
  io.stderr.write('annotate eval: not implemented yet\n');
  return 2;
}
