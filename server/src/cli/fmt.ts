// `hslist fmt [--check] [paths…]`: rewrite files in the canonical format, or (with --check) only
// report which files are not formatted. Files with syntax errors are never rewritten. A file that
// cannot be written is a problem naming it (exit 1), not an internal error; Ctrl-C or SIGTERM stop the
// run between two files (each file is written whole or not at all) and say how far it got.
import { resolve } from 'node:path';
import { format } from '@hslist/grammar';
import { LineIndex } from '../language/positions';
import { UsageError, type ParsedArgs } from './args';
import type { CliIo } from './context';
import { discoverSources } from './discover';
import { FormatWriteError, writeFormatted } from './fmt-write';
import { renderProblems, type Problem } from './problems';
import { readSource } from './read-source';
import { display } from './workspace-run';

interface FmtRun {
  check: boolean;
  problems: Problem[];
  /** Files that were (or, with --check, would be) rewritten. */
  unformatted: string[];
}

export async function runFmt(args: ParsedArgs, io: CliIo): Promise<number> {
  const check = args.switches.has('check');
  const paths = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => resolve(io.cwd, p));
  const { files, missing } = discoverSources(paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((m) => display(io.cwd, m)).join(', ')}`);
  const run: FmtRun = { check, problems: [], unformatted: [] };
  const stop = stopOnSignal(io);
  let done = 0;
  try {
    for (const path of files) {
      fmtFile(path, display(io.cwd, path), run);
      done++;
      // Between files, so a signal is seen (a file is never left half-written: each write is synchronous).
      await new Promise<void>((r) => setImmediate(r));
      if (stop.signal) break;
    }
  } finally {
    stop.release();
  }
  io.out(renderProblems(run.problems, 'text'));
  for (const file of run.unformatted) io.out(check ? `${file}: not formatted\n` : `${file}: formatted\n`);
  if (stop.signal) {
    io.err(`hslist fmt: interrupted (${stop.signal}) after ${done} of ${files.length} files; the others were not ${check ? 'checked' : 'formatted'}.\n`);
    return stop.signal === 'SIGINT' ? 130 : 143;
  }
  if (check) io.err(`${files.length} file${files.length === 1 ? '' : 's'} checked, ${run.unformatted.length} not formatted.\n`);
  return run.problems.length > 0 || (check && run.unformatted.length > 0) ? 1 : 0;
}

function fmtFile(path: string, shown: string, run: FmtRun): void {
  const read = readSource(path);
  if (!read.ok) {
    run.problems.push(fileProblem(shown, read.code, `${shown} ${read.message}`, read.line, read.column));
    return;
  }
  const result = format(read.text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const index = new LineIndex(read.text);
    for (const d of errors) run.problems.push(problemAt(shown, index, d));
    return;
  }
  if (!result.changed) return;
  if (!run.check) {
    try {
      writeFormatted(path, result.text, read.text);
    } catch (error) {
      if (!(error instanceof FormatWriteError)) throw error;
      run.problems.push(fileProblem(shown, 'unwritable-file', `${shown} ${error.message}`));
      return;
    }
  }
  run.unformatted.push(shown);
}

/** While fmt runs in its own process, SIGINT and SIGTERM ask it to stop after the current file. */
function stopOnSignal(io: CliIo): { signal: NodeJS.Signals | undefined; release(): void } {
  const state: { signal: NodeJS.Signals | undefined; release(): void } = { signal: undefined, release: () => undefined };
  if (io.env !== process.env) return state; // in-process (tests): the process is not ours to stop
  const onSignal = (signal: NodeJS.Signals) => (state.signal = signal);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  state.release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return state;
}

function fileProblem(file: string, code: string, message: string, line = 1, column = 1): Problem {
  return { file, line, column, endLine: line, endColumn: column, severity: 'error', code, message };
}

function problemAt(file: string, index: LineIndex, d: { start: number; end: number; code: string; message: string }): Problem {
  const s = index.positionAt(d.start);
  const e = index.positionAt(d.end);
  return { file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: 'error', code: d.code, message: d.message };
}
