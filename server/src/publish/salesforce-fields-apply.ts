// Carrying out the Salesforce field changes (salesforce-fields.ts) through the Metadata API, idempotently:
// each change reads the field's definition first (a field that exists with the type, or values already
// active, is left alone), and every write is read back twice before it counts as done: the definition
// (readMetadata) and the describe the sync and the checks use. A refusal is said with Salesforce's status
// code and message; a write Salesforce acknowledged that does not read back is a failure too.

import type { CustomFieldMetadata, CustomValue, MetadataSaveResult, SalesforceOrg } from '../salesforce';
import type { SalesforceFieldChange, SalesforceFieldPlan, PicklistValue } from './salesforce-fields';

export interface SalesforceFieldOutcome {
  change: SalesforceFieldChange;
  result: 'done' | 'already' | 'failed';
  message?: string;
  /** What is left to do by hand (field-level security for a field this user cannot see). */
  followUp?: string;
}

const SETUP = 'Setup > Object Manager';

function fullNameOf(change: SalesforceFieldChange): string {
  return `${change.object}.${change.field}`;
}

function securityHint(change: SalesforceFieldChange): string {
  return `${fullNameOf(change)} is not visible to this Salesforce user (field-level security): grant read and edit access to this user and to HubSpot's integration user in ${SETUP} > ${change.object} > Fields & Relationships > ${change.definition?.label ?? change.field} > Set Field-Level Security`;
}

/**
 * The plan as the org's definitions refine it (reads only): a field to create that exists but is hidden from
 * this user, and a picklist whose values are a global value set, become notes for an admin.
 */
export async function refineWithDefinitions(plan: SalesforceFieldPlan, org: SalesforceOrg): Promise<SalesforceFieldPlan> {
  if (plan.changes.length === 0) return plan;
  const definitions = await org.readCustomFields(plan.changes.map(fullNameOf));
  const refined: SalesforceFieldPlan = { changes: [], notes: [...plan.notes] };
  for (const change of plan.changes) {
    const definition = definitions.get(fullNameOf(change).toLowerCase());
    if (change.kind === 'create-field' && definition) refined.notes.push(securityHint(change));
    else if (change.kind === 'add-picklist-values' && definition?.valueSet?.valueSetName) {
      refined.notes.push(`${fullNameOf(change)} takes its values from the global value set ${definition.valueSet.valueSetName}, which other fields share, so hslist does not change it; add ${change.values.map((v) => `"${v.value}"`).join(', ')} by hand in Setup > Picklist Value Sets > ${definition.valueSet.valueSetName}`);
    } else refined.changes.push(change);
  }
  return refined;
}

function refusal(result: MetadataSaveResult): string {
  const errors = result.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ');
  return `Salesforce refused it: ${errors || 'no reason given'}`;
}

async function readDefinition(org: SalesforceOrg, change: SalesforceFieldChange): Promise<CustomFieldMetadata | undefined> {
  return (await org.readCustomFields([fullNameOf(change)])).get(fullNameOf(change).toLowerCase());
}

