// Resolves a list's syntax tree into a PlanNode tree (plan-types.ts): each condition becomes its
// HubSpot operation via the operator table; anything that cannot be judged locally becomes an
// `unavailable` node with the reason, so no evaluator ever guesses.

import type { AdsSeenCondition, CtaCondition, WebinarCondition, EmailEventCondition, Expr, FormSubmissionCondition, ListNode, PageViewCondition, PropertyCondition, Value } from '@hslist/grammar';
import { absoluteWindowRefine, isRefineProblem, occurrencesRefine } from '../hubspot/compile/refine';
import { emailEventOperator, timesCount } from '../hubspot/compile/events';
import { urlMatcher } from './events';
import { absoluteBounds } from './form-window';
import { planAdsSeen, planCta, planWebinar } from './plan-activity';
import type { ObjectTypeName, Schema } from '../language/schema-types';
import { operationFor, typeClassOf } from '../language/operators';
import { optionValue } from '../language/option-match';
import { formIdOf } from '../language/schema-forms';
import { formPageOf } from './form-pages';
import { subscriptionIdOf } from '../language/schema-subscriptions';
import { labelIdOf } from '../language/association-labels';
import { writtenOut } from '../language/written-out';
import { anyEmailMeaning } from '../language/any-email';
import { emailNameMeaning } from '../language/email-names';
import { timeRefs, type PlanNode, type PropertyFilter } from './plan-types';
import { exprText } from './canonical';
import { resolveOperands } from './plan-operands';
import { channelOf, OPT_STATE } from '../hubspot/compile/subscriptions';
import { countKind, countRange } from '../hubspot/compile/associations';
import { associationByWord, associationProblem } from '../language/associations';
import type { SubscriptionChannel } from './types';
import { DAY_MS } from './time';
import { isValidTimeZone } from '../hubspot/compile/time';
import { listTypeOf } from '../language/checks/list-settings';
import type { MembersByList } from './members';
import { propertiesOf } from '../language/schema';

export interface PlanContext {
  schema: Schema;
  /** *now* in epoch ms (injectable: tests, "as of" previews). */
  now: number;
  /** Workspace lists by name, for `in list "Name"`. */
  lists?: ReadonlyMap<string, ListNode>;
  /** Members of static lists by lowercased name (members.ts); a static list without an entry has none. */
  members?: MembersByList;
}

interface Env {
  ctx: PlanContext;
  zone: string;
  objectType: ObjectTypeName;
  /** Names of the lists being resolved, to stop at reference cycles. */
  visiting: string[];
}

/** The list's time zone (`timezone:` setting), UTC by default. */
export function listZone(list: ListNode): string {
  const setting = list.settings.find((s) => s.key.text === 'timezone');
  return setting?.value?.kind === 'string' || setting?.value?.kind === 'word' ? setting.value.value : 'UTC';
}

export function planList(written: ListNode, ctx: PlanContext, visiting: string[] = []): PlanNode {
  // Judged as it compiles: phrases HubSpot has no filter for written out as those it has (language/written-out.ts).
  const list = writtenOut(written, ctx.schema);
  const zone = listZone(list);
  if (!isValidTimeZone(zone)) return unavailable(list, `time zone "${zone}" is not a known IANA zone`, list.name.text);
  if (listTypeOf(list) === 'static') return planMembers(list, ctx);
  if (!list.where) return { kind: 'constant', span: list, accept: false };
  return planExpr(list.where, { ctx, zone, objectType: 'contacts', visiting: [...visiting, list.name.text] });
}

/** A static list is its members (none when it names none); members with errors are not judged. */
function planMembers(list: ListNode, ctx: PlanContext): PlanNode {
  const members = ctx.members?.get(list.name.text.toLowerCase());
  if (!members) return { kind: 'constant', span: list, accept: false };
  const text = `members of "${list.name.text}"`;
  const span = membersSpan(list);
  if (members.problem) return unavailable(span, `the members have an error: ${members.problem}`, text);
  return { kind: 'members', span, ids: members.ids, emails: members.emails, text };
}

/** From the first members setting to the end of the last (what the funnel shows as the clause). */
function membersSpan(list: ListNode): { start: number; end: number } {
  const settings = list.settings.filter((s) => s.key.text === 'members' || s.key.text === 'members from');
  if (settings.length === 0) return { start: list.name.start, end: list.name.end };
  return { start: Math.min(...settings.map((s) => s.start)), end: Math.max(...settings.map((s) => s.end)) };
}

