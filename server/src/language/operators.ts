// The one table that says which HubSpot operation each operator phrase becomes for each kind of
// property. Checks (is this operator valid here?), the compiler, the decompiler and completion all
// read it, so the language cannot drift from what HubSpot accepts.

import type { Operand, SurfaceOperator } from '@hslist/grammar';

/** How the language groups HubSpot property types. `date` covers both `date` and `datetime`. */
export type TypeClass = 'string' | 'number' | 'bool' | 'enumeration' | 'date' | 'other';

export type OperandKind = Operand['kind'];

export type OperationType =
  | 'ALL_PROPERTY'
  | 'STRING'
  | 'MULTISTRING'
  | 'NUMBER'
  | 'NUMBER_RANGED'
  | 'BOOL'
  | 'ENUMERATION'
  | 'TIME_POINT'
  | 'TIME_RANGED'
  | 'ROLLING_PROPERTY_UPDATED'
  | 'CALENDAR_DATE'
  | 'COMPARATIVE_DATE';

export interface OperatorRow {
  surface: SurfaceOperator;
  operand: OperandKind;
  /** `any` rows apply to every type class. */
  types: TypeClass[] | 'any';
  operationType: OperationType;
  operator: string;
  /**
   * Enumeration rows that differ between single-select and multi-select (checkbox) properties: on a
   * multi-select HubSpot's "is equal to" means the whole set (Lists FAQ), so `is` is IS_EXACTLY there.
   */
  cardinality?: 'single' | 'multi';
  /** `UPDATED_AT`: the operation compares the time of the property's last update, not its value. */
  propertyParser?: 'UPDATED_AT';
}

const S: TypeClass[] = ['string'];
const N: TypeClass[] = ['number'];
const B: TypeClass[] = ['bool'];
const E: TypeClass[] = ['enumeration'];
const D: TypeClass[] = ['date'];

function row(
  surface: SurfaceOperator,
  operand: OperandKind,
  types: TypeClass[] | 'any',
  operationType: OperationType,
  operator: string,
  extra: Pick<OperatorRow, 'cardinality' | 'propertyParser'> = {},
): OperatorRow {
  return { surface, operand, types, operationType, operator, ...extra };
}

const SINGLE = { cardinality: 'single' } as const;
const MULTI = { cardinality: 'multi' } as const;
const UPDATED_AT = { propertyParser: 'UPDATED_AT' } as const;

