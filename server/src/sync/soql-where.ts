// A list's criteria as a SOQL WHERE over Lead or Contact, for Salesforce admins: possible when every property
// the list reads is mapped to a field of that object (a mapping that writes to HubSpot, or a default one:
// the same fields `contactView` fills). The condition holds for exactly the records whose values, as HubSpot
// would hold them, meet the criteria, so its COUNT() equals the simulator's count of such records
// (`recordsMatching`). Values are escaped by server/src/salesforce/soql.ts, never pasted.

import type { PlanNode } from '../preview/plan-types';
import { isHistoryOperator } from '../language/operators';
import { buildCondition, buildSelect, type SoqlCondition } from '../salesforce/soql';
import { contactView, type SimulationContext } from './context';
import type { FieldMapping } from './mappings';
import type { SalesforceObject } from './settings';
import { writesToHubSpot } from './settings';
import { leafCondition, type Leaf } from './soql-leaves';

type Built = { condition: SoqlCondition } | { error: string };

/** The mapping that gives `property` its value in a contact made from a record of `object`, if any. */
function viewMapping(mappings: readonly FieldMapping[], property: string): FieldMapping | undefined {
  return mappings.find((m) => m.property === property && (!m.explicit || writesToHubSpot(m.rule)));
}

const EVERYONE: SoqlCondition = { field: 'Id', op: '!=', value: null };
const NO_ONE: SoqlCondition = { field: 'Id', op: '=', value: null };

function withNoValue(leaf: Leaf, name: string, includeUnknown: boolean, boolean: boolean): Built {
  if ('error' in leaf) return leaf;
  if (boolean) return { condition: leaf.condition };
  if (includeUnknown) return { condition: { or: [{ field: name, op: '=', value: null }, leaf.condition] } };
  return { condition: leaf.matchesNull ? { and: [{ field: name, op: '!=', value: null }, leaf.condition] } : leaf.condition };
}

function filterCondition(plan: Extract<PlanNode, { kind: 'filter' }>, mappings: readonly FieldMapping[], object: SalesforceObject): Built {
  const f = plan.filter;
  if (isHistoryOperator(f.operator)) return { error: `\`${plan.text}\` reads HubSpot's property history, which Salesforce does not have` };
  const mapping = viewMapping(mappings, f.property);
  if (!mapping) return { error: `\`${f.property}\` is not mapped to a ${object} field` };
  const field = mapping.fieldDef;
  if (!field) return { error: `the ${object} field ${mapping.fieldName} is not in the Salesforce schema (run \`hslist schema pull\`)` };
  const boolean = field.type === 'boolean';
  if (f.operationType === 'ALL_PROPERTY') {
    const known = f.operator === 'IS_KNOWN';
    return { condition: boolean ? (known ? EVERYONE : NO_ONE) : { field: field.name, op: known ? '!=' : '=', value: null } };
  }
  return withNoValue(leafCondition(f, field, mapping.propertyDef), field.name, f.includeUnknown, boolean);
}

function translate(plan: PlanNode, mappings: readonly FieldMapping[], object: SalesforceObject): Built {
  switch (plan.kind) {
    case 'and':
    case 'or': {
      if (plan.children.length === 0) return { condition: plan.kind === 'and' ? EVERYONE : NO_ONE };
      const parts: SoqlCondition[] = [];
      for (const child of plan.children) {
        const built = translate(child, mappings, object);
        if ('error' in built) return built;
        parts.push(built.condition);
      }
      return { condition: plan.kind === 'and' ? { and: parts } : { or: parts } };
    }
    case 'not': {
      const inner = translate(plan.child, mappings, object);
      return 'error' in inner ? inner : { condition: { not: inner.condition } };
    }
    case 'filter':
      return filterCondition(plan, mappings, object);
    case 'inWorkspaceList':
      return translate(plan.plan, mappings, object);
    case 'constant':
      return { condition: plan.accept ? EVERYONE : NO_ONE };
    default:
      return { error: `\`${plan.text}\` has no Salesforce equivalent (list memberships, companies, forms and unreadable conditions stay in HubSpot)` };
  }
}

export interface SoqlForObject {
  object: SalesforceObject;
  /** The WHERE condition (to count through the account layer), its text, and the whole count query. */
  condition?: SoqlCondition;
  where?: string;
  query?: string;
  error?: string;
}

/** The count query of the list over `object`, or why there is none. */
export function listSoql(ctx: SimulationContext, plan: PlanNode, object: SalesforceObject): SoqlForObject {
  return soqlForMappings(ctx.mappings[object], plan, object);
}

/** The same from the object's mappings alone (the editor has no data to hand). */
export function soqlForMappings(mappings: readonly FieldMapping[], plan: PlanNode, object: SalesforceObject): SoqlForObject {
  const built = translate(plan, mappings, object);
  if ('error' in built) return { object, error: built.error };
  const where = buildCondition(built.condition);
  const query = buildSelect({ object, fields: 'count', where: built.condition });
  if ('error' in where || 'error' in query) return { object, error: 'error' in where ? where.error : (query as { error: string }).error };
  return { object, condition: built.condition, where: where.soql, query: query.soql };
}

/** How many records of `object` would, as HubSpot contacts, be in the list: what the SOQL count must equal. */
export function recordsMatching(ctx: SimulationContext, object: SalesforceObject): number {
  let count = 0;
  for (const record of ctx.input.salesforce.records) {
    if (record.object === object && ctx.input.judgeNew(contactView(ctx, record)) === true) count++;
  }
  return count;
}
