// A `where` expression → an and/or tree of compiled items with every `not` pushed to the leaves
// (De Morgan). Leaves that cannot be compiled or negated are reported and come back undefined;
// the caller then returns no request for the list.

import { anyEmailMeaning } from '../../language/any-email';
import { emailNameMeaning } from '../../language/email-names';
import { type AssociationCondition, type AdsSeenCondition, type AssociationCountCondition, type Condition, type CtaCondition, type EmailEventCondition, type FormSubmissionCondition, type PageRef, type PageViewCondition, type Expr, type PropertyCondition, type Span, type SubscriptionCondition, type WebinarCondition, diagnostic, type Diagnostic } from '@hslist/grammar';
import type { ObjectTypeName, Schema } from '../../language/schema-types';
import {
  MAX_AND_BRANCHES,
  MAX_FILTERS,
  listPlaceholder,
  type AssociationBranch,
  type Filter,
  type FormSubmissionFilter,
  type FormSubmissionOnPageFilter,
  type PropertyFilter,
} from '../filter-branch';
import { associationByWord, associationProblem, type AssociationKind } from '../../language/associations';
import { countFilters, countKind, countRange } from './associations';
import { describeCount, distribute, sizeOf, type Item, type Tree } from './dnf';
import { negateFilter } from './negate';
import { withoutImpliedKnown } from './implied';
import { compileOperation } from './operation';
import { formIdOf } from '../../language/schema-forms';
import { pageIdOf } from '../../language/schema-pages';
import { subscriptionIdOf } from '../../language/schema-subscriptions';
import { labelIdOf, matchLabel } from '../../language/association-labels';
import { channelOf, negatedSubscriptionFilters, OPT_STATE, subscriptionFilter } from './subscriptions';
import { propertiesOf } from '../../language/schema';
import { adsTimeFilter, CTA_COUNT_NOT, ctaFilter, isActivityProblem, webinarFilter } from './activity';
import { absoluteWindowRefine, isRefineProblem, occurrencesRefine } from './refine';
import { emailEventFilter, emailEventOperator, lastDaysRefine, PAGE_OPERATORS, pageViewFilter, timesCount } from './events';

export interface CriteriaEnv {
  schema: Schema;
  zone: string;
  listIdFor(name: string): string | undefined;
  diagnostics: Diagnostic[];
}

const OBJECT_WORDS: Record<ObjectTypeName, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

interface Scope {
  object: ObjectTypeName;
  /** The span of the `not` that makes the current position negated, if it is. */
  negatedBy: Span | undefined;
}

export function compileCriteria(expr: Expr, env: CriteriaEnv): Tree | undefined {
  return compileExpr(expr, { object: 'contacts', negatedBy: undefined }, env);
}

function compileExpr(expr: Expr, scope: Scope, env: CriteriaEnv): Tree | undefined {
  switch (expr.kind) {
    case 'paren':
      return compileExpr(expr.inner, scope, env);
    case 'not':
      return compileExpr(expr.operand, { ...scope, negatedBy: scope.negatedBy ? undefined : expr }, env);
    case 'and':
    case 'or': {
      // De Morgan: under a `not`, and ↔ or.
      const kind = scope.negatedBy ? (expr.kind === 'and' ? 'or' : 'and') : expr.kind;
      const children = expr.operands.map((o) => compileExpr(o, scope, env));
      return children.every((c): c is Tree => c !== undefined) ? { kind, children } : undefined;
    }
    default:
      return compileCondition(expr, scope, env);
  }
}

function compileCondition(cond: Condition, scope: Scope, env: CriteriaEnv): Tree | undefined {
  if (cond.kind === 'association') return compileAssociation(cond, scope, env);
  if (cond.kind === 'error') return fail(env, cond, 'This condition has a syntax error, so the list cannot be compiled.');
  if (cond.kind !== 'property' && scope.object !== 'contacts') {
    return notExpressible(env, cond, `Inside \`associated ${OBJECT_WORDS[scope.object]} where\`, only ${OBJECT_WORDS[scope.object]} property conditions can be used.`);
  }
  if (cond.kind === 'subscription') return compileSubscription(cond, scope, env);
  if (cond.kind === 'associationCount') return compileCount(cond, scope, env);
  if (cond.kind === 'webinar' || cond.kind === 'cta' || cond.kind === 'adsSeen') return compileActivity(cond, scope, env);
  const filter = positiveFilter(cond, scope, env);
  if (!filter) return undefined;
  if (!scope.negatedBy) return leaf(filter);
  const negated = negateFilter(filter);
  if ('error' in negated) return notExpressible(env, scope.negatedBy, negated.error);
  return leaf(negated.filter);
}