export const OPERATOR_TABLE: readonly OperatorRow[] = [
  row('is known', 'none', 'any', 'ALL_PROPERTY', 'IS_KNOWN'),
  row('is unknown', 'none', 'any', 'ALL_PROPERTY', 'IS_UNKNOWN'),
  row('is blank', 'none', 'any', 'ALL_PROPERTY', 'IS_BLANK'),
  row('is not blank', 'none', 'any', 'ALL_PROPERTY', 'IS_NOT_BLANK'),
  row('updated in last', 'days', 'any', 'ROLLING_PROPERTY_UPDATED', 'UPDATED_IN_LAST_X_DAYS'),
  row('not updated in last', 'days', 'any', 'ROLLING_PROPERTY_UPDATED', 'NOT_UPDATED_IN_LAST_X_DAYS'),
  row('updated before', 'single', 'any', 'TIME_POINT', 'IS_BEFORE', UPDATED_AT),
  row('updated after', 'single', 'any', 'TIME_POINT', 'IS_AFTER', UPDATED_AT),
  row('updated between', 'range', 'any', 'TIME_RANGED', 'IS_BETWEEN', UPDATED_AT),

  row('is', 'single', S, 'STRING', 'IS_EQUAL_TO'),
  row('is', 'single', N, 'NUMBER', 'IS_EQUAL_TO'),
  row('is', 'single', B, 'BOOL', 'IS_EQUAL_TO'),
  row('is', 'single', E, 'ENUMERATION', 'IS_ANY_OF', SINGLE),
  row('is', 'single', E, 'ENUMERATION', 'IS_EXACTLY', MULTI),
  row('is', 'single', D, 'TIME_RANGED', 'IS_BETWEEN'), // the whole day, in the list's time zone
  row('is not', 'single', S, 'STRING', 'IS_NOT_EQUAL_TO'),
  row('is not', 'single', N, 'NUMBER', 'IS_NOT_EQUAL_TO'),
  row('is not', 'single', B, 'BOOL', 'IS_NOT_EQUAL_TO'),
  row('is not', 'single', E, 'ENUMERATION', 'IS_NONE_OF', SINGLE),
  row('is not', 'single', E, 'ENUMERATION', 'IS_NOT_EXACTLY', MULTI),
  row('is not', 'single', D, 'TIME_RANGED', 'IS_NOT_BETWEEN'),

  row('is any of', 'list', S, 'MULTISTRING', 'IS_EQUAL_TO'),
  row('is any of', 'list', E, 'ENUMERATION', 'IS_ANY_OF'),
  row('is none of', 'list', S, 'MULTISTRING', 'IS_NOT_EQUAL_TO'),
  row('is none of', 'list', E, 'ENUMERATION', 'IS_NONE_OF'),
  row('is exactly', 'list', E, 'ENUMERATION', 'IS_EXACTLY'),
  row('is not exactly', 'list', E, 'ENUMERATION', 'IS_NOT_EXACTLY'),
  row('contains all of', 'list', E, 'ENUMERATION', 'CONTAINS_ALL'),
  row('does not contain all of', 'list', E, 'ENUMERATION', 'DOES_NOT_CONTAIN_ALL'),
  // HubSpot's "contains any of" on a multi-select: at least one of the values is in the set.
  row('contains', 'single', E, 'ENUMERATION', 'IS_ANY_OF', MULTI),
  row('does not contain', 'single', E, 'ENUMERATION', 'IS_NONE_OF', MULTI),
  row('contains any of', 'list', E, 'ENUMERATION', 'IS_ANY_OF', MULTI),
  row('does not contain any of', 'list', E, 'ENUMERATION', 'IS_NONE_OF', MULTI),

  row('contains', 'single', S, 'STRING', 'CONTAINS'),
  row('does not contain', 'single', S, 'STRING', 'DOES_NOT_CONTAIN'),
  row('contains any of', 'list', S, 'MULTISTRING', 'CONTAINS'),
  row('does not contain any of', 'list', S, 'MULTISTRING', 'DOES_NOT_CONTAIN'),
  row('starts with', 'single', S, 'STRING', 'STARTS_WITH'),
  row('starts with', 'list', S, 'MULTISTRING', 'STARTS_WITH'),
  row('ends with', 'single', S, 'STRING', 'ENDS_WITH'),
  row('ends with', 'list', S, 'MULTISTRING', 'ENDS_WITH'),
  row('contains exactly', 'single', S, 'MULTISTRING', 'CONTAINS_EXACTLY'),
  row('does not contain exactly', 'single', S, 'MULTISTRING', 'DOES_NOT_CONTAIN_EXACTLY'),

  row('>', 'single', N, 'NUMBER', 'IS_GREATER_THAN'),
  row('>=', 'single', N, 'NUMBER', 'IS_GREATER_THAN_OR_EQUAL_TO'),
  row('<', 'single', N, 'NUMBER', 'IS_LESS_THAN'),
  row('<=', 'single', N, 'NUMBER', 'IS_LESS_THAN_OR_EQUAL_TO'),
  row('is between', 'range', N, 'NUMBER_RANGED', 'IS_BETWEEN'),
  row('is not between', 'range', N, 'NUMBER_RANGED', 'IS_NOT_BETWEEN'),
  row('is between', 'range', D, 'TIME_RANGED', 'IS_BETWEEN'),
  row('is not between', 'range', D, 'TIME_RANGED', 'IS_NOT_BETWEEN'),

  row('is before', 'single', D, 'TIME_POINT', 'IS_BEFORE'),
  row('is after', 'single', D, 'TIME_POINT', 'IS_AFTER'),
  // Another date property of the same record: HubSpot's PROPERTY_REFERENCED time point (its list
  // filters overview, "Is Before or After another property"); COMPARATIVE_DATE, the older encoding
  // of the same comparison, is still read back (decompile-operation.ts).
  row('is before', 'property', D, 'TIME_POINT', 'IS_BEFORE'),
  row('is after', 'property', D, 'TIME_POINT', 'IS_AFTER'),
  // HubSpot's own encoding of the UI's relative dates: INDEXED time points (compile/relative.ts).
  row('is less than days ago', 'days', D, 'TIME_RANGED', 'IS_BETWEEN'),
  row('is more than days ago', 'days', D, 'TIME_POINT', 'IS_BEFORE'),
  row('is less than days from now', 'days', D, 'TIME_RANGED', 'IS_BETWEEN'),
  row('is more than days from now', 'days', D, 'TIME_POINT', 'IS_AFTER'),
  row('is in this', 'calendar', D, 'CALENDAR_DATE', 'IN_THIS_TIME_UNIT'),
  row('is in this so far', 'calendar', D, 'CALENDAR_DATE', 'IN_THIS_TIME_UNIT_SO_FAR'),
  row('is in next', 'calendar', D, 'CALENDAR_DATE', 'IN_NEXT_TIME_UNIT'),
  row('is in last', 'calendar', D, 'CALENDAR_DATE', 'IN_LAST_TIME_UNIT'),

  row('has ever been', 'single', S, 'STRING', 'HAS_EVER_BEEN_EQUAL_TO'),
  row('has never been', 'single', S, 'STRING', 'HAS_NEVER_BEEN_EQUAL_TO'),
  row('has ever been', 'single', N, 'NUMBER', 'HAS_EVER_BEEN_EQUAL_TO'),
  row('has never been', 'single', N, 'NUMBER', 'HAS_NEVER_BEEN_EQUAL_TO'),
  row('has ever been', 'single', B, 'BOOL', 'HAS_EVER_BEEN_EQUAL_TO'),
  row('has never been', 'single', B, 'BOOL', 'HAS_NEVER_BEEN_EQUAL_TO'),
  row('has ever been', 'single', E, 'ENUMERATION', 'HAS_EVER_BEEN_ANY_OF'),
  row('has ever been', 'list', E, 'ENUMERATION', 'HAS_EVER_BEEN_ANY_OF'),
  row('has never been', 'single', E, 'ENUMERATION', 'HAS_NEVER_BEEN_ANY_OF'),
  row('has never been', 'list', E, 'ENUMERATION', 'HAS_NEVER_BEEN_ANY_OF'),
  row('has ever been exactly', 'list', E, 'ENUMERATION', 'HAS_EVER_BEEN_EXACTLY'),
  row('has never been exactly', 'list', E, 'ENUMERATION', 'HAS_NEVER_BEEN_EXACTLY'),
  row('has ever contained', 'single', S, 'STRING', 'HAS_EVER_CONTAINED'),
  row('has never contained', 'single', S, 'STRING', 'HAS_NEVER_CONTAINED'),
  row('has ever contained', 'list', E, 'ENUMERATION', 'HAS_EVER_CONTAINED_ALL'),
  row('has never contained', 'list', E, 'ENUMERATION', 'HAS_NEVER_CONTAINED_ALL'),
];

