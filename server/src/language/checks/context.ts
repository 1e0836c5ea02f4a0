// What a single-file check sees. Checks are pure: they read the tree and the schema and return
// diagnostics with offsets into this file.

import type { FileNode, Name } from '../../../../grammar/src/ast';
import type { Diagnostic, Fix } from '../../../../grammar/src/diagnostic';
import type { ObjectTypeName, Schema } from '../schema-types';
import type { SalesforceSchema } from '../salesforce-schema';
import { suggest, type Candidate, type Suggestion } from '../did-you-mean';

export interface FileCheckContext {
  path: string;
  text: string;
  file: FileNode;
  schema: Schema;
  /** Lead and Contact fields from `hslist schema pull`; the Salesforce-aware sync checks run only with it. */
  salesforceSchema?: SalesforceSchema;
}

export type FileCheck = (ctx: FileCheckContext) => Diagnostic[];

/** Candidates for did-you-mean over a schema object's properties: names, with labels as aliases. */
export function propertyCandidates(schema: Schema, objectType: ObjectTypeName): Candidate[] {
  return [...schema.objects[objectType].values()].map((p) => ({ value: p.name, aliases: [p.label] }));
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
  return suggest(name.text, propertyCandidates(ctx.schema, objectType));
}
