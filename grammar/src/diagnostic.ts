// Diagnostics of the pure layers. They carry offsets; conversion to line/column (CLI) or LSP ranges
// happens at the edges only (server/src/language/positions.ts).

export type Severity = 'error' | 'warning' | 'info';

/** A text edit by offsets in the file the diagnostic belongs to. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix a diagnostic suggests: the did-you-mean replacements, "make the list active", ... */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The file the edits apply to, when it is not the diagnostic's own file (e.g. "make the inclusion list active"). */
  path?: string;
}

export interface Diagnostic {
  /** Stable kebab-case code, e.g. `unknown-property`. Documented in docs/checks.md. */
  code: string;
  /** One sentence. */
  message: string;
  severity: Severity;
  start: number;
  end: number;
  fixes?: Fix[];
  /** The contact property the diagnostic is about, for an editor that adds what its data knows of it. */
  subject?: string;
}

export function diagnostic(
  code: string,
  message: string,
  span: { start: number; end: number },
  severity: Severity = 'error',
  fixes?: Fix[],
): Diagnostic {
  const d: Diagnostic = { code, message, severity, start: span.start, end: span.end };
  if (fixes && fixes.length > 0) d.fixes = fixes;
  return d;
}
