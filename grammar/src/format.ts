// format(text): the canonical layout, or the text untouched when it has syntax errors (a formatter
// must never lose what it cannot read).

import type { Diagnostic } from './diagnostic';
import { parse } from './parse';
import { printFile } from './print';

export interface FormatResult {
  text: string;
  diagnostics: Diagnostic[];
  changed: boolean;
}

export function format(text: string): FormatResult {
  const parsed = parse(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { text, diagnostics: errors, changed: false };
  const formatted = printFile(parsed.file, text);
  return { text: formatted, diagnostics: [], changed: formatted !== text };
}
