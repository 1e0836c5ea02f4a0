// Resolves a parsed query against the org schema (unknown objects and fields, literal/field type
// mismatches become Salesforce's errors) and turns the WHERE clause into a record predicate.

import type { Condition, FieldRef, Literal, SoqlError, SoqlQuery } from './ast';
import { noSuchColumn, soqlError, unsupportedObject } from './errors';
import { compareValue, includesAny, isTextType, likeMatcher, type FieldValue } from './values';
import { findField, findObject, type SfFieldDef, type SfObjectDef, type SfObjects } from '../schema';

export type Row = Record<string, FieldValue>;
export type Predicate = (row: Row) => boolean;

export interface CompiledQuery {
  object: SfObjectDef;
  select: SfFieldDef[] | 'count';
  predicate: Predicate;
  orderBy: { field: SfFieldDef; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

class CompileFailure {
  constructor(readonly error: SoqlError) {}
}

/** `objects`: the org's schema as the querying user sees it (default: the emulator's starting schema). */
export function compileQuery(query: SoqlQuery, source: string, now: Date, objects?: SfObjects): CompiledQuery | SoqlError {
  const object = findObject(query.from.name, objects);
  if (!object) return unsupportedObject(source, query.from.offset, query.from.name);
  try {
    const resolve = (ref: FieldRef): SfFieldDef => resolveField(object, ref, source);
    const select = query.select === 'count' ? 'count' : selectList(query.select, resolve, source);
    const predicate = query.where ? new ConditionCompiler(source, now, resolve).compile(query.where) : () => true;
    const orderBy = query.orderBy.map((item) => ({ ...item, field: resolve(item.field) }));
    return { object, select, predicate, orderBy, limit: query.limit, offset: query.offset };
  } catch (failure) {
    if (failure instanceof CompileFailure) return failure.error;
    throw failure;
  }
}

function resolveField(object: SfObjectDef, ref: FieldRef, source: string): SfFieldDef {
  const field = findField(object, ref.name);
  if (!field) throw new CompileFailure(noSuchColumn(source, ref.offset, ref.name, object.name));
  return field;
}

function selectList(refs: FieldRef[], resolve: (ref: FieldRef) => SfFieldDef, source: string): SfFieldDef[] {
  const fields: SfFieldDef[] = [];
  for (const ref of refs) {
    const field = resolve(ref);
    if (fields.includes(field)) throw new CompileFailure(soqlError('MALFORMED_QUERY', source, ref.offset, `duplicate field selected: ${field.name}`));
    fields.push(field);
  }
  return fields;
}

class ConditionCompiler {
  constructor(
    private readonly source: string,
    private readonly now: Date,
    private readonly resolve: (ref: FieldRef) => SfFieldDef,
  ) {}

  compile(condition: Condition): Predicate {
    switch (condition.kind) {
      case 'and': { const parts = condition.items.map((c) => this.compile(c)); return (row) => parts.every((p) => p(row)); }
      case 'or': { const parts = condition.items.map((c) => this.compile(c)); return (row) => parts.some((p) => p(row)); }
      case 'not': { const inner = this.compile(condition.item); return (row) => !inner(row); }
      case 'compare': return this.comparison(condition);
      case 'set': return this.set(condition);
    }
  }

  private comparison(condition: Extract<Condition, { kind: 'compare' }>): Predicate {
    const field = this.resolve(condition.field);
    const { op, value: literal } = condition;
    this.checkLiteral(field, literal);
    if (op === 'LIKE') {
      if (!isTextType(field.type) || literal.kind !== 'string') this.fail(condition.field, `invalid operator on field: LIKE is only valid on string fields, not on ${field.name}`);
      const matches = likeMatcher(literal.kind === 'string' ? literal.value : '');
      return (row) => matches(row[field.name] ?? null);
    }
    if ((op !== '=' && op !== '!=') && (literal.kind === 'null' || field.type === 'boolean' || field.type === 'multipicklist')) {
      this.fail(condition.field, `invalid operator on field ${field.name}: ${op}`);
    }
    return (row) => compareValue(field, op, row[field.name] ?? null, literal, this.now);
  }

  private set(condition: Extract<Condition, { kind: 'set' }>): Predicate {
    const field = this.resolve(condition.field);
    condition.values.forEach((literal) => this.checkLiteral(field, literal));
    const multi = field.type === 'multipicklist';
    if ((condition.op === 'INCLUDES' || condition.op === 'EXCLUDES') && !multi) {
      this.fail(condition.field, 'includes or excludes operator only valid on multipicklist field');
    }
    const member = (row: Row): boolean => condition.values.some((literal) => compareValue(field, '=', row[field.name] ?? null, literal, this.now));
    switch (condition.op) {
      case 'IN': return member;
      case 'NOT IN': return (row) => !member(row);
      case 'INCLUDES': return (row) => includesAny(row[field.name] ?? null, condition.values);
      case 'EXCLUDES': return (row) => !includesAny(row[field.name] ?? null, condition.values);
    }
  }

  /** The literal must suit the field's type, in Salesforce's words when it does not. */
  private checkLiteral(field: SfFieldDef, literal: Literal): void {
    if (literal.kind === 'null') return;
    const expected = expectedKinds(field);
    if (expected.includes(literal.kind)) return;
    const typeName = field.type === 'datetime' ? 'dateTime' : field.type;
    const quoted = isTextType(field.type) ? 'should be enclosed in quotes' : 'should not be enclosed in quotes';
    throw new CompileFailure(soqlError('INVALID_FIELD', this.source, literal.offset,
      `value of filter criterion for field '${field.name}' must be of type ${typeName} and ${quoted}`));
  }

  private fail(ref: FieldRef, description: string): never {
    throw new CompileFailure(soqlError('INVALID_FIELD', this.source, ref.offset, description));
  }
}

function expectedKinds(field: SfFieldDef): Literal['kind'][] {
  if (isTextType(field.type)) return ['string'];
  if (field.type === 'boolean') return ['boolean'];
  if (field.type === 'date') return ['date', 'dateLiteral'];
  if (field.type === 'datetime') return ['datetime', 'dateLiteral'];
  return ['number'];
}
