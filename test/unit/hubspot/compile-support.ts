// Shared by the compile tests: helpers that parse .hslist text and compile it.

import { parse, type ListNode, type Diagnostic } from '@hslist/grammar';
import { TEST_SCHEMA } from './compile-schema';
export { TEST_SCHEMA } from './compile-schema';
import { compileList, type CompileContext } from '../../../server/src/hubspot/compile';
import type { ListCreateRequest } from '../../../server/src/hubspot/filter-branch';

export const LIST_IDS: Record<string, string> = { 'Webinar attendees': '77' };

export const CTX: CompileContext = {
  schema: TEST_SCHEMA,
  listIdFor: (name) => LIST_IDS[name],
  defaultTimezone: 'UTC',
};

export function parseList(text: string): ListNode {
  const { file, diagnostics } = parse(text);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || file.lists.length !== 1) {
    throw new Error(`test text does not parse: ${JSON.stringify(errors)}\n${text}`);
  }
  return file.lists[0];
}

export function compileText(text: string, ctx: CompileContext = CTX): { request?: ListCreateRequest; diagnostics: Diagnostic[] } {
  return compileList(parseList(text), ctx);
}

/** `list "T" { <settings> where <criteria> }`. */
export function listText(where: string, settings = ''): string {
  return `list "T" {\n  ${settings}\n  where ${where}\n}\n`;
}
