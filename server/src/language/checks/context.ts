// What a single-file check sees. Checks are pure: they read the tree and the schema and return
// diagnostics with offsets into this file.

import type { FileNode, Name, Diagnostic, Fix } from '@hslist/grammar';
import type { ObjectTypeName, Schema } from '../schema-types';
import type { SalesforceSchema } from '../salesforce-schema';
import { suggest, SuggestBudget, type Candidate, type Suggestion } from '../did-you-mean';
import { propertiesOf } from '../schema';

export interface FileCheckContext {
  path: string;
  text: string;
  file: FileNode;
  schema: Schema;
  /** Lead and Contact fields from `hslist schema pull`; the Salesforce-aware sync checks run only with it. */
  salesforceSchema?: SalesforceSchema;
  /** The zone of lists without `timezone:` (hslist.json's `timezone`); UTC when absent. */
  defaultTimezone?: string;
  /** Did-you-mean work shared by every check of the file (see did-you-mean.ts); one is made when absent. */
  suggestBudget?: SuggestBudget;
}

/** Table cells of did-you-mean per file: about 50 ms at worst, far more than any real file needs. */
export const FILE_SUGGEST_CELLS = 5_000_000;

export type FileCheck = (ctx: FileCheckContext) => Diagnostic[];

const candidatesBySchema = new WeakMap<Schema, Map<ObjectTypeName, Candidate[]>>();

/** Candidates for did-you-mean over a schema object's properties: names, with labels as aliases (made once per schema). */
export function propertyCandidates(schema: Schema, objectType: ObjectTypeName): Candidate[] {
  let bySchema = candidatesBySchema.get(schema);
  if (!bySchema) candidatesBySchema.set(schema, (bySchema = new Map()));
  let candidates = bySchema.get(objectType);
  if (!candidates) bySchema.set(objectType, (candidates = [...propertiesOf(schema, objectType).values()].map((p) => ({ value: p.name, aliases: [p.label] }))));
  return candidates;
}

/** The file's did-you-mean budget. */
export function budgetOf(ctx: FileCheckContext): SuggestBudget {
  return (ctx.suggestBudget ??= new SuggestBudget(FILE_SUGGEST_CELLS));
}

/** One fix per suggestion, each replacing `span` with the suggestion's text (rendered by `render`). */
export function replaceFixes(
  span: { start: number; end: number },
  suggestions: Suggestion[],
  render: (value: string) => string = (v) => v,
  path?: string,
): Fix[] {
  return suggestions.map((s) => {
    const fix: Fix = { title: `Change to ${render(s.value)}`, edits: [{ start: span.start, end: span.end, newText: render(s.value) }] };
    if (path !== undefined) fix.path = path;
    return fix;
  });
}

/** Property names are written bare when they are plain identifiers, else in backticks. */
export function formatPropertyName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``;
}

export function suggestProperty(ctx: FileCheckContext, objectType: ObjectTypeName, name: Name): Suggestion[] {
  const budget = budgetOf(ctx);
  return budget.cached(`${objectType}\0${name.text}`, () => suggest(name.text, propertyCandidates(ctx.schema, objectType), 3, budget));
}
