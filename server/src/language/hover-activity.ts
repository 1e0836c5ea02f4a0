// Hover of webinar, CTA and ads conditions: what they mean in words, and the HubSpot filter they compile
// to (compile/activity.ts), with the refine-bys and their instants, as the forms' hover shows them.

import type { AdsSeenCondition, CtaCondition, WebinarCondition } from '@hslist/grammar';
import { activityWindow, CTA_OPERATORS, isActivityProblem, WEBINAR_OPERATORS } from '../hubspot/compile/activity';
import { isRefineProblem, occurrencesRefine } from '../hubspot/compile/refine';
import { windowRefineText, windowWords } from './hover-forms';

export function webinarHelp(c: WebinarCondition): string {
  const { positive, negative } = WEBINAR_OPERATORS[c.action];
  const webinar = c.webinar ? `the webinar with id "${c.webinar.text}"` : 'any webinar';
  const did = c.action === 'registered' ? 'registered for' : 'attended';
  return [
    `**Webinar**: the contact ${did} ${webinar} (webinars of a webinar integration, by their id; HubSpot documents no catalogue of them).`,
    '',
    `HubSpot: \`WEBINAR\` \`${positive}\`${c.webinar ? ` \`webinarId: "${c.webinar.text}"\`` : ' without a `webinarId` (any webinar, Assumed)'}; with \`not\`, \`${negative}\`.`,
  ].join('\n');
}

export function ctaHelp(c: CtaCondition, zone: string, zoneNote: string): string {
  const { positive, negative } = CTA_OPERATORS[c.action];
  const count = c.count ? occurrencesRefine(c.count) : undefined;
  if (count && isRefineProblem(count)) return count.message;
  const window = activityWindow(c.withinLastDays, c.window, zone);
  if (isActivityProblem(window)) return window.message;
  const counted = count ? ` ${count.minOccurrences !== undefined && count.maxOccurrences !== undefined ? `between ${count.minOccurrences} and ${count.maxOccurrences} times` : count.minOccurrences !== undefined ? `at least ${count.minOccurrences} times` : `at most ${count.maxOccurrences} times (and at least once)`}` : '';
  const refines = [
    count ? `counted by \`coalescingRefineBy\` \`NUM_OCCURRENCES\`` : '',
    window ? `within \`pruningRefineBy\` ${windowRefineText(window)}${c.window ? ` (${zoneNote})` : ''}` : '',
  ].filter(Boolean);
  const not = count ? '`not` cannot apply to a count (HubSpot documents no opposite of it)' : `with \`not\`, \`${negative}\``;
  return [
    `**Call-to-action**: the contact ${c.action} the CTA "${c.cta.text}"${counted}${windowWords(c)}.${count ? ' The window is applied first, then the interactions in it are counted.' : ''}`,
    '',
    `HubSpot: \`CTA\` \`${positive}\` \`ctaName: "${c.cta.text}"\`${refines.length > 0 ? ` ${refines.join('; ')}` : ''}; ${not}.`,
  ].join('\n');
}

export function adsSeenHelp(c: AdsSeenCondition, zone: string, zoneNote: string): string {
  const window = activityWindow(c.withinLastDays, c.window, zone);
  if (isActivityProblem(window)) return window.message;
  return [
    `**Ads**: the contact saw some ad${windowWords(c)} (HubSpot's ads tool tracks ad interactions of its connected ad accounts).`,
    '',
    `HubSpot: \`ADS_TIME\`${window ? ` \`pruningRefineBy\` ${windowRefineText(window)}${c.window ? ` (${zoneNote})` : ''}` : ''}; \`not\` cannot apply to it (ADS_TIME has no operator).`,
  ].join('\n');
}
