// The reference interpreter: contact by contact, over plain records, straight from
// docs/semantics.md. Slow and obviously right; the fast evaluator is tested against it.
// Kleene logic: a condition that needs data that was not loaded is 'unknown', never guessed.

import type { PlanNode } from './plan-types';
import type { ContactRecord, Tri } from './types';
import { judgeFilter } from './judge';
import { memberEmailFilter } from './plan';

export function triAnd(values: Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes('unknown') ? 'unknown' : true;
}

export function triOr(values: Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes('unknown') ? 'unknown' : false;
}

export function triNot(v: Tri): Tri {
  return v === 'unknown' ? 'unknown' : !v;
}

/** Does the contact match the plan? */
export function evaluateContact(plan: PlanNode, contact: ContactRecord): Tri {
  switch (plan.kind) {
    case 'and':
      return plan.children.length === 0 ? true : triAnd(plan.children.map((c) => evaluateContact(c, contact)));
    case 'or':
      return triOr(plan.children.map((c) => evaluateContact(c, contact)));
    case 'not':
      return triNot(evaluateContact(plan.child, contact));
    case 'filter':
      return judgeFilter(plan.filter, contact.properties, contact.history);
    case 'inList':
      return contact.listMemberships ? contact.listMemberships.includes(plan.listId) : 'unknown';
    case 'inWorkspaceList':
      return evaluateContact(plan.plan, contact);
    case 'association':
      return judgeAssociation(plan.companies, contact, plan.primary);
    case 'form':
      return judgeForm(plan, contact);
    case 'constant':
      return plan.accept;
    case 'members':
      return plan.ids.includes(contact.id) || (plan.emails.length > 0 && judgeFilter(memberEmailFilter(plan.emails), contact.properties, contact.history) === true);
    case 'unavailable':
      return 'unknown';
  }
}

/** Some associated company (the primary one only, for `primary`) satisfies the branch; none → false. */
function judgeAssociation(companies: PlanNode, contact: ContactRecord, primary: boolean): Tri {
  if (!contact.companies) return 'unknown';
  const candidates = primary ? contact.companies.filter((c) => c.primary === true) : contact.companies;
  return triOr(candidates.map((c) => evaluateContact(companies, { id: c.id, properties: c.properties })));
}

function judgeForm(plan: Extract<PlanNode, { kind: 'form' }>, contact: ContactRecord): Tri {
  if (!contact.formSubmissions) return 'unknown';
  // `in last N days` compiles to a RELATIVE_COMPARATIVE AFTER now − N days window: strictly after, as IS_AFTER.
  return contact.formSubmissions.some(
    (s) => (plan.formId === undefined || s.formId === plan.formId) && (plan.since === undefined || s.timestamp > plan.since),
  );
}

/** Every contact's result, for tests and the benchmark's reference figure. */
export function evaluateAll(plan: PlanNode, contacts: Iterable<ContactRecord>): { matched: string[]; unknown: string[] } {
  const matched: string[] = [];
  const unknown: string[] = [];
  for (const c of contacts) {
    const r = evaluateContact(plan, c);
    if (r === true) matched.push(c.id);
    else if (r === 'unknown') unknown.push(c.id);
  }
  return { matched, unknown };
}
