// Reads the sources a command names and analyses them as one workspace, turning every diagnostic
// and every unreadable file into a printable Problem.
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeWorkspace, type WorkspaceAnalysis } from '../language/workspace';
import type { CommandContext } from './context';
import { discoverSources } from './discover';
import type { Problem } from './problems';
import { readSource } from './read-source';
import { UsageError } from './args';

export interface WorkspaceRun {
  analysis: WorkspaceAnalysis;
  problems: Problem[];
  fileCount: number;
}

export function analyzeSources(paths: string[], ctx: CommandContext, cwd: string): WorkspaceRun {
  const { files, missing } = discoverSources((paths.length > 0 ? paths : ['.']).map((p) => resolveFrom(cwd, p)));
  if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.map((m) => display(cwd, m)).join(', ')}`);
  const problems: Problem[] = [];
  const readable: { path: string; text: string }[] = [];
  for (const path of files) {
    const read = readSource(path);
    if (read.ok) readable.push({ path: read.path, text: read.text });
    else problems.push(fileProblem(display(cwd, path), read.code, `${display(cwd, path)} ${read.message}`, read.line, read.column));
  }
  const analysis = analyzeWorkspace(readable, ctx.schema, { defaultTimezone: ctx.config.timezone, salesforceSchema: ctx.salesforceSchema });
  for (const file of analysis.files.values()) {
    for (const d of file.diagnostics) {
      const start = file.lineIndex.positionAt(d.start);
      const end = file.lineIndex.positionAt(d.end);
      problems.push({
        file: display(cwd, file.path),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      });
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { analysis, problems, fileCount: files.length };
}

function fileProblem(file: string, code: string, message: string, line = 1, column = 1): Problem {
  return { file, line, column, endLine: line, endColumn: column, severity: 'error', code, message };
}

function resolveFrom(cwd: string, path: string): string {
  return resolve(cwd, path);
}

/** Paths are printed relative to where the user stands, as they typed them. */
export function display(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}

/** Files a folder holds that are named in messages before "… and N more". */
const FILES_NAMED = 5;

/** Extensions of contact data files, which `preview` reads with `--data`, not as its FILE. */
const DATA_FILE = /\.(csv|json|ndjson)$/i;

/**
 * `compile` and `preview` take one .hslist file: a folder is a usage error that names the .hslist files
 * it holds (before, `hslist preview .` said "fix the problems above first" with nothing above), and
 * another kind of file is one too (a contacts export read as lists gave an error for every `@` in it).
 */
export function requireOneFile(cwd: string, file: string, usage: string, dataFlag?: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    return; // missing or unreadable: reported by the analysis with the reason
  }
  if (!isFolder) return requireListFile(cwd, file, usage, dataFlag);
  const held = discoverSources([file]).files.map((f) => display(cwd, f));
  const named = held.slice(0, FILES_NAMED).join(', ') + (held.length > FILES_NAMED ? ` … and ${held.length - FILES_NAMED} more` : '');
  const holds = held.length === 0 ? 'it holds no .hslist file' : `it holds ${named}`;
  throw new UsageError(`${display(cwd, file)} is a folder, not a file (${holds}). Usage: ${usage}`);
}

function requireListFile(cwd: string, file: string, usage: string, dataFlag: string | undefined): void {
  if (file.toLowerCase().endsWith('.hslist')) return;
  const shown = display(cwd, file);
  const data = dataFlag && DATA_FILE.test(file) ? `; contact data goes after ${dataFlag}: ${dataFlag} ${shown}` : '';
  throw new UsageError(`${shown} is not an .hslist file: give the file of lists${data}. Usage: ${usage}`);
}