/** HubSpot property `type` → the language's type class. Unknown future types get only the `any` operators. */
export function typeClassOf(hubspotType: string): TypeClass {
  switch (hubspotType) {
    case 'string':
    case 'phone_number':
      return 'string';
    case 'number':
      return 'number';
    case 'bool':
    case 'boolean':
      return 'bool';
    case 'enumeration':
      return 'enumeration';
    case 'date':
    case 'datetime':
      return 'date';
    default:
      return 'other';
  }
}

/** A multi-select (checkbox) enumeration: its value is a set of options, not one. */
export function isMultiSelect(def: { type: string; fieldType?: string }): boolean {
  return def.type === 'enumeration' && def.fieldType === 'checkbox';
}

function rowApplies(r: OperatorRow, typeClass: TypeClass, multi: boolean): boolean {
  if (r.cardinality !== undefined && (r.cardinality === 'multi') !== multi) return false;
  return r.types === 'any' || r.types.includes(typeClass);
}

/**
 * The HubSpot operation for an operator phrase with this operand shape on a property of this type
 * class (`multi`: a multi-select enumeration).
 */
export function resolveOperation(
  surface: SurfaceOperator,
  operand: OperandKind,
  typeClass: TypeClass,
  multi = false,
): OperatorRow | undefined {
  return OPERATOR_TABLE.find((r) => r.surface === surface && r.operand === operand && rowApplies(r, typeClass, multi));
}

/** `resolveOperation` for a property of the schema. */
export function operationFor(surface: SurfaceOperator, operand: OperandKind, def: { type: string; fieldType?: string }): OperatorRow | undefined {
  return resolveOperation(surface, operand, typeClassOf(def.type), isMultiSelect(def));
}

/** Every operator phrase valid for a type class (for completion and for the "valid here are…" message). */
export function operatorsFor(typeClass: TypeClass, multi = typeClass === 'enumeration'): SurfaceOperator[] {
  const seen = new Set<SurfaceOperator>();
  for (const r of OPERATOR_TABLE) if (rowApplies(r, typeClass, multi)) seen.add(r.surface);
  return [...seen];
}