function positiveFilter(cond: Exclude<Condition, AssociationCondition>, scope: Scope, env: CriteriaEnv): Filter | undefined {
  switch (cond.kind) {
    case 'property':
      return propertyFilter(cond, scope, env);
    case 'inList': {
      const id = cond.target.by === 'id' ? cond.target.text.replace(/^#/, '') : env.listIdFor(cond.target.text);
      return { filterType: 'IN_LIST', listId: id ?? listPlaceholder(cond.target.text), operator: 'IN_LIST' };
    }
    case 'formSubmission':
      return formFilter(cond, env);
    case 'emailEvent':
      return emailFilter(cond, env);
    case 'pageView':
      return pageFilter(cond, env);
    case 'subscription':
    case 'associationCount':
    case 'webinar':
    case 'cta':
    case 'adsSeen':
      return undefined; // compileSubscription / compileCount / compileActivity, before any filter is made
    case 'constant':
      return { filterType: 'CONSTANT', shouldAccept: cond.accept };
    case 'conditionRef':
      // The workspace writes named conditions in before compiling (language/definitions); one left is undefined.
      return fail(env, cond, `The named condition \`${cond.name.text}\` is not defined in the workspace, so the list cannot be compiled.`);
    case 'error':
      return undefined;
  }
}

function propertyFilter(cond: PropertyCondition, scope: Scope, env: CriteriaEnv): PropertyFilter | undefined {
  const properties = propertiesOf(env.schema, scope.object);
  const prop = properties.get(cond.property.text);
  const objectWord = OBJECT_WORDS[scope.object];
  if (!prop) {
    fail(env, cond.property, `Unknown ${objectWord} property \`${cond.property.text}\`, so the list cannot be compiled.`);
    return undefined;
  }
  const operands = cond.operands;
  if (operands.kind === 'list' && operands.valueSet && operands.values.length === 0) {
    fail(env, operands, `The value set \`${operands.valueSet.text}\` is not defined in the workspace, so the list cannot be compiled.`);
    return undefined;
  }
  const result = compileOperation(cond, prop, { zone: env.zone, property: (name) => properties.get(name) });
  if ('error' in result) {
    fail(env, cond, `\`${cond.property.text} ${cond.operator}\` cannot be compiled: ${result.error}.`);
    return undefined;
  }
  return { filterType: 'PROPERTY', property: prop.name, operation: result.operation };
}

function formFilter(cond: FormSubmissionCondition, env: CriteriaEnv): Filter | undefined {
  const filter: FormSubmissionFilter = { filterType: 'FORM_SUBMISSION', operator: 'FILLED_OUT' };
  // A form's name (with the pulled forms) becomes its id; the checker stops a name it cannot resolve.
  if (cond.formId) filter.formId = formIdOf(cond.formId.text, env.schema);
  if (cond.count) {
    const count = occurrencesRefine(cond.count);
    if (isRefineProblem(count)) return fail(env, count.at, `${count.message} So the list cannot be compiled.`);
    filter.coalescingRefineBy = count;
  }
  const window = lastDaysRefine(cond.withinLastDays);
  if (typeof window === 'string') return fail(env, cond.withinLastDays ?? cond, window);
  if (window) filter.pruningRefineBy = window;
  if (cond.window) {
    const absolute = absoluteWindowRefine(cond.window, env.zone);
    if (isRefineProblem(absolute)) return fail(env, absolute.at, `${absolute.message} So the list cannot be compiled.`);
    filter.pruningRefineBy = absolute;
  }
  return cond.page ? onPage(filter, cond.page, env) : filter;
}

/** The same submissions narrowed to one page: FORM_SUBMISSION_ON_PAGE takes the form's count and window alike. */
function onPage(filter: FormSubmissionFilter, page: PageRef, env: CriteriaEnv): FormSubmissionOnPageFilter | undefined {
  // HubSpot compares page ids: a name that names no one page cannot be sent (the checker says which and why).
  const pageId = pageIdOf(page, env.schema);
  if (pageId === undefined) return fail(env, page, `Page "${page.text}" does not name one page of the pulled pages, so the list cannot be compiled; write the page's id (\`on page #123\`).`);
  const { filterType: _form, operator, ...refined } = filter;
  return { filterType: 'FORM_SUBMISSION_ON_PAGE', operator, pageId, ...refined };
}

function emailFilter(cond: EmailEventCondition, env: CriteriaEnv): Filter | undefined {
  // An event over any email is written out as a contact property before compiling (language/any-email.ts): one left cannot be said.
  if (cond.email.by === 'any') {
    const meaning = anyEmailMeaning(cond);
    return 'problem' in meaning ? fail(env, meaning.at, `${meaning.problem}, so the list cannot be compiled.`) : fail(env, cond, 'An event over any marketing email was not written out as its contact property, so the list cannot be compiled.');
  }
  const operator = emailEventOperator(cond);
  if (!operator) return fail(env, cond.event, `\`${cond.event.text}\` is not a marketing email event, so the list cannot be compiled.`);
  // A name that resolves was written as its campaign ids before compiling (language/email-names.ts); one left cannot be.
  if (cond.email.by === 'name') {
    const meaning = emailNameMeaning(cond, env.schema.marketingEmails);
    const why = meaning && 'problem' in meaning ? meaning.problem : `marketing email "${cond.email.name.text}" was not written as its campaign ids`;
    return fail(env, cond.email.name, `${why[0].toUpperCase()}${why.slice(1)}, so the list cannot be compiled: write \`marketing email #<emailId> of app #<appId>\` or pull the schema (docs/language.md#marketing-emails-by-name).`);
  }
  const lastDays = lastDaysRefine(cond.withinLastDays);
  if (typeof lastDays === 'string') return fail(env, cond.withinLastDays ?? cond, lastDays);
  const absolute = cond.window ? absoluteWindowRefine(cond.window, env.zone) : undefined;
  if (absolute && isRefineProblem(absolute)) return fail(env, absolute.at, `${absolute.message} So the list cannot be compiled.`);
  // HubSpot allows clickUrl only with LINK_CLICKED (its list filter definitions).
  if (cond.clickUrl && operator !== 'LINK_CLICKED') return fail(env, cond.clickUrl, `\`link "…"\` goes only with \`clicked\` (HubSpot takes a clickUrl only on LINK_CLICKED), so the list cannot be compiled.`);
  return emailEventFilter({ emailId: cond.email.emailId.text, appId: cond.email.appId.text }, operator, absolute ?? lastDays, cond.clickUrl?.text);
}

function pageFilter(cond: PageViewCondition, env: CriteriaEnv): Filter | undefined {
  const window = lastDaysRefine(cond.withinLastDays);
  if (typeof window === 'string') return fail(env, cond.withinLastDays ?? cond, window);
  const times = timesCount(cond.atLeastTimes);
  if (typeof times === 'string') return fail(env, cond.atLeastTimes ?? cond, times);
  return pageViewFilter(cond, PAGE_OPERATORS[cond.match].positive, window, times);
}

/** One filter; under `not`, the OR of the filters of every other status (HubSpot takes one status per filter). */
function compileSubscription(cond: SubscriptionCondition, scope: Scope, env: CriteriaEnv): Tree | undefined {
  const channel = channelOf(cond);
  if (!channel) return fail(env, cond.channel, `\`${cond.channel.text}\` is not a subscription channel; use email, sms or whatsapp.`);
  if (!cond.all && cond.subscriptions.length === 0) return fail(env, cond, 'Name the subscription by its id, such as `#123`, or by its name.');
  const ids: string[] = [];
  for (const ref of cond.subscriptions) {
    // A name means the one pulled definition of that name and channel (the checker stops any other).
    const id = subscriptionIdOf(ref, channel, env.schema);
    if (id === undefined) return fail(env, ref, `The subscription "${ref.text}" names no one ${channel} subscription of the pulled schema; write its id (\`#123\`).`);
    ids.push(id);
  }
  if (!scope.negatedBy) return leaf(subscriptionFilter(channel, ids, cond.all, OPT_STATE[cond.status]));
  const children = negatedSubscriptionFilters(channel, cond, ids).map(leaf);
  return { kind: 'or', children };
}

/** WEBINAR and CTA take their own negated operators (so a `not` is written into the filter); ADS_TIME has none. */
function compileActivity(cond: WebinarCondition | CtaCondition | AdsSeenCondition, scope: Scope, env: CriteriaEnv): Tree | undefined {
  const negated = scope.negatedBy !== undefined;
  if (cond.kind === 'webinar') return leaf(webinarFilter(cond, negated));
  if (cond.kind === 'adsSeen' && scope.negatedBy) {
    return notExpressible(env, scope.negatedBy, 'HubSpot has no opposite of "saw any ad" (ADS_TIME has no operator), so `not` cannot apply to `saw any ad …`.');
  }
  if (cond.kind === 'cta' && cond.count && scope.negatedBy) return notExpressible(env, scope.negatedBy, CTA_COUNT_NOT);
  const filter = cond.kind === 'cta' ? ctaFilter(cond, negated, env.zone) : adsTimeFilter(cond, env.zone);
  if (isActivityProblem(filter)) return fail(env, filter.at, `${filter.message} So the list cannot be compiled.`);
  return leaf(filter);
}

/** NUM_ASSOCIATIONS; under `not`, the complementary counts (`nobody` when there is none). */
function compileCount(cond: AssociationCountCondition, scope: Scope, env: CriteriaEnv): Tree | undefined {
  const kind = countKind(cond);
  if (typeof kind === 'string') return fail(env, cond.objectType, `${kind}.`);
  const range = countRange(cond.comparison);
  if (typeof range === 'string') return fail(env, cond.comparison, `\`${cond.comparison.operator}\` here cannot be compiled: ${range}.`);
  const filters = countFilters(kind, cond.primary, range, scope.negatedBy !== undefined);
  if (filters.length === 0) return leaf({ filterType: 'CONSTANT', shouldAccept: false });
  return filters.length === 1 ? leaf(filters[0]) : { kind: 'or', children: filters.map(leaf) };
}

/** ∃ company: (A ∨ B)  =  (∃ company: A) ∨ (∃ company: B), so each AND of the inner DNF is one branch. */
function compileAssociation(cond: AssociationCondition, scope: Scope, env: CriteriaEnv): Tree | undefined {
  if (scope.object !== 'contacts') {
    return notExpressible(env, cond, 'An association cannot be nested inside another association in a HubSpot list.');
  }
  if (scope.negatedBy) {
    return notExpressible(
      env,
      scope.negatedBy,
      'HubSpot cannot negate an association filter (`not associated company where …`); move the `not` inside the `where` only if "some associated company does not …" is what you mean.',
    );
  }
  const kind = associationByWord(cond.objectType.text);
  const problem = associationProblem(cond);
  if (!kind || problem) return fail(env, cond, `This association cannot be compiled: ${problem ?? 'unknown object'}.`);
  if (!cond.where) return fail(env, cond, `\`associated ${kind.word}\` needs \`where\` and conditions on ${kind.word} properties.`);
  if (cond.label && labelIdOf(cond.label, kind.object, env.schema) === undefined) {
    return fail(env, cond.label, `The label "${cond.label.text}" names no one contact–${kind.word} association label of the pulled schema; write its id (\`labeled #12\`).`);
  }
  const inner = compileExpr(cond.where, { object: kind.object, negatedBy: undefined }, env);
  if (!inner || !withinLimits(inner, cond.where, env)) return undefined;
  const children: Tree[] = distribute(inner).map((items) => ({
    kind: 'item',
    item: {
      kind: 'association',
      branch: {
        filterBranchType: 'ASSOCIATION',
        objectTypeId: kind.objectTypeId,
        ...associationType(kind, cond, env),
        operator: 'IN_LIST',
        filters: withoutImpliedKnown(items.map((i) => (i as { filter: PropertyFilter }).filter)),
        filterBranches: [],
      },
    },
  }));
  return children.length === 1 ? children[0] : { kind: 'or', children };
}

/** The association type of the branch: a label's (USER_DEFINED), the primary company's, or the unlabeled one. */
function associationType(kind: AssociationKind, cond: AssociationCondition, env: CriteriaEnv): Pick<AssociationBranch, 'associationTypeId' | 'associationCategory'> {
  if (cond.label) {
    // A name means the pulled label of that name (the checker stops one it cannot resolve); its category
    // is HubSpot's (USER_DEFINED for labels people made).
    const match = matchLabel(cond.label, kind.object, env.schema);
    if (match.kind === 'name') return { associationTypeId: Number(match.label.typeId), associationCategory: match.label.category === 'HUBSPOT_DEFINED' ? 'HUBSPOT_DEFINED' : 'USER_DEFINED' };
    return { associationTypeId: Number(cond.label.text), associationCategory: 'USER_DEFINED' };
  }
  return { associationTypeId: cond.primary && kind.primaryTypeId !== undefined ? kind.primaryTypeId : kind.typeId, associationCategory: 'HUBSPOT_DEFINED' };
}

/** Reports `too-many-filters` on `span` when the tree's OR of ANDs would exceed HubSpot's limits. */
export function withinLimits(tree: Tree, span: Span, env: CriteriaEnv): boolean {
  const size = sizeOf(tree);
  if (size.filters <= MAX_FILTERS && size.branches <= MAX_AND_BRANCHES) return true;
  const what =
    size.filters > MAX_FILTERS
      ? `${describeCount(size.filters)} filters (HubSpot allows at most ${MAX_FILTERS} per list)`
      : `${describeCount(size.branches)} AND groups (at most ${MAX_AND_BRANCHES} are allowed)`;
  env.diagnostics.push(
    diagnostic(
      'too-many-filters',
      `Rewritten as HubSpot's OR of AND groups, these criteria need ${what}; factor out shared conditions or split the list.`,
      span,
    ),
  );
  return false;
}

function leaf(filter: Filter): Tree {
  const item: Item = { kind: 'filter', filter };
  return { kind: 'item', item };
}

function fail(env: CriteriaEnv, span: Span, message: string): undefined {
  env.diagnostics.push(diagnostic('not-compilable', message, span));
  return undefined;
}

function notExpressible(env: CriteriaEnv, span: Span, message: string): undefined {
  env.diagnostics.push(diagnostic('not-expressible', message, span));
  return undefined;
}
