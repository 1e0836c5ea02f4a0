// filterBranch JSON → a `where` expression. OR/AND branches become `or`/`and`; an ASSOCIATION
// branch to companies becomes `associated company where …`; IN_LIST, FORM_SUBMISSION and CONSTANT
// filters their conditions. Whatever has no phrase is reported (`not-representable`), and then the
// list as a whole is not decompiled (decompile.ts).

import type { Expr } from '@hslist/grammar';
import type { PropertyDef } from '../language/schema-types';
import * as ast from './decompile-ast';
import { decompilePropertyFilter, type OperationEnv } from './decompile-operation';
import { decompileCommunicationSubscription, decompileCount, decompileEmailEvent, decompileEmailSubscription, decompilePageView } from './decompile-events';
import { arrayField, isObject, Reporter, type Json } from './decompile-report';
import { decompileForm } from './decompile-form';
import { decompileAdsTime, decompileCta, decompileWebinar } from './decompile-activity';
import { isNegative } from '../language/checks/no-value';
import { associationByObjectTypeId, type AssociationKind } from '../language/associations';
import type { AssociatedObjectName } from '../language/schema-types';

export interface BranchEnv {
  zone: string;
  r: Reporter;
  contacts: Map<string, PropertyDef>;
  companies: Map<string, PropertyDef>;
  /** Deal and ticket properties (HubSpot's standard ones when the schema has none). */
  deals: Map<string, PropertyDef>;
  tickets: Map<string, PropertyDef>;
  listNameFor(id: string): string | undefined;
}

/** Whose properties the filters of a branch read. */
type Scope = 'contacts' | AssociatedObjectName;

/** HubSpot echoes `filterBranchOperator`; either field names the branch. */
function branchType(b: Json): string | undefined {
  const t = b.filterBranchType ?? b.filterBranchOperator;
  return typeof t === 'string' ? t.toUpperCase() : undefined;
}

export function decompileBranch(b: unknown, path: string, env: BranchEnv, scope: Scope = 'contacts'): Expr | undefined {
  if (!isObject(b)) return env.r.invalid(path, 'must be a filter branch object');
  const type = branchType(b);
  if (type !== 'OR' && type !== 'AND') {
    return env.r.notRepresentable(path, `a ${type ?? 'untyped'} filter branch`);
  }
  const filters = arrayField(b, 'filters', path, env.r, true) ?? [];
  const branches = arrayField(b, 'filterBranches', path, env.r, true) ?? [];
  const parts: Expr[] = [];
  filters.forEach((f, i) => push(parts, decompileFilter(f, `${path}.filters[${i}]`, env, scope)));
  branches.forEach((sub, i) => push(parts, decompileChild(sub, `${path}.filterBranches[${i}]`, env, scope)));
  if (parts.length === 0) return undefined;
  return type === 'OR' ? ast.or(parts) : ast.and(withKnown(parts, env[scope]));
}

/**
 * `P is not X` leaves out contacts with no value for P; the pulled text says so with `and P is known`
 * (which the compiler drops as implied, so the JSON is the same and `unknown-excluded` is answered).
 */
function withKnown(parts: Expr[], properties: Map<string, PropertyDef>): Expr[] {
  const said = new Set(parts.flatMap((p) => (p.kind === 'property' && p.operator === 'is known' ? [p.property.text] : [])));
  const out: Expr[] = [];
  for (const p of parts) {
    out.push(p);
    if (p.kind !== 'property' || said.has(p.property.text) || !isNegative(p, properties.get(p.property.text))) continue;
    said.add(p.property.text);
    out.push(ast.propertyCondition(p.property.text, 'is known', { ...ast.NO_SPAN, kind: 'none' }, false));
  }
  return out;
}

function push(parts: Expr[], e: Expr | undefined): void {
  if (e) parts.push(e);
}

function decompileChild(b: unknown, path: string, env: BranchEnv, scope: Scope): Expr | undefined {
  if (isObject(b) && branchType(b) === 'ASSOCIATION') {
    if (scope !== 'contacts') return env.r.notRepresentable(path, 'an association inside an association');
    return decompileAssociation(b, path, env);
  }
  // A nested OR inside an AND needs parentheses, which `ast.and` adds.
  return decompileBranch(b, path, env, scope);
}