/** `email is any of (…)`: how a static list's emails are matched (case-insensitive, as every string filter). */
export function memberEmailFilter(emails: string[]): PropertyFilter {
  return { ...blankFilter('email', 'string', 'MULTISTRING', 'IS_EQUAL_TO', false), values: emails };
}

function planExpr(e: Expr, env: Env): PlanNode {
  switch (e.kind) {
    case 'and':
    case 'or':
      return { kind: e.kind, span: e, children: e.operands.map((x) => planExpr(x, env)) };
    case 'not':
      return { kind: 'not', span: e, child: planExpr(e.operand, env) };
    case 'paren':
      return planExpr(e.inner, env);
    case 'property':
      return planProperty(e, env);
    case 'inList':
      return planInList(e, env);
    case 'association':
      return planAssociation(e, env);
    case 'associationCount':
      return planCount(e, env);
    case 'formSubmission':
      return planForm(e, env);
    case 'subscription':
      return planSubscription(e, env);
    case 'emailEvent':
      return planEmailEvent(e, env);
    case 'pageView':
      return planPageView(e, env);
    case 'webinar':
    case 'cta':
    case 'adsSeen':
      return planActivity(e, env);
    case 'constant':
      return { kind: 'constant', span: e, accept: e.accept };
    case 'conditionRef':
      // The workspace writes named conditions in before previewing (language/definitions); one left is undefined.
      return unavailable(e, `the named condition \`${e.name.text}\` is not defined in the workspace`, exprText(e));
    case 'error':
      return unavailable(e, 'the condition has a syntax error', exprText(e));
  }
}

/** The window and count as the compiler writes them (compile/refine.ts), as bounds on the submissions' times; the page as form-pages.ts judges it. */
function planForm(e: FormSubmissionCondition, env: Env): PlanNode {
  const text = exprText(e);
  const days = e.withinLastDays?.kind === 'number' ? e.withinLastDays.value : undefined;
  const since = days === undefined ? undefined : env.ctx.now - days * DAY_MS;
  const node: Extract<PlanNode, { kind: 'form' }> = { kind: 'form', span: e, formId: e.formId ? formIdOf(e.formId.text, env.ctx.schema) : undefined, since, text };
  if (e.count) {
    const count = occurrencesRefine(e.count);
    if (isRefineProblem(count)) return unavailable(e, count.message, text);
    if (count.minOccurrences !== undefined) node.minTimes = count.minOccurrences;
    if (count.maxOccurrences !== undefined) node.maxTimes = count.maxOccurrences;
  }
  if (e.window) {
    const window = absoluteWindowRefine(e.window, env.zone);
    if (isRefineProblem(window)) return unavailable(e, window.message, text);
    Object.assign(node, absoluteBounds(window));
  }
  if (!e.page) return node;
  const page = formPageOf(e.page, env.ctx.schema);
  return 'unavailable' in page ? unavailable(e, page.unavailable, text) : { ...node, page };
}

function planSubscription(e: Extract<Expr, { kind: 'subscription' }>, env: Env): PlanNode {
  const text = exprText(e);
  if (env.objectType !== 'contacts') return unavailable(e, 'subscriptions belong to contacts only', text);
  const channel = channelOf(e);
  if (!channel) return unavailable(e, `"${e.channel.text}" is not a subscription channel`, text);
  const channelName = channel.toUpperCase() as SubscriptionChannel;
  // A name means its definition's id (the pulled definitions'), which the data's statuses carry.
  const ids: string[] = [];
  for (const ref of e.subscriptions) {
    const id = subscriptionIdOf(ref, channel, env.ctx.schema);
    if (id === undefined) return unavailable(e, `the subscription "${ref.text}" names no one ${channel} subscription of the pulled schema`, text);
    ids.push(id);
  }
  return { kind: 'subscription', span: e, channel: channelName, ids, all: e.all, status: OPT_STATE[e.status], text };
}

/** The start of `in last N days` (strictly after it, as for forms); null when the count is no whole number ≥ 1. */
function windowStart(days: Value | undefined, now: number): number | undefined | null {
  if (!days) return undefined;
  if (days.kind !== 'number' || !Number.isInteger(days.value) || days.value < 1) return null;
  return now - days.value * DAY_MS;
}

