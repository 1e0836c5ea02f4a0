// Checks on conditions that are not about a property's type (form names and ids: forms.ts):
//   `including-unknown-ignored` (warning): `including unknown` on `is known` / `is unknown` and on
//     history and updated-at operators, where HubSpot ignores the no-value flag (docs/semantics.md);
//   `invalid-number`: the day count of `submitted form ... in last N days`, and its count of times (`at least 0
//     times`, `between 5 and 2 times`);
//   `invalid-date`, `empty-time-window`: a date of `submitted form … after / before / between` (or of a
//     marketing email event's window) that does not exist, and a `between` window whose first time is after its second;
//   `email-event-relative-window` (warning): `in last N days` on one marketing email's event (HubSpot documents
//     only absolute windows for EMAIL_EVENT);
//   `invalid-list-id`: `in list #id` where the id is not all digits;
//   `unknown-channel`: a subscription channel other than email, sms or whatsapp;
//   `invalid-association`: `associated primary deal` (only a company is primary), `primary` with a label;
//   `invalid-number`: a count of associated records that is not a whole number, or a range with none;
//   `unknown-email-event`: a marketing email event phrase HubSpot has no operator for (`marketing email any …`:
//     checks/any-email.ts);
//   `invalid-click-url`: `link "…"` after an event other than `clicked`, or an empty link;
//   `invalid-page-url`: an empty page URL, or a `matching` pattern that is no regular expression;
//   `invalid-number`: the day count of `in last N days` after an email event or a page view, and the
//     count of `visited page … at least N times`;
//   `empty-name`: an empty quoted webinar id or CTA name; the counts and windows of `clicked|viewed cta` and
//     `saw any ad` get the forms' checks.

import { type Condition, type EmailEventCondition, type CtaCondition, type FormSubmissionCondition, type ListNode, type NamedConditionNode, type PageViewCondition, type SurfaceOperator, type TimeWindow, type Value, type WebinarCondition, diagnostic, type Diagnostic } from '@hslist/grammar';
import { absoluteWindowRefine, isRefineProblem, occurrencesRefine } from '../../hubspot/compile/refine';
import { isValidTimeZone } from '../../hubspot/compile/time';
import { EMAIL_EVENTS, emailEventOperator } from '../../hubspot/compile/events';
import { OPERATOR_TABLE, isHistoryOperator } from '../operators';
import { allConditions } from '../walk';
import type { FileCheckContext } from './context';
import { checkCount, checkDateValue } from './literals';
import { findSetting } from './settings';
import { replaceFixes } from './context';
import { suggest, withDidYouMean } from '../did-you-mean';
import { CHANNELS, channelOf } from '../../hubspot/compile/subscriptions';
import { countKind, countRange } from '../../hubspot/compile/associations';
import { associationByWord, associationProblem } from '../associations';

/** Phrases whose every HubSpot operation ignores `includeObjectsWithNoValueSet`. */
function ignoresNoValueFlag(surface: SurfaceOperator): boolean {
  const rows = OPERATOR_TABLE.filter((r) => r.surface === surface);
  return rows.length > 0 && rows.every((r) => r.operationType === 'ALL_PROPERTY' || isHistoryOperator(r.operator));
}

