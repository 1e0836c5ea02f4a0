// Filters on what a contact agreed to, from the JSON alone (docs/language.md, Matching semantics):
// EMAIL_SUBSCRIPTION and COMMUNICATION_SUBSCRIPTION. Written apart from the preview's evaluators so
// that the three can be compared.

import { asArray, type EvalContact, type EvalContext, type Json } from './evaluate-types';

/** The contact's status for one subscription of a channel ('' = portal-wide); none recorded is NOT_OPTED (Assumed). */
function statusOf(contact: EvalContact, channel: string, id: string): string {
  let status = 'NOT_OPTED';
  for (const s of contact.subscriptions ?? []) if (s.channel === channel && (s.subscriptionId ?? '') === id) status = s.status;
  return status;
}

/** Every listed subscription has the one accepted status (several ids: all of them, Assumed). */
function everyHas(contact: EvalContact, channel: string, ids: string[], accepted: unknown[], ctx: EvalContext, type: string): boolean {
  if (accepted.length !== 1) {
    ctx.report?.(`A ${type} filter takes exactly one accepted status; it matches no one here.`);
    return false;
  }
  return ids.every((id) => statusOf(contact, channel, id) === accepted[0]);
}

export function evaluateEmailSubscription(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const ids = asArray(filter.subscriptionIds).map(String);
  if (ids.length === 0) return false;
  return everyHas(contact, 'EMAIL', ids, asArray(filter.acceptedStatuses), ctx, 'EMAIL_SUBSCRIPTION');
}

export function evaluateCommunicationSubscription(filter: Json, contact: EvalContact, ctx: EvalContext): boolean {
  const channel = String(filter.channel);
  const ids = filter.subscriptionType === 'PORTAL_WIDE' ? [''] : asArray(filter.subscriptionIds).map(String);
  if (filter.subscriptionType !== 'PORTAL_WIDE' && filter.subscriptionType !== 'INDIVIDUAL_SUBSCRIPTION') {
    ctx.report?.(`Cannot evaluate a ${String(filter.subscriptionType)} COMMUNICATION_SUBSCRIPTION; it matches no one here.`);
    return false;
  }
  if (ids.length === 0) return false;
  return everyHas(contact, channel, ids, asArray(filter.acceptedOptStates), ctx, 'COMMUNICATION_SUBSCRIPTION');
}
