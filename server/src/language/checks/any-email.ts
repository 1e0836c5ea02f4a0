// Checks on `marketing email any <event> [in last N days]` (written out as a contact property, any-email.ts):
//   `unknown-email-event` (error): a word that is no event at all (did-you-mean among those `any` takes);
//   `any-email-event` (error): an event, `link "…"` or window that no contact property keeps over all
//     marketing emails (replied, marked spam, unsubscribed, `… but not …`, a window on a count), with the
//     nearest form that can be said;
//   `any-email-property` (error): the workspace schema lacks the property the condition stands for.

import { diagnostic, type Diagnostic, type EmailEventCondition } from '@hslist/grammar';
import { EMAIL_EVENTS } from '../../hubspot/compile/events';
import { ANY_EMAIL_PHRASES, anyEmailEvent, anyEmailMeaning } from '../any-email';
import { suggest, withDidYouMean } from '../did-you-mean';
import { propertiesOf } from '../schema';
import { allConditions } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

function anyEmailProblem(c: EmailEventCondition, ctx: FileCheckContext): Diagnostic | undefined {
  const event = c.event.text.toLowerCase();
  if (!anyEmailEvent(event) && !Object.hasOwn(EMAIL_EVENTS, event)) {
    const suggestions = suggest(c.event.text, ANY_EMAIL_PHRASES.map((value) => ({ value })));
    const message = withDidYouMean(`\`${c.event.text}\` is not a marketing email event; over any email these can be said: ${ANY_EMAIL_PHRASES.join(', ')}`, suggestions);
    return diagnostic('unknown-email-event', message, c.event, 'error', replaceFixes(c.event, suggestions));
  }
  const meaning = anyEmailMeaning(c);
  if ('problem' in meaning) return diagnostic('any-email-event', `${meaning.problem}.`, meaning.at);
  if (propertiesOf(ctx.schema, 'contacts').has(meaning.property)) return undefined;
  const message = `\`marketing email any ${event}\` stands for the contact property \`${meaning.property}\`, which the workspace schema does not have, so it cannot be compiled or previewed: pull the schema again (hslist schema pull, or "hslist: Refresh schema"); every HubSpot portal has it.`;
  return diagnostic('any-email-property', message, c);
}

export function checkAnyEmails(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    if (condition.kind !== 'emailEvent' || condition.email.by !== 'any') continue;
    const problem = anyEmailProblem(condition, ctx);
    if (problem) out.push(problem);
  }
  return out;
}
