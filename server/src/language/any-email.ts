// `marketing email any <event> [in last N days]`: an event over every marketing email. HubSpot's
// EMAIL_EVENT filter needs one `emailId`, so "any email" has no EMAIL_EVENT; HubSpot does keep, on every
// contact, properties that sum the events up over all marketing emails (the dates of the last open, click
// and send; the counts of emails delivered and bounced). The condition stands for the property condition
// on those, written out before compiling and previewing (as named conditions are, definitions/resolve.ts),
// with every span at the condition so that what the compiler or the preview says points at it:
//   opened / clicked / sent          → hs_email_last_{open,click,send}_date is known
//   … in last N days                 → … is less than N days ago (the last event is within N days
//                                      exactly when some event is)
//   received (or delivered) / bounced → hs_email_delivered > 0 / hs_email_bounce > 0 (counts: no window)
// Every other event has no such property, and is refused by the checker (checks/any-email.ts).

import type { Condition, EmailEventCondition, Expr, ListNode, PropertyCondition, Span, Value } from '@hslist/grammar';
import { mapContactConditions, mapListConditions } from './walk';

/** The event words `any` takes, and the contact property HubSpot keeps for each over all marketing emails. */
export const ANY_EMAIL_EVENTS: Readonly<Record<string, { property: string; kind: 'date' | 'count' }>> = {
  opened: { property: 'hs_email_last_open_date', kind: 'date' },
  clicked: { property: 'hs_email_last_click_date', kind: 'date' },
  sent: { property: 'hs_email_last_send_date', kind: 'date' },
  received: { property: 'hs_email_delivered', kind: 'count' },
  delivered: { property: 'hs_email_delivered', kind: 'count' },
  bounced: { property: 'hs_email_bounce', kind: 'count' },
};

/** What `any` stands for with the event `word` (lowercased), if anything (own keys only: `constructor` is no event). */
export function anyEmailEvent(word: string): { property: string; kind: 'date' | 'count' } | undefined {
  return Object.hasOwn(ANY_EMAIL_EVENTS, word) ? ANY_EMAIL_EVENTS[word] : undefined;
}

/** The event words completion offers after `marketing email any` (`delivered` is accepted as well, as `received`). */
export const ANY_EMAIL_PHRASES = ['opened', 'clicked', 'sent', 'received', 'bounced'];

/** What an any-email condition (`email.by` is `any`) means: the property condition it stands for, or why it cannot be said and where. */
export type AnyEmailMeaning = { property: string; condition: PropertyCondition } | { problem: string; at: Span };

const ONE_EMAIL = 'marketing email #<emailId> of app #<appId>';

export function anyEmailMeaning(c: EmailEventCondition): AnyEmailMeaning {
  const event = c.event.text.toLowerCase();
  const known = anyEmailEvent(event);
  if (!known) return { problem: `HubSpot keeps no contact property for \`${event}\` over all marketing emails (its EMAIL_EVENT filter takes one email), so \`marketing email any ${event}\` cannot be said: write it for one email, \`${ONE_EMAIL} ${event}\`. Over any email, only ${ANY_EMAIL_PHRASES.join(', ')} can be said`, at: c.event };
  if (c.clickUrl) return { problem: `HubSpot keeps the date of a contact's last click over all marketing emails (${known.property}), not which link was clicked, so \`link "…"\` cannot be said for any email: write \`marketing email any clicked\`, or the link for one email, \`${ONE_EMAIL} clicked link "…"\``, at: c.clickUrl };
  if (c.withinLastDays && known.kind === 'count') return { problem: `HubSpot keeps only a count of the marketing emails ${event === 'bounced' ? 'that bounced for' : 'delivered to'} a contact (${known.property}), with no date, so \`in last N days\` cannot be said for any email: write \`marketing email any ${event}\` (ever), or the window for one email, \`${ONE_EMAIL} ${event === 'delivered' ? 'received' : event} in last N days\``, at: c.withinLastDays };
  if (c.window && (known.kind === 'count' || c.window.kind !== 'after')) {
    const why = known.kind === 'count' ? `only a count of them (${known.property}), with no date` : `only the date of the last one (${known.property}), so only \`after D\` can be said over all emails (the last is after D exactly when some is)`;
    return { problem: `HubSpot keeps ${why}, so \`${c.window.kind} …\` cannot be said for any marketing email: write the window for one email, \`${ONE_EMAIL} ${event === 'delivered' ? 'received' : event} ${c.window.kind} …\``, at: c.window };
  }
  return { property: known.property, condition: propertyCondition(c, known) };
}

/** The property condition, every span at the any-email condition (its operands too), so diagnostics point at it. */
function propertyCondition(c: EmailEventCondition, known: { property: string; kind: 'date' | 'count' }): PropertyCondition {
  const at: Span = { start: c.start, end: c.end };
  const property = { text: known.property, ...at };
  if (known.kind === 'count') {
    const zero: Value = { kind: 'number', value: 0, raw: '0', ...at };
    return { kind: 'property', property, operator: '>', operatorSpan: at, operands: { kind: 'single', value: zero, ...at }, includeUnknown: undefined, ...at };
  }
  // `after D`: the date of the last such event is after D exactly when some such event is.
  if (c.window?.kind === 'after') return { kind: 'property', property, operator: 'is after', operatorSpan: at, operands: { kind: 'single', value: { ...c.window.at, ...at }, ...at }, includeUnknown: undefined, ...at };
  if (!c.withinLastDays) return { kind: 'property', property, operator: 'is known', operatorSpan: at, operands: { kind: 'none', ...at }, includeUnknown: undefined, ...at };
  const count: Value = { ...c.withinLastDays, ...at };
  return { kind: 'property', property, operator: 'is less than days ago', operatorSpan: at, operands: { kind: 'days', count, ...at }, includeUnknown: undefined, ...at };
}

/** The property condition an any-email condition stands for, or undefined when it stands for none (the checker says why). */
export function anyEmailExpansion(c: EmailEventCondition): PropertyCondition | undefined {
  const meaning = anyEmailMeaning(c);
  return 'condition' in meaning ? meaning.condition : undefined;
}

/** `list` with every any-email condition of the contact written out; the same object when it has none. */
export function writeAnyEmails(list: ListNode): ListNode {
  return mapListConditions(list, anyEmailWritten);
}

/**
 * `expr` with its any-email conditions written out. Inside `associated … where` they are left alone: they are
 * about the contact, and the compiler and the preview refuse an email event there as they do for one email.
 */
export function writeAnyEmailsIn(expr: Expr): Expr {
  return mapContactConditions(expr, anyEmailWritten);
}

function anyEmailWritten(c: Condition): Expr {
  return c.kind === 'emailEvent' && c.email.by === 'any' ? (anyEmailExpansion(c) ?? c) : c;
}
