// A `where` expression → an and/or tree of compiled items with every `not` pushed to the leaves
// (De Morgan). Leaves that cannot be compiled or negated are reported and come back undefined;
// the caller then returns no request for the list.

import { type AssociationCondition, type Condition, type Expr, type PropertyCondition, type Span, diagnostic, type Diagnostic } from '@hslist/grammar';
import type { ObjectTypeName, Schema } from '../../language/schema-types';
import {
  COMPANIES_OBJECT_TYPE_ID,
  CONTACT_TO_COMPANY_TYPE_ID,
  PRIMARY_COMPANY_TYPE_ID,
  MAX_AND_BRANCHES,
  MAX_FILTERS,
  listPlaceholder,
  type Filter,
  type PropertyFilter,
} from '../filter-branch';
import { describeCount, distribute, sizeOf, type Item, type Tree } from './dnf';
import { negateFilter } from './negate';
import { withoutImpliedKnown } from './implied';
import { compileOperation } from './operation';

export interface CriteriaEnv {
  schema: Schema;
  zone: string;
  listIdFor(name: string): string | undefined;
  diagnostics: Diagnostic[];
}

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
    return notExpressible(env, cond, 'Inside `associated company where`, only company property conditions can be used.');
  }
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
  const properties = env.schema.objects[scope.object];
  const prop = properties.get(cond.property.text);
  const objectWord = scope.object === 'contacts' ? 'contact' : 'company';
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

function formFilter(cond: Extract<Condition, { kind: 'formSubmission' }>, env: CriteriaEnv): Filter | undefined {
  const filter: Filter = { filterType: 'FORM_SUBMISSION', operator: 'FILLED_OUT' };
  if (cond.formId) filter.formId = cond.formId.text;
  const days = cond.withinLastDays;
  if (days) {
    if (days.kind !== 'number' || !Number.isInteger(days.value) || days.value < 1) {
      fail(env, days, 'The number of days after `in last` must be a whole number, 1 or more.');
      return undefined;
    }
    filter.pruningRefineBy = {
      type: 'RELATIVE_COMPARATIVE',
      comparison: 'AFTER',
      timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: days.value },
    };
  }
  return filter;
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
  const objectType = cond.objectType.text.toLowerCase();
  if (objectType !== 'company' && objectType !== 'companies') {
    return fail(env, cond.objectType, `Only \`associated company\` is supported, not \`${cond.objectType.text}\`.`);
  }
  if (!cond.where) return fail(env, cond, '`associated company` needs `where` and conditions on company properties.');
  const inner = compileExpr(cond.where, { object: 'companies', negatedBy: undefined }, env);
  if (!inner || !withinLimits(inner, cond.where, env)) return undefined;
  const children: Tree[] = distribute(inner).map((items) => ({
    kind: 'item',
    item: {
      kind: 'association',
      branch: {
        filterBranchType: 'ASSOCIATION',
        objectTypeId: COMPANIES_OBJECT_TYPE_ID,
        associationTypeId: cond.primary ? PRIMARY_COMPANY_TYPE_ID : CONTACT_TO_COMPANY_TYPE_ID,
        associationCategory: 'HUBSPOT_DEFINED',
        operator: 'IN_LIST',
        filters: withoutImpliedKnown(items.map((i) => (i as { filter: PropertyFilter }).filter)),
        filterBranches: [],
      },
    },
  }));
  return children.length === 1 ? children[0] : { kind: 'or', children };
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
