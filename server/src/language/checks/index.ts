// Every check, in two groups: per file (parser diagnostics aside, they depend only on the file and
// the schema, so they are cached with the parse) and across the workspace (recomputed on every
// analysis, since a change in one file can change another file's diagnostics).

import type { Diagnostic } from '../../../../grammar/src/diagnostic';
import type { WorkspaceIndex } from '../symbols';
import type { PortalListRef } from '../schema-types';
import type { FileCheck, FileCheckContext } from './context';
import { checkConditions } from './conditions';
import { checkListCycles, checkDuplicateLists, checkUnknownLists, type PathDiagnostic } from './list-references';
import { checkListSettings } from './list-settings';
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

export type { FileCheckContext } from './context';
export type { PathDiagnostic } from './list-references';

const FILE_CHECKS: FileCheck[] = [
  checkUnknownProperties,
  checkOperatorTypes,
  checkValues,
  checkOptions,
  checkConditions,
  checkListSettings,
  checkSyncBlocks,
  checkAutoCreate,
  // Against the Salesforce schema, when one is loaded (they return nothing otherwise).
  checkSalesforceFields,
  checkSalesforceTypes,
  checkSalesforcePicklists,
  checkSalesforceOptions,
  checkSalesforceRequiredFields,
];

export function runFileChecks(ctx: FileCheckContext): Diagnostic[] {
  return FILE_CHECKS.flatMap((check) => check(ctx));
}

export function runWorkspaceChecks(index: WorkspaceIndex, portalLists?: ReadonlyMap<string, PortalListRef>): PathDiagnostic[] {
  return [...checkUnknownLists(index, portalLists), ...checkDuplicateLists(index), ...checkListCycles(index), ...checkWorkspaceSync(index), ...checkTriggerProperties(index)];
}
