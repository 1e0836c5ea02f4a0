// Problems as the CLI prints them: one per diagnostic, with 1-based lines and columns.
export type ProblemSeverity = 'error' | 'warning' | 'info';

export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: ProblemSeverity;
  code: string;
  message: string;
}

export type OutputFormat = 'text' | 'json' | 'github';

export function renderProblems(problems: Problem[], format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(problems, null, 2) + '\n';
    case 'github':
      return problems.map(githubAnnotation).join('');
    default:
      return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}\n`).join('');
  }
}

/** A GitHub Actions workflow command; `info` maps to `notice`. Values are escaped as the runner expects. */
function githubAnnotation(p: Problem): string {
  const level = p.severity === 'info' ? 'notice' : p.severity;
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `endLine=${p.endLine}`,
    `endColumn=${p.endColumn}`,
    `title=${escapeProperty(p.code)}`,
  ].join(',');
  return `::${level} ${props}::${escapeData(p.message)}\n`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function summary(problems: Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  if (errors + warnings === 0) return `${files} checked: no problems.`;
  return `${files} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
}
