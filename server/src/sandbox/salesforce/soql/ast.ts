// The syntax tree of the SOQL subset the emulator understands. Offsets point into the query text so
// errors can say "ERROR at Row:1:Column:N" the way Salesforce does.

export interface FieldRef {
  name: string;
  offset: number;
}

export type Literal =
  | { kind: 'string'; value: string; offset: number }
  | { kind: 'number'; value: number; text: string; offset: number }
  | { kind: 'boolean'; value: boolean; offset: number }
  | { kind: 'null'; offset: number }
  | { kind: 'date'; value: string; offset: number }
  | { kind: 'datetime'; value: number; text: string; offset: number }
  /** TODAY, LAST_N_DAYS:7, ... — `n` only for the parametrised ones. */
  | { kind: 'dateLiteral'; name: string; n?: number; offset: number };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';
export type SetOp = 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'compare'; field: FieldRef; op: CompareOp; value: Literal }
  | { kind: 'set'; field: FieldRef; op: SetOp; values: Literal[] };

export interface OrderItem {
  field: FieldRef;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  /** `count` for `SELECT COUNT()`. */
  select: FieldRef[] | 'count';
  from: FieldRef;
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

export interface SoqlError {
  errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE';
  message: string;
}
