// `hslist fmt [--check] [paths…]`: rewrite files in the canonical format, or (with --check) only
// report which files are not formatted. Files with syntax errors are never rewritten.
import { renameSync, writeFileSync } from 'node:fs';
import { format } from '../../../grammar/src';
import { LineIndex } from '../language/positions';
import { parseArgs } from './args';
import type { CliIo } from './context';
import { discoverSources } from './discover';
import { renderProblems, type Problem } from './problems';
import { readSource } from './read-source';
import { display } from './workspace-run';
import { UsageError } from './args';
import { resolve } from 'node:path';

export function runFmt(argv: string[], io: CliIo): number {
  const args = parseArgs(argv, { values: [], switches: ['check'] });
  const check = args.switches.has('check');
  const paths = (args.positionals.length > 0 ? args.positionals : ['.']).map((p) => resolve(io.cwd, p));
  const { files, missing } = discoverSources(paths);
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((m) => display(io.cwd, m)).join(', ')}`);
  const problems: Problem[] = [];
  const unformatted: string[] = [];
  for (const path of files) {
    const shown = display(io.cwd, path);
    const read = readSource(path);
    if (!read.ok) {
      problems.push({ file: shown, line: read.line ?? 1, column: read.column ?? 1, endLine: read.line ?? 1, endColumn: read.column ?? 1, severity: 'error', code: read.code, message: `${shown} ${read.message}` });
      continue;
    }
    const result = format(read.text);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const index = new LineIndex(read.text);
      for (const d of errors) problems.push(problemAt(shown, index, d));
      continue;
    }
    if (!result.changed) continue;
    unformatted.push(shown);
    if (!check) writeAtomically(path, result.text);
  }
  io.out(renderProblems(problems, 'text'));
  for (const file of unformatted) io.out(check ? `${file}: not formatted\n` : `${file}: formatted\n`);
  if (check) io.err(`${files.length} files checked, ${unformatted.length} not formatted.\n`);
  return problems.length > 0 || (check && unformatted.length > 0) ? 1 : 0;
}

function problemAt(file: string, index: LineIndex, d: { start: number; end: number; code: string; message: string }): Problem {
  const s = index.positionAt(d.start);
  const e = index.positionAt(d.end);
  return { file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: 'error', code: d.code, message: d.message };
}

/** A crash mid-write must never leave a half-written source file behind. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.hslist-fmt-${process.pid}.tmp`;
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, path);
}
