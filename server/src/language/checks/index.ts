// Every check, in two groups: per file (parser diagnostics aside, they depend only on the file and
// the schema, so they are cached with the parse) and across the workspace (a change in one file can
// change another file's diagnostics: they are recomputed whenever what they read changed,
// workspace-check-memo.ts, and those that read files on disk on every analysis).

import type { Diagnostic } from '@hslist/grammar';
import type { WorkspaceIndex } from '../symbols';
import type { PortalListRef, Schema } from '../schema-types';
import { checkDefinitions } from './definitions-workspace';
import { FILE_SUGGEST_CELLS, type FileCheck, type FileCheckContext } from './context';
import { SuggestBudget } from '../did-you-mean';
import { contain } from './contain';
import { checkConditions } from './conditions';
import { checkForms } from './forms';
import { checkPages } from './pages';
import { checkSubscriptions } from './subscriptions';
import { checkMarketingEmails } from './marketing-emails';
import { checkAnyEmails } from './any-email';
import { checkAssociationLabels } from './association-labels';
import { checkDuplicateLists, checkUnknownLists, type PathDiagnostic } from './list-references';
import { checkListCycles } from './list-cycles';
import { checkListSettings } from './list-settings';
import { checkStaticMembers } from './static-members';
import { checkOperatorTypes } from './operator-type';
import { checkOptions } from './options';
import { checkUnknownProperties } from './properties';
import { checkSyncBlocks } from './sync-block';
import { checkAutoCreate } from './sync-auto-create';
import { checkSalesforceOptions } from './sync-salesforce-options';
import { checkTriggerProperties } from './sync-trigger-properties';
import { checkSalesforceFields } from './sync-salesforce-fields';
import { checkSalesforcePicklists } from './sync-salesforce-picklists';
import { checkSalesforceRequiredFields } from './sync-salesforce-required';
import { checkSalesforceTypes } from './sync-salesforce-types';
import { checkWorkspaceSync } from './sync-workspace';
import { checkValues } from './values';
import { checkNoValueTrap } from './no-value';
import { checkMultiSelectEquality } from './multi-select';
import { checkNamedConditions } from './definitions';
import { checkOrderedRanges } from './ordered';

export type { FileCheckContext } from './context';
export type { PathDiagnostic } from './list-references';

/** Each check with the name an internal-check-error gives it. */
const FILE_CHECKS: [string, FileCheck][] = [
  ['unknown-property', checkUnknownProperties],
  ['operator-type', checkOperatorTypes],
  ['value-type', checkValues],
  ['option', checkOptions],
  ['ordered-range', checkOrderedRanges],
  ['condition', checkConditions],
  ['form', checkForms],
  ['page', checkPages],
  ['subscription', checkSubscriptions],
  ['marketing-email', checkMarketingEmails],
  ['any-email', checkAnyEmails],
  ['association-label', checkAssociationLabels],
  ['no-value', checkNoValueTrap],
  ['multi-select', checkMultiSelectEquality],
  ['list-settings', checkListSettings],
  ['named-condition', checkNamedConditions],
  ['sync-block', checkSyncBlocks],
  ['auto-create', checkAutoCreate],
  // Against the Salesforce schema, when one is loaded (they return nothing otherwise).
  ['salesforce-field', checkSalesforceFields],
  ['salesforce-mapping-type', checkSalesforceTypes],
  ['salesforce-picklist', checkSalesforcePicklists],
  ['salesforce-option', checkSalesforceOptions],
  ['salesforce-required-field', checkSalesforceRequiredFields],
];

/** Every single-file check; one that throws gives one internal-check-error instead of its diagnostics. */
export function runFileChecks(ctx: FileCheckContext): Diagnostic[] {
  const shared = { ...ctx, suggestBudget: ctx.suggestBudget ?? new SuggestBudget(FILE_SUGGEST_CELLS) };
  return FILE_CHECKS.flatMap(([name, check]) => contain(name, () => check(shared), (d) => [d]));
}

type WorkspaceCheck = (index: WorkspaceIndex, portalLists?: ReadonlyMap<string, PortalListRef>, schema?: Schema) => PathDiagnostic[];

/**
 * Cross-file checks, each with the files it reports on: when it throws, each of those files gets the
 * internal-check-error (their diagnostics from it are missing), and no other file is touched.
 */
const WORKSPACE_CHECKS: [string, WorkspaceCheck, (index: WorkspaceIndex) => Iterable<string>][] = [
  ['unknown-list', checkUnknownLists, (index) => index.references.map((r) => r.path)],
  ['duplicate-list', checkDuplicateLists, (index) => [...index.lists.values()].flatMap((defs) => defs.map((d) => d.path))],
  ['list-cycle', checkListCycles, (index) => index.references.filter((r) => r.kind === 'inList').map((r) => r.path)],
  ['workspace-sync', checkWorkspaceSync, (index) => index.syncBlocks.map((s) => s.path)],
  ['trigger-properties', checkTriggerProperties, (index) => index.syncBlocks.map((s) => s.path)],
  ['static-members', checkStaticMembers, (index) => index.files.filter((f) => f.tree.lists.length > 0).map((f) => f.path)],
  ['definitions', (index, _lists, schema) => (schema ? checkDefinitions(index, schema) : []), definitionPaths],
];

/** Every file that defines or uses a named value set or condition. */
function definitionPaths(index: WorkspaceIndex): string[] {
  const d = index.definitions;
  if (!d) return [];
  return [...d.references.map((r) => r.path), ...[...d.valueSets.values(), ...d.conditions.values()].flatMap((defs) => defs.map((s) => s.path))];
}

/**
 * The checks that read more than the workspace's text: static members come from members files on disk,
 * which may change between two analyses of the same text (workspace-check-memo.ts keeps the others).
 */
const READS_FILES = new Set(['static-members']);

/** Which cross-file checks to run: all of them, only those that read the text alone, or only the others. */
export type WorkspaceCheckPart = 'all' | 'text' | 'files';

/** `schema`: for the checks of a value set's values against the property of each use (none without it). */
export function runWorkspaceChecks(index: WorkspaceIndex, portalLists?: ReadonlyMap<string, PortalListRef>, schema?: Schema, part: WorkspaceCheckPart = 'all'): PathDiagnostic[] {
  const chosen = part === 'all' ? WORKSPACE_CHECKS : WORKSPACE_CHECKS.filter(([name]) => READS_FILES.has(name) === (part === 'files'));
  return chosen.flatMap(([name, check, scope]) =>
    contain<PathDiagnostic>(name, () => check(index, portalLists, schema), (d) => [...new Set(scope(index))].map((path) => ({ ...d, path }))),
  );
}
