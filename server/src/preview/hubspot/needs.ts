// What a preview needs from the portal: derived from the resolved plans (plan.ts) of every list in
// the workspace, so one cached snapshot serves every list and a later edit rarely needs new data.

import { timeRefs, type PlanNode } from '../plan-types';
import { readsHistory } from '../../language/operators';

/** Always loaded: samples show each contact's email and name, and `--explain` finds contacts by email. */
export const IDENTITY_PROPERTIES = ['email', 'firstname', 'lastname'] as const;

export interface DataNeeds {
  /** Contact properties read by any filter (plus the identity properties), sorted. */
  contactProperties: string[];
  /** Company properties read inside `associated company where …`, sorted. */
  companyProperties: string[];
  /** HubSpot list ids used as `in list #id`, sorted. */
  listIds: string[];
  /** Contact properties used by has-ever / has-never / updated-in-last filters, sorted. */
  historyProperties: string[];
  /** True when any list filters on associated companies. */
  companies: boolean;
}

interface Collector {
  contacts: Set<string>;
  companies: Set<string>;
  listIds: Set<string>;
  history: Set<string>;
  association: boolean;
}

/** The union of what the given plans read. */
export function dataNeeds(plans: Iterable<PlanNode>): DataNeeds {
  const c: Collector = { contacts: new Set(IDENTITY_PROPERTIES), companies: new Set(), listIds: new Set(), history: new Set(), association: false };
  for (const plan of plans) walk(plan, c, false);
  return {
    contactProperties: [...c.contacts].sort(),
    companyProperties: [...c.companies].sort(),
    listIds: [...c.listIds].sort(),
    historyProperties: [...c.history].sort(),
    companies: c.association,
  };
}

/** The contact properties one plan reads, in the order its clauses name them (for display columns). */
export function contactPropertiesOf(plan: PlanNode): string[] {
  const c: Collector = { contacts: new Set(), companies: new Set(), listIds: new Set(), history: new Set(), association: false };
  walk(plan, c, false);
  return [...c.contacts];
}

function walk(plan: PlanNode, c: Collector, inCompany: boolean): void {
  switch (plan.kind) {
    case 'and':
    case 'or':
      plan.children.forEach((child) => walk(child, c, inCompany));
      return;
    case 'not':
      walk(plan.child, c, inCompany);
      return;
    case 'inWorkspaceList':
      walk(plan.plan, c, inCompany);
      return;
    case 'association':
      // The live source loads associated companies only: deals and tickets are counted as not loaded.
      if (plan.object !== 'companies') return;
      c.association = true;
      walk(plan.records, c, true);
      return;
    case 'associationCount':
      if (plan.object === 'companies') c.association = true;
      return;
    case 'inList':
      c.listIds.add(plan.listId);
      return;
    case 'filter': {
      const target = inCompany ? c.companies : c.contacts;
      target.add(plan.filter.property);
      for (const ref of timeRefs(plan.filter)) {
        target.add(ref.property);
        if (!inCompany && ref.updated) c.history.add(ref.property);
      }
      if (!inCompany && readsHistory(plan.filter)) c.history.add(plan.filter.property);
      return;
    }
    default:
      return;
  }
}

/** True when `have` holds everything `want` asks for (a cached snapshot can then be reused). */
export function coversNeeds(have: DataNeeds, want: DataNeeds): boolean {
  const covers = (a: string[], b: string[]) => b.every((x) => a.includes(x));
  return (
    covers(have.contactProperties, want.contactProperties) &&
    covers(have.companyProperties, want.companyProperties) &&
    covers(have.listIds, want.listIds) &&
    covers(have.historyProperties, want.historyProperties) &&
    (have.companies || !want.companies)
  );
}

/** Both sets of needs together. */
export function mergeNeeds(a: DataNeeds, b: DataNeeds): DataNeeds {
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort();
  return {
    contactProperties: union(a.contactProperties, b.contactProperties),
    companyProperties: union(a.companyProperties, b.companyProperties),
    listIds: union(a.listIds, b.listIds),
    historyProperties: union(a.historyProperties, b.historyProperties),
    companies: a.companies || b.companies,
  };
}
