// Checks on `marketing email "…"`: a marketing email written by name (marketing-emails.json from `hslist
// schema pull`). HubSpot's EMAIL_EVENT filter takes an `emailId` and an `appId`; its documents do not say which
// of an email's ids (its id, its email campaign ids, its campaign group id) the `emailId` is. A name that
// resolves, with its app written, is compiled as its email campaign ids (language/email-names.ts, Assumed), and
// the check says so where it is written:
//   `marketing-email-by-name` (warning): the name compiles to its campaign ids, read as EMAIL_EVENT's emailId
//     (Assumed); one fix per id it has, writing `#<id>` instead of the name;
//   `marketing-email-by-name` (error): the app id is not written, or the email has no campaign id (never sent);
//   `unknown-marketing-email` (error): no pulled email has the name (did-you-mean), or no emails are pulled;
//   `ambiguous-marketing-email` (error): two live emails share the name.

import { diagnostic, type Diagnostic, type Fix, type Name } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { clip } from '../clip';
import { describeEmailIds, describeMarketingEmail, matchMarketingEmail, type MarketingEmailRef } from '../schema-emails';
import { allConditions, quoteString } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

const WHY = "HubSpot's documents do not say which of a marketing email's ids EMAIL_EVENT's emailId takes (docs/language.md#marketing-email-events)";

function nameProblem(name: Name, appId: Name | undefined, ctx: FileCheckContext): Diagnostic {
  const emails = ctx.schema.marketingEmails;
  const match = matchMarketingEmail(name.text, emails);
  switch (match.kind) {
    case 'name':
      return resolvedName(name, appId, match.email);
    case 'no-catalogue': {
      const message = `Marketing emails are not pulled, so "${clip(name.text)}" names nothing: write \`marketing email #<emailId> of app #<appId>\`, or run hslist schema pull (or "hslist: Refresh schema") to see the email's ids.`;
      return diagnostic('unknown-marketing-email', message, name, 'error');
    }
    case 'ambiguous': {
      const message = `"${clip(name.text)}" names ${match.emails.length} marketing emails: ${match.emails.map(describeMarketingEmail).join(', ')}. ${WHY}: write the ids of the one you mean.`;
      return diagnostic('ambiguous-marketing-email', message, name, 'error', appId ? match.emails.flatMap((e) => idFixes(name, appId, e)) : []);
    }
    case 'unknown': {
      const candidates = (emails ?? []).filter((e) => !e.archived).map((e) => ({ value: e.name }));
      const suggestions = suggest(name.text, candidates, 3, ctx.suggestBudget);
      const message = withDidYouMean(`No marketing email named "${clip(name.text)}" among the portal's ${emails?.length ?? 0} pulled into the schema`, suggestions, (v) => `"${v}"`);
      return diagnostic('unknown-marketing-email', message, name, 'error', replaceFixes(name, suggestions, quoteString));
    }
  }
}

function resolvedName(name: Name, appId: Name | undefined, email: MarketingEmailRef): Diagnostic {
  if (!appId) {
    const message = `Marketing email "${email.name}" is ${describeEmailIds(email)}; HubSpot's EMAIL_EVENT also takes the app that sent it: write \`of app #<appId>\` after the name (then a fix can also write each of its ids).`;
    return diagnostic('marketing-email-by-name', message, name, 'error');
  }
  if (email.emailCampaignIds.length === 0) {
    const message = `Marketing email "${email.name}" is ${describeEmailIds(email)} and has no email campaign id (it has not been sent), so no event of it can be named: ${WHY}.`;
    return diagnostic('marketing-email-by-name', message, name, 'error', idFixes(name, appId, email));
  }
  const ids = email.emailCampaignIds.map((id) => `#${id}`).join(', ');
  const message = `Marketing email "${email.name}" compiles to its email campaign id${email.emailCampaignIds.length > 1 ? 's' : ''} ${ids} of app #${appId.text} (its own id is #${email.id}). ${WHY}; hslist reads it as the email campaign id (Assumed: the filter's level is EMAIL_API_CAMPAIGN, and HubSpot's Email Events API names an event's email by appId and emailCampaignId, as the live preview reads them). To be sure before publishing, compare the preview with \`hslist count\` (or "hslist: Count in HubSpot (temporary lists)…"), which asks HubSpot itself.`;
  return diagnostic('marketing-email-by-name', message, name, 'warning', idFixes(name, appId, email));
}

/** One fix per id the email carries, each writing `#<id>` where the name was (the app id stays as written). */
function idFixes(name: Name, appId: Name, email: MarketingEmailRef): Fix[] {
  const ids: [string, string][] = [[email.id, 'its email id'], ...email.emailCampaignIds.map((id): [string, string] => [id, 'an email campaign id']), ...(email.emailCampaignGroupId ? [[email.emailCampaignGroupId, 'its campaign group id'] as [string, string]] : [])];
  return ids.map(([id, what]) => ({ title: `Write #${id} (${what} of "${clip(email.name)}") of app #${appId.text}`, edits: [{ start: name.start, end: name.end, newText: `#${id}` }] }));
}

export function checkMarketingEmails(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    if (condition.kind !== 'emailEvent' || condition.email.by !== 'name') continue;
    out.push(nameProblem(condition.email.name, condition.email.appId, ctx));
  }
  return out;
}
