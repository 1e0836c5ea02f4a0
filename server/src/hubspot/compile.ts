// .hslist lists → Lists API v3 `ListCreateRequest`s (docs/compile.md). Pure: returns diagnostics,
// never throws on bad input. A list with any error diagnostic gets no request.

import { type FileNode, type ListNode, type Setting, diagnostic, type Diagnostic, settingValueString } from '@hslist/grammar';
import type { Schema } from '../language/schema-types';
import { writtenOut } from '../language/written-out';
import { compileCriteria, withinLimits, type CriteriaEnv } from './compile/criteria';
import { distribute } from './compile/dnf';
import { isValidTimeZone } from './compile/time';
import { withoutImpliedKnown } from './compile/implied';
import {
  CONTACTS_OBJECT_TYPE_ID,
  type AndBranch,
  type ListCreateRequest,
  type OrBranch,
  type ProcessingType,
} from './filter-branch';

export interface CompileContext {
  schema: Schema;
  /** The HubSpot ILS list id of a workspace list, when it has been published to this portal. */
  listIdFor(name: string): string | undefined;
  /** IANA zone for lists without a `timezone:` setting. */
  defaultTimezone: string;
}

export interface CompiledList {
  request?: ListCreateRequest;
  diagnostics: Diagnostic[];
}

const PROCESSING_TYPES: Record<string, ProcessingType> = { active: 'DYNAMIC', static: 'MANUAL', snapshot: 'SNAPSHOT' };

export function compileList(written: ListNode, ctx: CompileContext): CompiledList {
  // Phrases HubSpot has no filter for go out as those it has (language/written-out.ts).
  const list = writtenOut(written, ctx.schema);
  const diagnostics: Diagnostic[] = [];
  const processingType = processingTypeOf(list, diagnostics);
  const zone = timezoneOf(list, ctx, diagnostics);
  const request: ListCreateRequest = { name: list.name.text, objectTypeId: CONTACTS_OBJECT_TYPE_ID, processingType };
  if (processingType === 'MANUAL') {
    if (list.where) {
      const message = 'A static list has no criteria in HubSpot (members are added by hand); this `where` is not published.';
      diagnostics.push(diagnostic('static-list-criteria', message, list.whereKeyword ?? list.where, 'warning'));
    }
  } else if (zone !== undefined) {
    const env: CriteriaEnv = { schema: ctx.schema, zone, listIdFor: (n) => ctx.listIdFor(n), diagnostics };
    request.filterBranch = compileWhere(list, env);
  }
  const failed = diagnostics.some((d) => d.severity === 'error');
  return failed ? { diagnostics } : { request, diagnostics };
}

export function compileFile(file: FileNode, ctx: CompileContext): { lists: (CompiledList & { name: string })[]; diagnostics: Diagnostic[] } {
  const lists = file.lists.map((l) => ({ name: l.name.text, ...compileList(l, ctx) }));
  return { lists, diagnostics: lists.flatMap((l) => l.diagnostics) };
}

/** No criteria matches no one: an AND branch with a rejecting CONSTANT keeps the required root shape. */
function compileWhere(list: ListNode, env: CriteriaEnv): OrBranch | undefined {
  if (!list.where) return orOf([{ filterBranchType: 'AND', filters: [{ filterType: 'CONSTANT', shouldAccept: false }], filterBranches: [] }]);
  const tree = compileCriteria(list.where, env);
  if (!tree || !withinLimits(tree, list.where, env)) return undefined;
  const ands: AndBranch[] = distribute(tree).map((items) => ({
    filterBranchType: 'AND',
    filters: withoutImpliedKnown(items.flatMap((i) => (i.kind === 'filter' ? [i.filter] : []))),
    filterBranches: items.flatMap((i) => (i.kind === 'association' ? [i.branch] : [])),
  }));
  return orOf(ands);
}

function orOf(ands: AndBranch[]): OrBranch {
  return { filterBranchType: 'OR', filters: [], filterBranches: ands };
}

function setting(list: ListNode, key: string): Setting | undefined {
  return list.settings.find((s) => s.key.text === key);
}

/** `type:` absent means active: lists exist here mostly to be the (DYNAMIC) inclusion list. */
function processingTypeOf(list: ListNode, diagnostics: Diagnostic[]): ProcessingType {
  const s = setting(list, 'type');
  if (!s?.value) return 'DYNAMIC';
  const word = settingValueString(s.value).toLowerCase();
  const type = PROCESSING_TYPES[word];
  if (type) return type;
  diagnostics.push(diagnostic('not-compilable', `Unknown list type \`${word}\`; use active, static or snapshot.`, s.value));
  return 'DYNAMIC';
}

function timezoneOf(list: ListNode, ctx: CompileContext, diagnostics: Diagnostic[]): string | undefined {
  const s = setting(list, 'timezone');
  const zone = s?.value && (s.value.kind === 'string' || s.value.kind === 'word') ? s.value.value : ctx.defaultTimezone;
  if (isValidTimeZone(zone)) return zone;
  const message = `Unknown time zone \`${zone}\`; use an IANA name such as Europe/Warsaw or UTC.`;
  diagnostics.push(diagnostic('not-compilable', message, s?.value ?? list.name));
  return undefined;
}