function planEmailEvent(e: EmailEventCondition, env: Env): PlanNode {
  const text = exprText(e);
  if (env.objectType !== 'contacts') return unavailable(e, 'email events belong to contacts only', text);
  if (e.email.by === 'any') {
    const meaning = anyEmailMeaning(e);
    return unavailable(e, 'problem' in meaning ? meaning.problem : 'an event over any marketing email is judged as its contact property, written out before planning', text);
  }
  const operator = emailEventOperator(e);
  if (!operator) return unavailable(e, `"${e.event.text}" is not a marketing email event`, text);
  const since = windowStart(e.withinLastDays, env.ctx.now);
  if (since === null) return unavailable(e, 'the number of days is not a whole number, 1 or more', text);
  if (e.email.by === 'name') {
    const meaning = emailNameMeaning(e, env.ctx.schema.marketingEmails);
    return unavailable(e, meaning && 'problem' in meaning ? meaning.problem : `marketing email "${e.email.name.text}" was not written as its campaign ids`, text);
  }
  if (e.clickUrl && operator !== 'LINK_CLICKED') return unavailable(e, '`link "…"` goes only with `clicked`', text);
  const window = e.window ? absoluteWindowRefine(e.window, env.zone) : undefined;
  if (window && isRefineProblem(window)) return unavailable(e, window.message, text);
  return { kind: 'emailEvent', span: e, appId: e.email.appId.text, emailId: e.email.emailId.text, operator, since, ...(window ? absoluteBounds(window) : {}), ...(e.clickUrl ? { clickUrl: e.clickUrl.text } : {}), text };
}

function planPageView(e: PageViewCondition, env: Env): PlanNode {
  const text = exprText(e);
  if (env.objectType !== 'contacts') return unavailable(e, 'page views belong to contacts only', text);
  const matcher = urlMatcher(e.match, e.url.text);
  if (typeof matcher === 'string') return unavailable(e, matcher, text);
  const since = windowStart(e.withinLastDays, env.ctx.now);
  if (since === null) return unavailable(e, 'the number of days is not a whole number, 1 or more', text);
  const times = timesCount(e.atLeastTimes);
  if (typeof times === 'string') return unavailable(e, 'the number of times is not a whole number, 1 or more', text);
  return { kind: 'pageView', span: e, match: e.match, url: e.url.text, since, ...(times !== undefined ? { minTimes: times } : {}), text };
}

function planActivity(e: WebinarCondition | CtaCondition | AdsSeenCondition, env: Env): PlanNode {
  const text = exprText(e);
  const why = (reason: string) => unavailable(e, reason, text);
  if (env.objectType !== 'contacts') return why(`${e.kind === 'webinar' ? 'webinars' : e.kind === 'cta' ? 'calls-to-action' : 'ads'} belong to contacts only`);
  if (e.kind === 'webinar') return planWebinar(e, text);
  return e.kind === 'cta' ? planCta(e, text, env.ctx.now, env.zone, why) : planAdsSeen(e, text, env.ctx.now, env.zone, why);
}