function decompileAssociation(b: Json, path: string, env: BranchEnv): Expr | undefined {
  const kind = associationByObjectTypeId(b.objectTypeId);
  if (!kind) return env.r.notRepresentable(`${path}.objectTypeId`, `an association to object type ${String(b.objectTypeId)}`);
  if (b.operator !== 'IN_LIST') return env.r.notRepresentable(`${path}.operator`, `an association branch with operator ${String(b.operator)}`);
  const type = associationTypeOf(b, kind, path, env);
  if (!type) return undefined;
  const inner = decompileBranch({ ...b, filterBranchType: 'AND', filterBranchOperator: undefined }, path, env, kind.object);
  if (!inner) return env.r.notRepresentable(path, 'an association branch with no representable filters');
  // Always in parentheses: otherwise the text after it would read as part of the record's criteria.
  const where = inner.kind === 'paren' ? inner : ast.paren(inner);
  const node: Expr = { ...ast.NO_SPAN, kind: 'association', objectType: ast.name(kind.word), primary: type.primary, where };
  return type.label ? { ...node, label: ast.name(type.label) } : node;
}

/**
 * The unlabeled association, the primary company, or a label (USER_DEFINED). Any other type is not
 * representable: read as "any associated record" it would match more contacts than HubSpot's list does.
 */
function associationTypeOf(b: Json, kind: AssociationKind, path: string, env: BranchEnv): { primary: boolean; label?: string } | undefined {
  const id = b.associationTypeId;
  if (b.associationCategory === 'USER_DEFINED' && typeof id === 'number' && Number.isInteger(id) && id > 0) return { primary: false, label: String(id) };
  if (b.associationCategory === 'HUBSPOT_DEFINED' && id === kind.typeId) return { primary: false };
  if (b.associationCategory === 'HUBSPOT_DEFINED' && kind.primaryTypeId !== undefined && id === kind.primaryTypeId) return { primary: true };
  return env.r.notRepresentable(`${path}.associationTypeId`, `the ${String(b.associationCategory)} association type ${String(id)}`);
}

function decompileFilter(f: unknown, path: string, env: BranchEnv, scope: Scope): Expr | undefined {
  if (!isObject(f)) return env.r.invalid(path, 'must be a filter object');
  const type = f.filterType;
  if (scope !== 'contacts' && type !== 'PROPERTY') return env.r.notRepresentable(path, `a ${String(type)} filter inside an association`);
  switch (type) {
    case 'PROPERTY': {
      const opEnv: OperationEnv = { zone: env.zone, r: env.r, properties: env[scope] };
      return decompilePropertyFilter(f, path, opEnv);
    }
    case 'IN_LIST':
      return decompileInList(f, path, env);
    case 'FORM_SUBMISSION':
    case 'FORM_SUBMISSION_ON_PAGE':
      return decompileForm(f, path, { zone: env.zone, r: env.r });
    case 'EMAIL_SUBSCRIPTION':
      return decompileEmailSubscription(f, path, env.r);
    case 'COMMUNICATION_SUBSCRIPTION':
      return decompileCommunicationSubscription(f, path, env.r);
    case 'NUM_ASSOCIATIONS':
      return decompileCount(f, path, env.r);
    case 'EMAIL_EVENT':
      return decompileEmailEvent(f, path, { zone: env.zone, r: env.r });
    case 'PAGE_VIEW':
      return decompilePageView(f, path, env.r);
    case 'WEBINAR':
      return decompileWebinar(f, path, { zone: env.zone, r: env.r });
    case 'CTA':
      return decompileCta(f, path, { zone: env.zone, r: env.r });
    case 'ADS_TIME':
      return decompileAdsTime(f, path, { zone: env.zone, r: env.r });
    case 'CONSTANT':
      if (typeof f.shouldAccept !== 'boolean') return env.r.invalid(`${path}.shouldAccept`, 'must be true or false');
      return { ...ast.NO_SPAN, kind: 'constant', accept: f.shouldAccept };
    default:
      return env.r.notRepresentable(path, `a ${typeof type === 'string' ? type : 'untyped'} filter`);
  }
}

function negatedBy(operator: unknown, positive: string, negative: string, path: string, env: BranchEnv): boolean | undefined {
  if (operator === positive) return false;
  if (operator === negative) return true;
  env.r.invalid(`${path}.operator`, `must be ${positive} or ${negative}`);
  return undefined;
}

function decompileInList(f: Json, path: string, env: BranchEnv): Expr | undefined {
  if (f.metadata !== undefined) return env.r.notRepresentable(`${path}.metadata`, 'a workflow or import membership filter');
  const negated = negatedBy(f.operator, 'IN_LIST', 'NOT_IN_LIST', path, env);
  const id = typeof f.listId === 'string' || typeof f.listId === 'number' ? String(f.listId) : undefined;
  if (id === undefined) return env.r.invalid(`${path}.listId`, 'must be a list id');
  if (negated === undefined) return undefined;
  const placeholder = /^\$list:(.+)$/.exec(id)?.[1];
  const listName = placeholder ?? env.listNameFor(id);
  const target = listName !== undefined ? { ...ast.name(listName), by: 'name' as const } : { ...ast.name(id), by: 'id' as const };
  const cond: Expr = { ...ast.NO_SPAN, kind: 'inList', target };
  return negated ? ast.not(cond) : cond;
}

