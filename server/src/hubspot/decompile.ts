// HubSpot list JSON (a `PublicObjectList`, a `{ list }` response, or a `ListCreateRequest`) → an
// .hslist list (for `pull`). Pure: validates the JSON, reports what it cannot represent by JSON path,
// and decompiles the rest. docs/compile.md describes the mapping both ways.

import { type Expr, type FileNode, type ListNode, type Setting, type SettingValue, type Diagnostic, printFile } from '@hslist/grammar';
import type { Schema } from '../language/schema-types';
import * as ast from './decompile-ast';
import { decompileBranch, type BranchEnv } from './decompile-branch';
import { isObject, Reporter, type Json } from './decompile-report';
import { isValidTimeZone } from './compile/time';
import { propertiesOf } from '../language/schema';

export interface DecompileContext {
  schema: Schema;
  /** The workspace name of a list known by its HubSpot ILS id. */
  listNameFor(id: string): string | undefined;
  /** Zone when the JSON has no time point; lists with it get no `timezone:` setting. */
  defaultTimezone?: string;
}

export interface DecompiledList {
  list?: ListNode;
  /** The list printed by the grammar's canonical printer. */
  text?: string;
  diagnostics: Diagnostic[];
}

const TYPE_WORDS: Record<string, string> = { DYNAMIC: 'active', MANUAL: 'static', SNAPSHOT: 'snapshot' };

export function decompileList(json: unknown, ctx: DecompileContext): DecompiledList {
  const r = new Reporter();
  const root = isObject(json) && isObject(json.list) ? json.list : json;
  const path = root === json ? '' : 'list.';
  if (!isObject(root)) {
    r.invalid('(root)', 'must be a list object');
    return { diagnostics: r.diagnostics };
  }
  const name = typeof root.name === 'string' ? root.name : undefined;
  const typeWord = typeof root.processingType === 'string' ? TYPE_WORDS[root.processingType] : undefined;
  if (name === undefined) r.invalid(`${path}name`, 'must be a string');
  if (typeWord === undefined) r.invalid(`${path}processingType`, 'must be DYNAMIC, MANUAL or SNAPSHOT');
  if (root.objectTypeId !== undefined && root.objectTypeId !== '0-1') {
    r.notRepresentable(`${path}objectTypeId`, `a list of object type ${String(root.objectTypeId)} (only contact lists are supported)`);
    return { diagnostics: r.diagnostics };
  }
  if (name === undefined || typeWord === undefined) return { diagnostics: r.diagnostics };
  const zone = firstZone(root.filterBranch) ?? ctx.defaultTimezone ?? 'UTC';
  const where = decompileWhere(root, `${path}filterBranch`, zone, ctx, r);
  // Never a partial list: a filter left out of an AND would let more contacts in than HubSpot does.
  if (r.failed) return { diagnostics: r.diagnostics };
  const settings = [setting('type', word(typeWord))];
  if (firstZone(root.filterBranch) !== undefined) settings.push(setting('timezone', str(zone)));
  const list: ListNode = { ...ast.NO_SPAN, kind: 'list', name: ast.name(name), settings, where, whereKeyword: where ? ast.NO_SPAN : undefined };
  return { list, text: printList(list), diagnostics: r.diagnostics };
}

/** Same as `decompileList`, named for the `PublicObjectList` a GET returns. */
export function decompileObjectList(list: unknown, ctx: DecompileContext): DecompiledList {
  return decompileList(list, ctx);
}

function decompileWhere(root: Json, path: string, zone: string, ctx: DecompileContext, r: Reporter): Expr | undefined {
  const branch = root.filterBranch;
  if (branch === undefined || branch === null) {
    if (root.processingType !== 'MANUAL') r.invalid(path, 'is missing (only static lists have no criteria)');
    return undefined;
  }
  if (root.processingType === 'MANUAL') r.note(path, 'a static list\'s criteria are kept for reference only');
  if (isObject(branch) && (branch.filterBranchType ?? branch.filterBranchOperator) !== 'OR') {
    r.note(path, 'the root is not an OR branch as HubSpot requires; it is read as written');
  }
  const env: BranchEnv = {
    zone,
    r,
    contacts: ctx.schema.objects.contacts,
    companies: ctx.schema.objects.companies,
    deals: propertiesOf(ctx.schema, 'deals'),
    tickets: propertiesOf(ctx.schema, 'tickets'),
    listNameFor: (id) => ctx.listNameFor(id),
  };
  return decompileBranch(branch, path, env);
}

/**
 * The list's zone: the `zoneId` of the first time point in the definition that is not UTC, else UTC
 * (a `date` property's points are in UTC whatever the list's zone).
 */
function firstZone(v: unknown): string | undefined {
  const zones: string[] = [];
  collectZones(v, zones);
  return zones.find((z) => z !== 'UTC') ?? zones[0];
}

function collectZones(v: unknown, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) collectZones(item, out);
    return;
  }
  if (!isObject(v)) return;
  if (typeof v.timeType === 'string' && typeof v.zoneId === 'string' && isValidTimeZone(v.zoneId)) out.push(v.zoneId);
  for (const value of Object.values(v)) collectZones(value, out);
}

function setting(key: string, value: SettingValue): Setting {
  return { ...ast.NO_SPAN, kind: 'setting', key: ast.name(key), value };
}

function word(value: string): SettingValue {
  return { ...ast.NO_SPAN, kind: 'word', value };
}

function str(value: string): SettingValue {
  return { ...ast.NO_SPAN, kind: 'string', value };
}

function printList(list: ListNode): string {
  const file: FileNode = { ...ast.NO_SPAN, kind: 'file', lists: [list], syncBlocks: [], comments: [] };
  return printFile(file);
}