/** The type classes an operator phrase works on (for messages such as "`>` works on numbers"). */
export function typeClassesFor(surface: SurfaceOperator): TypeClass[] | 'any' {
  const classes = new Set<TypeClass>();
  for (const r of OPERATOR_TABLE) {
    if (r.surface !== surface) continue;
    if (r.types === 'any') return 'any';
    r.types.forEach((t) => classes.add(t));
  }
  return [...classes];
}

/** Rows for a HubSpot operation (the decompiler's direction). */
export function rowsForOperation(operationType: string, operator: string): OperatorRow[] {
  return OPERATOR_TABLE.filter((r) => r.operationType === operationType && r.operator === operator);
}

/**
 * The operator that selects exactly the contacts-with-a-value that `operator` rejects, within the
 * same operation type. Used to push `not` into a filter. Absent where HubSpot has no such operator
 * (STARTS_WITH, ENDS_WITH, CALENDAR_DATE, COMPARATIVE_DATE, ...): the compiler
 * then reports `not-expressible` instead of changing the meaning.
 * IS_KNOWN / IS_UNKNOWN are complementary on their own and need no no-value flag.
 */
const NEGATIONS: Record<string, Record<string, string>> = {
  ALL_PROPERTY: pairs(['IS_KNOWN', 'IS_UNKNOWN'], ['IS_BLANK', 'IS_NOT_BLANK']),
  STRING: pairs(
    ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO'],
    ['CONTAINS', 'DOES_NOT_CONTAIN'],
    ['HAS_EVER_BEEN_EQUAL_TO', 'HAS_NEVER_BEEN_EQUAL_TO'],
    ['HAS_EVER_CONTAINED', 'HAS_NEVER_CONTAINED'],
  ),
  MULTISTRING: pairs(
    ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO'],
    ['CONTAINS', 'DOES_NOT_CONTAIN'],
    ['CONTAINS_EXACTLY', 'DOES_NOT_CONTAIN_EXACTLY'],
  ),
  NUMBER: pairs(
    ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO'],
    ['IS_GREATER_THAN', 'IS_LESS_THAN_OR_EQUAL_TO'],
    ['IS_LESS_THAN', 'IS_GREATER_THAN_OR_EQUAL_TO'],
    ['HAS_EVER_BEEN_EQUAL_TO', 'HAS_NEVER_BEEN_EQUAL_TO'],
  ),
  NUMBER_RANGED: pairs(['IS_BETWEEN', 'IS_NOT_BETWEEN']),
  BOOL: pairs(['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO'], ['HAS_EVER_BEEN_EQUAL_TO', 'HAS_NEVER_BEEN_EQUAL_TO']),
  ENUMERATION: pairs(
    ['IS_ANY_OF', 'IS_NONE_OF'],
    ['IS_EXACTLY', 'IS_NOT_EXACTLY'],
    ['CONTAINS_ALL', 'DOES_NOT_CONTAIN_ALL'],
    ['HAS_EVER_BEEN_ANY_OF', 'HAS_NEVER_BEEN_ANY_OF'],
    ['HAS_EVER_BEEN_EXACTLY', 'HAS_NEVER_BEEN_EXACTLY'],
    ['HAS_EVER_CONTAINED_ALL', 'HAS_NEVER_CONTAINED_ALL'],
  ),
  TIME_RANGED: pairs(['IS_BETWEEN', 'IS_NOT_BETWEEN']),
  ROLLING_PROPERTY_UPDATED: pairs(['UPDATED_IN_LAST_X_DAYS', 'NOT_UPDATED_IN_LAST_X_DAYS']),
};

function pairs(...ps: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [a, b] of ps) {
    out[a] = b;
    out[b] = a;
  }
  return out;
}

export function negatedOperator(operationType: string, operator: string): string | undefined {
  return NEGATIONS[operationType]?.[operator];
}

/** History and updated-at operators judge the property's past, so the no-value flag does not apply to them. */
export function isHistoryOperator(operator: string): boolean {
  return /^HAS_(EVER|NEVER)_/.test(operator) || /UPDATED_IN_LAST/.test(operator);
}

/** Filters that read the property's history: the history operators and `UPDATED_AT` comparisons. */
export function readsHistory(f: { operator: string; propertyParser?: string }): boolean {
  return isHistoryOperator(f.operator) || f.propertyParser === 'UPDATED_AT';
}