function same(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** A picklist value stands for a wanted one when their value or label match, either way round, letter case aside (as the checks match). */
function standsFor(value: { value: string; label: string }, wanted: PicklistValue): boolean {
  return [value.value, value.label].some((a) => same(a, wanted.value) || same(a, wanted.label));
}

function customValues(definition: CustomFieldMetadata): CustomValue[] {
  return definition.valueSet?.valueSetDefinition?.value ?? [];
}

function asValue(v: CustomValue): { value: string; label: string; active: boolean } {
  return { value: v.fullName, label: v.label ?? v.fullName, active: v.isActive !== false };
}

/** The describe of the change's object shows the field with the type and values the change asks for: undefined, or what it shows instead. */
async function describeDisagrees(org: SalesforceOrg, change: SalesforceFieldChange): Promise<string | undefined | 'hidden'> {
  const field = (await org.describe(change.object)).fields.find((f) => f.name.toLowerCase() === change.field.toLowerCase());
  if (!field) return 'hidden';
  if (change.describeType && field.type !== change.describeType) return `Salesforce's describe of ${change.object} shows ${field.name} as ${field.type}, not ${change.describeType}`;
  const missing = change.values.filter((w) => !field.picklistValues.some((v) => v.active && standsFor(v, w)));
  return missing.length > 0 ? `Salesforce's describe of ${change.object} does not show ${missing.map((v) => `"${v.value}"`).join(', ')} among ${field.name}'s active values` : undefined;
}

async function verified(org: SalesforceOrg, change: SalesforceFieldChange, result: 'done' | 'already', message?: string): Promise<SalesforceFieldOutcome> {
  const disagreement = await describeDisagrees(org, change);
  if (disagreement === 'hidden') return { change, result, ...(message ? { message } : {}), followUp: securityHint(change) };
  if (disagreement) return { change, result: 'failed', message: `${message ? `${message}, but ` : ''}${disagreement}` };
  return { change, result, ...(message ? { message } : {}) };
}

async function createField(org: SalesforceOrg, change: SalesforceFieldChange): Promise<SalesforceFieldOutcome> {
  const definition = change.definition;
  if (!definition) return { change, result: 'failed', message: 'the plan holds no definition for the field' };
  const existing = await readDefinition(org, change);
  if (existing) {
    if (existing.type !== definition.type) return { change, result: 'failed', message: `${definition.fullName} exists already as ${existing.type ?? 'a field of unknown type'}, not ${definition.type}; hslist does not change a field's type` };
    return verified(org, change, 'already');
  }
  const saved = await org.createCustomField(definition);
  if (!saved.success) return { change, result: 'failed', message: refusal(saved) };
  const read = await readDefinition(org, change);
  if (!read || read.type !== definition.type) {
    return { change, result: 'failed', message: `Salesforce reported ${definition.fullName} created, but reading its definition back shows ${read ? `a ${read.type} field` : 'no such field'}` };
  }
  return verified(org, change, 'done');
}

/** The definition with the wanted values added (or reactivated), and what that changes. */
function withValues(definition: CustomFieldMetadata, wanted: PicklistValue[]): { component: CustomFieldMetadata; added: string[]; reactivated: string[] } {
  const values = customValues(definition).map((v) => ({ ...v }));
  const added: string[] = [];
  const reactivated: string[] = [];
  for (const w of wanted) {
    const match = values.find((v) => standsFor(asValue(v), w));
    if (match && match.isActive !== false) continue;
    if (match) {
      match.isActive = true;
      reactivated.push(match.fullName);
    } else {
      values.push({ fullName: w.value, label: w.label, default: false });
      added.push(w.value);
    }
  }
  const valueSet = { ...definition.valueSet, valueSetDefinition: { sorted: definition.valueSet?.valueSetDefinition?.sorted ?? false, value: values } };
  return { component: { ...definition, valueSet }, added, reactivated };
}

function describeWork(added: string[], reactivated: string[]): string {
  const parts = [added.length > 0 ? `added ${added.map((v) => `"${v}"`).join(', ')}` : '', reactivated.length > 0 ? `reactivated ${reactivated.map((v) => `"${v}"`).join(', ')}` : ''];
  return parts.filter((p) => p !== '').join('; ');
}

async function addValues(org: SalesforceOrg, change: SalesforceFieldChange): Promise<SalesforceFieldOutcome> {
  const definition = await readDefinition(org, change);
  if (!definition) return { change, result: 'failed', message: `the definition of ${fullNameOf(change)} cannot be read (the field no longer exists, or is not a custom field)` };
  if (definition.valueSet?.valueSetName) return { change, result: 'failed', message: `${fullNameOf(change)} takes its values from the global value set ${definition.valueSet.valueSetName}; hslist does not change it` };
  const { component, added, reactivated } = withValues(definition, change.values);
  if (added.length === 0 && reactivated.length === 0) return verified(org, change, 'already');
  const saved = await org.updateCustomField(component);
  if (!saved.success) return { change, result: 'failed', message: refusal(saved) };
  const read = await readDefinition(org, change);
  const before = customValues(definition).filter((v) => v.isActive !== false);
  const after = read ? customValues(read).map(asValue) : [];
  const lost = [...change.values.filter((w) => !after.some((v) => v.active && standsFor(v, w))).map((w) => w.value), ...before.filter((b) => !after.some((v) => v.active && same(v.value, b.fullName))).map((b) => b.fullName)];
  if (!read || lost.length > 0) {
    return { change, result: 'failed', message: `Salesforce reported ${fullNameOf(change)} updated, but reading its definition back ${read ? `does not show ${lost.map((v) => `"${v}"`).join(', ')} as active values` : 'finds no such field'}` };
  }
  return verified(org, change, 'done', describeWork(added, reactivated));
}

/** One change after the other; a failure is reported with its reason and the next change still runs. */
export async function applySalesforceFieldChanges(org: SalesforceOrg, changes: SalesforceFieldChange[]): Promise<SalesforceFieldOutcome[]> {
  const outcomes: SalesforceFieldOutcome[] = [];
  for (const change of changes) {
    try {
      outcomes.push(await (change.kind === 'create-field' ? createField(org, change) : addValues(org, change)));
    } catch (error) {
      outcomes.push({ change, result: 'failed', message: (error as Error).message });
    }
  }
  return outcomes;
}