function conditionProblems(condition: Condition, zone: string): Diagnostic[] {
  switch (condition.kind) {
    case 'property': {
      if (!condition.includeUnknown || !ignoresNoValueFlag(condition.operator)) return [];
      const message = `\`including unknown\` has no effect on \`${condition.operator}\`, which judges whether the property has (or had) a value, not its current value.`;
      const fix = { title: 'Remove `including unknown`', edits: [{ start: Math.max(condition.operands.end, condition.operatorSpan.end), end: condition.includeUnknown.end, newText: '' }] };
      return [diagnostic('including-unknown-ignored', message, condition.includeUnknown, 'warning', [fix])];
    }
    case 'formSubmission':
      return [...countProblems(condition.withinLastDays), ...formRefineProblems(condition, zone)];
    case 'emailEvent':
      // The event and link of `marketing email any …` are checked with what they stand for (any-email.ts).
      if (condition.email.by === 'any') return [...countProblems(condition.withinLastDays), ...windowProblems(condition.window, zone)];
      return [...eventProblems(condition), ...clickUrlProblems(condition), ...countProblems(condition.withinLastDays), ...windowProblems(condition.window, zone), ...relativeWindowWarning(condition)];
    case 'pageView':
      return [...pageProblems(condition), ...countProblems(condition.atLeastTimes, 'times'), ...countProblems(condition.withinLastDays)];
    case 'webinar':
      return webinarProblems(condition);
    case 'cta':
      return [...ctaNameProblems(condition), ...countProblems(condition.withinLastDays), ...formRefineProblems(condition, zone)];
    case 'adsSeen':
      return [...countProblems(condition.withinLastDays), ...windowProblems(condition.window, zone)];
    case 'subscription': {
      if (channelOf(condition)) return [];
      const suggestions = suggest(condition.channel.text.toLowerCase(), CHANNELS.map((value) => ({ value })));
      const message = withDidYouMean(`\`${condition.channel.text}\` is not a subscription channel: HubSpot's are email, sms and whatsapp`, suggestions);
      return [diagnostic('unknown-channel', message, condition.channel, 'error', replaceFixes(condition.channel, suggestions))];
    }
    case 'association': {
      const problem = associationProblem(condition);
      if (!problem) return [];
      // A primary deal or ticket is marked on the object word; `primary` with a label, or a bad label, on the label.
      const primaryOfOther = condition.primary && associationByWord(condition.objectType.text)?.primaryTypeId === undefined;
      const at = primaryOfOther || !condition.label ? condition.objectType : condition.label;
      const hint = primaryOfOther ? ' Remove `primary` for any associated record.' : '';
      return [diagnostic('invalid-association', `${problem[0].toUpperCase()}${problem.slice(1)}.${hint}`, at)];
    }
    case 'associationCount': {
      const kind = countKind(condition);
      if (typeof kind === 'string') return [diagnostic('invalid-association', `${kind[0].toUpperCase()}${kind.slice(1)}.`, condition.objectType)];
      const range = countRange(condition.comparison);
      if (typeof range === 'string') return [diagnostic('invalid-number', `The number of associated ${kind.plural} cannot be compared like this: ${range}.`, condition.comparison)];
      return [];
    }
    case 'inList': {
      if (condition.target.by !== 'id' || /^#?\d+$/.test(condition.target.text)) return [];
      const message = `List id \`${condition.target.text}\` must be digits only, as HubSpot list ids are (e.g. #123).`;
      return [diagnostic('invalid-list-id', message, condition.target)];
    }
    default:
      return [];
  }
}

function countProblems(value: Value | undefined, what = 'days'): Diagnostic[] {
  const count = checkCount(value, what);
  return count ? [count] : [];
}

function eventProblems(c: EmailEventCondition): Diagnostic[] {
  if (emailEventOperator(c)) return [];
  const suggestions = suggest(c.event.text, Object.keys(EMAIL_EVENTS).map((value) => ({ value })));
  const message = withDidYouMean(`\`${c.event.text}\` is not a marketing email event: HubSpot's are ${Object.keys(EMAIL_EVENTS).join(', ')}`, suggestions);
  return [diagnostic('unknown-email-event', message, c.event, 'error', replaceFixes(c.event, suggestions))];
}

/**
 * HubSpot's list filter definitions say EMAIL_EVENT's pruningRefineBy "only supports" the absolute windows, while
 * `in last N days` is a relative one (as forms and page views take it). Not refused: HubSpot would answer a publish
 * it does not accept with an error that names the filter, never with a wrong list; but said before publishing.
 */
function relativeWindowWarning(c: EmailEventCondition): Diagnostic[] {
  if (!c.withinLastDays) return [];
  const message =
    "HubSpot's list filter definitions say a marketing email event's time window (pruningRefineBy) takes only absolute dates (ABSOLUTE_COMPARATIVE, ABSOLUTE_RANGED), and `in last N days` is relative: HubSpot may refuse this list when it is published. An absolute window (`after 2024-01-31`, `before …`, `between … and …`) is documented; `marketing email any opened|clicked|sent in last N days` has no such limit.";
  return [diagnostic('email-event-relative-window', message, c.withinLastDays, 'warning')];
}

/** `link "…"` only after `clicked` (HubSpot takes a clickUrl only with LINK_CLICKED), and not empty. */
function clickUrlProblems(c: EmailEventCondition): Diagnostic[] {
  if (!c.clickUrl) return [];
  const operator = emailEventOperator(c);
  if (operator && operator !== 'LINK_CLICKED') return [diagnostic('invalid-click-url', `\`link "…"\` goes only with \`clicked\`: HubSpot takes the clicked link (clickUrl) only on LINK_CLICKED, not on \`${c.event.text}\`.`, c.clickUrl)];
  if (c.clickUrl.text.trim() === '') return [diagnostic('invalid-click-url', 'The link is empty: write the URL of the link clicked.', c.clickUrl)];
  return [];
}

function pageProblems(c: PageViewCondition): Diagnostic[] {
  if (c.url.text.trim() === '') return [diagnostic('invalid-page-url', 'The page URL (or part, or pattern) is empty: it would match every page view.', c.url)];
  if (c.match !== 'matching') return [];
  try {
    new RegExp(c.url.text);
    return [];
  } catch (e) {
    return [diagnostic('invalid-page-url', `\`${c.url.text}\` is not a regular expression: ${(e as Error).message}.`, c.url)];
  }
}

/** A count of submissions and an absolute window, as the compiler reads them (compile/refine.ts), at their place. */
function formRefineProblems(c: FormSubmissionCondition | CtaCondition, zone: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (c.count) {
    const count = occurrencesRefine(c.count);
    if (isRefineProblem(count)) out.push(diagnostic(count.code, count.message, count.at));
  }
  return [...out, ...windowProblems(c.window, zone)];
}

/** A quoted webinar id must say something: an empty one would compile to the filter of any webinar's opposite meaning. */
function webinarProblems(c: WebinarCondition): Diagnostic[] {
  if (!c.webinar || c.webinar.text.trim() !== '') return [];
  return [diagnostic('empty-name', 'The webinar id is empty: write its id (`webinar #123` or `webinar "…"`), or `any webinar`.', c.webinar)];
}

/** HubSpot's CTA filter requires a ctaName: an empty one names no call-to-action. */
function ctaNameProblems(c: CtaCondition): Diagnostic[] {
  if (c.cta.text.trim() !== '') return [];
  return [diagnostic('empty-name', 'The call-to-action name is empty: write the ctaName HubSpot gives the CTA.', c.cta)];
}

/** A date of an absolute window (forms, email events) that does not exist, and a `between` whose first time is after its second. */
function windowProblems(w: TimeWindow | undefined, zone: string): Diagnostic[] {
  if (!w) return [];
  const times = w.kind === 'between' ? [w.low, w.high] : [w.at];
  const invalid = times.map(checkDateValue).filter((d): d is Diagnostic => d !== undefined);
  if (invalid.length > 0) return invalid;
  const window = absoluteWindowRefine(w, zone);
  return isRefineProblem(window) ? [diagnostic(window.code, window.message, window.at)] : [];
}

/**
 * The zone a list's dates are read in, as the compiler reads them: its `timezone:` when valid, else the
 * workspace's default zone (hslist.json's `timezone`), else UTC. Only the order of a date and an instant
 * in one window can depend on it.
 */
function checkZone(block: ListNode | NamedConditionNode, defaultZone: string | undefined): string {
  const value = 'settings' in block ? findSetting(block.settings, 'timezone')?.value : undefined;
  const zone = value && (value.kind === 'string' || value.kind === 'word') ? value.value : undefined;
  if (zone && isValidTimeZone(zone)) return zone;
  return defaultZone && isValidTimeZone(defaultZone) ? defaultZone : 'UTC';
}

export function checkConditions(ctx: FileCheckContext): Diagnostic[] {
  return allConditions(ctx.file).flatMap(({ condition, list }) => conditionProblems(condition, checkZone(list, ctx.defaultTimezone)));
}