function planInList(e: Extract<Expr, { kind: 'inList' }>, env: Env): PlanNode {
  const text = exprText(e);
  if (env.objectType !== 'contacts') return unavailable(e, 'list membership applies to contacts only', text);
  if (e.target.by === 'id') return { kind: 'inList', span: e, listId: e.target.text.replace(/^#/, ''), text };
  const name = e.target.text;
  if (env.visiting.includes(name)) return unavailable(e, `lists refer to each other in a cycle through "${name}"`, text);
  const list = findList(env.ctx.lists, name);
  // A list of the portal not kept as code (schema pull's catalogue): judged by its members, as `#id` is.
  const portal = list ? undefined : env.ctx.schema.lists?.get(name.toLowerCase());
  if (portal && portal.objectTypeId === '0-1') return { kind: 'inList', span: e, listId: portal.listId, text };
  if (!list) return unavailable(e, `there is no list named "${name}" in the workspace`, text);
  return { kind: 'inWorkspaceList', span: e, name, plan: planList(list, env.ctx, env.visiting), text };
}

/** Exact name first; HubSpot looks list names up case-insensitively, so fall back to that. */
function findList(lists: ReadonlyMap<string, ListNode> | undefined, name: string): ListNode | undefined {
  if (!lists) return undefined;
  const exact = lists.get(name);
  if (exact) return exact;
  for (const [key, list] of lists) if (key.toLowerCase() === name.toLowerCase()) return list;
  return undefined;
}

function planAssociation(e: Extract<Expr, { kind: 'association' }>, env: Env): PlanNode {
  const text = exprText(e);
  const kind = associationByWord(e.objectType.text);
  if (!kind) return unavailable(e, `associations to "${e.objectType.text}" are not supported`, text);
  if (env.objectType !== 'contacts') return unavailable(e, 'associations nest only one level', text);
  if (!e.where) return unavailable(e, 'the association has no criteria', text);
  const problem = associationProblem(e);
  if (problem) return unavailable(e, problem, text);
  // A label's name means its id (the pulled labels'), which the data's associations carry; HubSpot's own
  // "Primary" label is the primary company.
  const labelId = e.label ? labelIdOf(e.label, kind.object, env.ctx.schema) : undefined;
  if (e.label && labelId === undefined) return unavailable(e, `the label "${e.label.text}" names no one association label of the pulled schema`, text);
  const primaryLabel = e.label?.by === 'name' && kind.primaryTypeId !== undefined && labelId === String(kind.primaryTypeId);
  const records = planExpr(e.where, { ...env, objectType: kind.object });
  return { kind: 'association', span: e, object: kind.object, records, text, primary: e.primary || primaryLabel, label: primaryLabel ? undefined : labelId };
}

function planCount(e: Extract<Expr, { kind: 'associationCount' }>, env: Env): PlanNode {
  const text = exprText(e);
  if (env.objectType !== 'contacts') return unavailable(e, 'associations nest only one level', text);
  const kind = countKind(e);
  if (typeof kind === 'string') return unavailable(e, kind, text);
  const range = countRange(e.comparison);
  if (typeof range === 'string') return unavailable(e, range, text);
  return { kind: 'associationCount', span: e, object: kind.object, primary: e.primary, min: range[0], max: range[1], text };
}

function planProperty(e: PropertyCondition, env: Env): PlanNode {
  const text = exprText(e);
  const def = propertiesOf(env.ctx.schema, env.objectType).get(e.property.text);
  if (!def) return unavailable(e, `the schema has no ${env.objectType} property "${e.property.text}"`, text);
  const typeClass = typeClassOf(def.type);
  const row = operationFor(e.operator, e.operands.kind, def);
  if (!row) return unavailable(e, `"${e.operator}" does not apply to ${def.type} property "${def.name}"`, text);
  const parser: PropertyFilter['propertyParser'] = row.propertyParser ?? 'VALUE';
  const base = { ...blankFilter(def.name, typeClass, row.operationType, row.operator, e.includeUnknown !== undefined), propertyParser: parser };
  const dateOnly = parser === 'VALUE' && def.type === 'date';
  const resolved = resolveOperands(base, e.operands, { zone: env.zone, now: env.ctx.now, dateOnly, surface: e.operator });
  if (typeof resolved === 'string') return unavailable(e, resolved, text);
  // As the compiler does: a label (or an owner's name) means its option's internal value.
  if (resolved.operationType === 'ENUMERATION' && resolved.values) resolved.values = resolved.values.map((v) => optionValue(def, v));
  for (const ref of timeRefs(resolved)) {
    const other = propertiesOf(env.ctx.schema, env.objectType).get(ref.property);
    if (!other) return unavailable(e, `the schema has no property "${ref.property}"`, text);
    if (!ref.updated && typeClassOf(other.type) !== 'date') return unavailable(e, `"${ref.property}" is not a date property`, text);
  }
  return { kind: 'filter', span: e, filter: resolved, text };
}

function blankFilter(
  property: string,
  typeClass: PropertyFilter['typeClass'],
  operationType: PropertyFilter['operationType'],
  operator: string,
  includeUnknown: boolean,
): PropertyFilter {
  return {
    property, typeClass, operationType, operator, includeUnknown,
    values: [], value: NaN, lowerBound: NaN, upperBound: NaN, lowerInclusive: true, upperInclusive: true,
    timePoint: NaN, inclusive: false, days: NaN, timeUnit: undefined, spanStart: NaN, spanEnd: NaN,
    now: 0, propertyParser: 'VALUE',
  };
}

function unavailable(span: { start: number; end: number }, reason: string, text: string): PlanNode {
  return { kind: 'unavailable', span: { start: span.start, end: span.end }, reason, text };
}
