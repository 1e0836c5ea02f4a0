// Test helpers that read like the language: a source with ⟦ranges⟧ around the places the
// expected diagnostics point at (test/support/markers.ts), and fixes applied to text.

import { strict as assert } from 'node:assert';
import type { Diagnostic, Fix } from '@hslist/grammar';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { defaultSchema } from '../../../server/src/language/schema';
import type { Schema } from '../../../server/src/language/schema-types';
import { analyzeWorkspace, type SourceFile, type WorkspaceAnalysis } from '../../../server/src/language/workspace';
import { marked } from '../../support/markers';

export const MAIN = 'main.hslist';

export interface ExpectOptions {
  /** Other files of the workspace. */
  others?: SourceFile[];
  schema?: Schema;
  /** hslist.json's `timezone`: the zone of lists without `timezone:`. */
  defaultTimezone?: string;
}

export function analyzeText(text: string, options: ExpectOptions = {}): WorkspaceAnalysis {
  return analyzeWorkspace([{ path: MAIN, text }, ...(options.others ?? [])], options.schema ?? defaultSchema(), { defaultTimezone: options.defaultTimezone });
}

export function diagnosticsOf(analysis: WorkspaceAnalysis, path = MAIN): Diagnostic[] {
  const file = analysis.files.get(path);
  assert.ok(file, `no analysis for ${path}`);
  return file.diagnostics;
}

function show(text: string, diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code} ⟦${text.slice(d.start, d.end)}⟧ ${d.message}`).join('\n');
}

/**
 * The file's diagnostics are exactly `codes`, in order of position, and (when the source marks
 * ranges) each one covers its ⟦range⟧. Returns them for further checks.
 */
export function expectDiagnostics(source: string, codes: string[], options: ExpectOptions = {}): Diagnostic[] {
  const { text, ranges } = marked(source);
  const diagnostics = diagnosticsOf(analyzeText(text, options));
  assert.deepEqual(diagnostics.map((d) => d.code), codes, `diagnostics were:\n${show(text, diagnostics)}`);
  if (ranges.length > 0) {
    assert.equal(ranges.length, diagnostics.length, 'one ⟦range⟧ per expected diagnostic');
    diagnostics.forEach((d, i) => {
      assert.equal(text.slice(d.start, d.end), text.slice(ranges[i].start, ranges[i].end), `range of ${d.code}`);
      assert.deepEqual({ start: d.start, end: d.end }, ranges[i], `range of ${d.code}`);
    });
  }
  for (const d of diagnostics) assert.ok(/^[a-z]+(-[a-z]+)*$/.test(d.code), `kebab-case code: ${d.code}`);
  return diagnostics;
}

export function expectClean(source: string, options: ExpectOptions = {}): void {
  expectDiagnostics(source, [], options);
}

/** Apply a fix's edits (in the diagnostic's own file) to text. */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text after applying the first fix of the only diagnostic with `code`. */
export function fixed(source: string, code: string, options: ExpectOptions = {}, fixIndex = 0): string {
  const { text } = marked(source);
  const matching = diagnosticsOf(analyzeText(text, options)).filter((d) => d.code === code);
  assert.equal(matching.length, 1, `exactly one ${code}`);
  const fix = matching[0].fixes?.[fixIndex];
  assert.ok(fix, `${code} has fix #${fixIndex}`);
  return applyFix(text, fix);
}

/** The completion labels at the cursor marker of `source` (a lone file, the bundled schema). */
export function completionLabels(source: string): string[] {
  const m = marked(source);
  return complete({ text: m.text, offset: m.cursor as number, schema: defaultSchema(), lists: [] }).map((e) => e.label);
}

/** The hover text at the cursor marker of `source`, analysed as the workspace's one file. */
export function hoverText(source: string, defaultTimezone?: string): string | undefined {
  const m = marked(source);
  return hoverAt({ analysis: analyzeText(m.text, { defaultTimezone }), path: MAIN, offset: m.cursor as number, schema: defaultSchema(), defaultTimezone })?.markdown;
}
