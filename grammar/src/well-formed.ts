// The tree `parse` returns matches ast.ts, even after error recovery. Chevrotain's re-sync recovery
// makes a failed sub-rule return `undefined`, so a rule that goes on after it can build a node with a
// missing part (`map jobtitle to` + a `:` on the next line gave a mapping without a Salesforce
// field, and every check that read it crashed). The parser reports a syntax error wherever that
// happens; this pass makes sure no half-built node survives it: a broken condition becomes an
// ErrorCondition over its text (checks skip those), a broken setting, mapping or block is dropped.
// Later layers can then trust the types instead of each guarding against recovery.

import type { Condition, Expr, FileNode, ListNode, MappingNode, Name, NamedConditionNode, OccurrenceCount, Operand, Setting, SettingValue, Span, SyncNode, TimeWindow, Value, ValueSetNode } from './ast';

type Check<T> = (node: T) => boolean;

/** Repairs `file` in place and returns it. */
export function makeWellFormed(file: FileNode): FileNode {
  file.lists = file.lists.filter(isList);
  for (const list of file.lists) {
    list.settings = list.settings.filter(isSetting);
    list.where = list.where === undefined ? undefined : repairExpr(list.where, list);
  }
  file.valueSets = (file.valueSets ?? []).filter(isValueSet);
  file.conditions = (file.conditions ?? []).filter(isNamedCondition);
  for (const condition of file.conditions) {
    condition.settings = condition.settings.filter(isSetting);
    condition.where = condition.where === undefined ? undefined : repairExpr(condition.where, condition);
  }
  file.syncBlocks = file.syncBlocks.filter(isSync);
  for (const sync of file.syncBlocks) {
    sync.settings = sync.settings.filter(isSetting);
    sync.mappings = sync.mappings.filter(isMapping);
  }
  return file;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isSpan(x: unknown): x is Span {
  return isObject(x) && Number.isFinite(x.start) && Number.isFinite(x.end) && (x.start as number) <= (x.end as number);
}

function isName(x: unknown): x is Name {
  return isSpan(x) && typeof (x as unknown as Name).text === 'string';
}

function isList(x: unknown): x is ListNode {
  return isSpan(x) && (x as ListNode).kind === 'list' && isName((x as ListNode).name) && Array.isArray((x as ListNode).settings);
}

/** A name recovery did not make up: a token inserted to go on has no text. */
function isWrittenName(x: unknown): x is Name {
  return isName(x) && x.text !== '';
}

function isValueSet(x: unknown): x is ValueSetNode {
  const v = x as ValueSetNode;
  return isSpan(x) && v.kind === 'valueSet' && isWrittenName(v.name) && isSpan(v.valuesSpan) && Array.isArray(v.values) && v.values.length > 0 && v.values.every(isValue);
}

function isNamedCondition(x: unknown): x is NamedConditionNode {
  const c = x as NamedConditionNode;
  return isSpan(x) && c.kind === 'namedCondition' && isWrittenName(c.name) && Array.isArray(c.settings);
}

function isSync(x: unknown): x is SyncNode {
  const s = x as SyncNode;
  return isSpan(x) && s.kind === 'sync' && isName(s.target) && Array.isArray(s.settings) && Array.isArray(s.mappings);
}

function isSettingValue(x: unknown): x is SettingValue {
  if (!isSpan(x)) return false;
  const v = x as SettingValue;
  if (v.kind === 'members') return Array.isArray(v.items) && v.items.every((i) => isSpan(i) && (i.kind === 'id' || i.kind === 'email') && typeof i.value === 'string');
  return v.kind === 'number' ? typeof v.value === 'number' : (v.kind === 'string' || v.kind === 'word') && typeof v.value === 'string';
}

function isSetting(x: unknown): x is Setting {
  const s = x as Setting;
  return isSpan(x) && s.kind === 'setting' && isName(s.key) && (s.value === undefined || isSettingValue(s.value));
}

function isMapping(x: unknown): x is MappingNode {
  const m = x as MappingNode;
  return isSpan(x) && m.kind === 'mapping' && isName(m.hubspotProperty) && isName(m.salesforceField) && (m.rule === undefined || isSettingValue(m.rule));
}

const VALUE_CHECKS: Record<Value['kind'], Check<Value>> = {
  string: (v) => typeof (v as { value: unknown }).value === 'string',
  word: (v) => typeof (v as { value: unknown }).value === 'string',
  boolean: (v) => typeof (v as { value: unknown }).value === 'boolean',
  number: (v) => typeof (v as { value: unknown }).value === 'number' && typeof (v as { raw: unknown }).raw === 'string',
  datetime: (v) => typeof (v as { raw: unknown }).raw === 'string',
  date: (v) => {
    const d = v as Extract<Value, { kind: 'date' }>;
    return typeof d.raw === 'string' && [d.year, d.month, d.day].every(Number.isFinite);
  },
  relative: (v) => typeof (v as { anchor: unknown }).anchor === 'string',
  property: (v) => isName((v as { property: unknown }).property) && typeof (v as { updated: unknown }).updated === 'boolean',
};

function isValue(x: unknown): x is Value {
  if (!isSpan(x)) return false;
  const check = VALUE_CHECKS[(x as Value).kind];
  return check !== undefined && check(x as Value);
}

function isOperand(x: unknown): x is Operand {
  if (!isSpan(x)) return false;
  const o = x as Operand;
  switch (o.kind) {
    case 'none':
      return true;
    case 'single':
      return isValue(o.value);
    case 'list':
      if (o.valueSet !== undefined) return isWrittenName(o.valueSet) && Array.isArray(o.values) && o.values.length === 0;
      return Array.isArray(o.values) && o.values.length > 0 && o.values.every(isValue);
    case 'range':
      return isValue(o.low) && isValue(o.high);
    case 'days':
      return isValue(o.count);
    case 'calendar':
      return typeof o.unit === 'string' && (o.count === undefined || isValue(o.count));
    case 'property':
      return isName(o.property);
    default:
      return false;
  }
}

function isCount(c: OccurrenceCount): boolean {
  return isSpan(c) && (c.min !== undefined || c.max !== undefined) && (c.min === undefined || isValue(c.min)) && (c.max === undefined || isValue(c.max));
}

function isWindow(w: TimeWindow): boolean {
  if (!isSpan(w)) return false;
  return w.kind === 'between' ? isValue(w.low) && isValue(w.high) : (w.kind === 'after' || w.kind === 'before') && isValue(w.at);
}

/** Whether a condition (not a connective) has every part its kind needs. */
function isCondition(c: Condition): boolean {
  switch (c.kind) {
    case 'property':
      return isName(c.property) && typeof c.operator === 'string' && isSpan(c.operatorSpan) && isOperand(c.operands) && (c.includeUnknown === undefined || isSpan(c.includeUnknown));
    case 'inList':
      return isName(c.target) && (c.target.by === 'name' || c.target.by === 'id');
    case 'association':
      return isName(c.objectType) && (c.label === undefined || isName(c.label));
    case 'associationCount':
      return isName(c.objectType) && isSpan(c.comparison) && isValue(c.comparison.low) && (c.comparison.high === undefined || isValue(c.comparison.high));
    case 'formSubmission':
      return (
        (c.formId === undefined || isName(c.formId)) &&
        (c.page === undefined || (isName(c.page) && (c.page.by === 'id' || c.page.by === 'name'))) &&
        (c.withinLastDays === undefined || isValue(c.withinLastDays)) &&
        (c.count === undefined || isCount(c.count)) &&
        (c.window === undefined || isWindow(c.window))
      );
    case 'subscription':
      return isName(c.channel) && Array.isArray(c.subscriptions) && c.subscriptions.every((s) => isName(s) && (s.by === undefined || s.by === 'id' || s.by === 'name')) && typeof c.all === 'boolean' && typeof c.status === 'string';
    case 'emailEvent':
      return isEmailTarget(c.email) && isName(c.event) && (c.clickUrl === undefined || isName(c.clickUrl)) && (c.withinLastDays === undefined || isValue(c.withinLastDays)) && (c.window === undefined || isWindow(c.window));
    case 'pageView':
      return isName(c.url) && typeof c.match === 'string' && (c.atLeastTimes === undefined || isValue(c.atLeastTimes)) && (c.withinLastDays === undefined || isValue(c.withinLastDays));
    case 'webinar':
      return (c.action === 'registered' || c.action === 'attended') && (c.webinar === undefined || (isName(c.webinar) && typeof c.webinar.quoted === 'boolean'));
    case 'cta':
      return (c.action === 'clicked' || c.action === 'viewed') && isName(c.cta) && (c.count === undefined || isCount(c.count)) && (c.withinLastDays === undefined || isValue(c.withinLastDays)) && (c.window === undefined || isWindow(c.window));
    case 'adsSeen':
      return (c.withinLastDays === undefined || isValue(c.withinLastDays)) && (c.window === undefined || isWindow(c.window)) && (c.withinLastDays !== undefined || c.window !== undefined);
    case 'constant':
      return typeof c.accept === 'boolean';
    case 'conditionRef':
      return isWrittenName(c.name);
    case 'error':
      return true;
    default:
      return false;
  }
}

/** The expression with every broken part replaced by an ErrorCondition over the text it covered. */
function repairExpr(expr: unknown, around: Span): Expr {
  if (!isObject(expr)) return errorAt(around);
  const span = isSpan(expr) ? expr : around;
  const e = expr as unknown as Expr;
  switch (e.kind) {
    case 'and':
    case 'or':
      if (!Array.isArray(e.operands) || e.operands.length === 0) return errorAt(span);
      e.operands = e.operands.map((o) => repairExpr(o, span));
      return isSpan(expr) ? e : errorAt(span);
    case 'not':
      e.operand = repairExpr(e.operand, span);
      return isSpan(expr) ? e : errorAt(span);
    case 'paren':
      e.inner = repairExpr(e.inner, span);
      return isSpan(expr) ? e : errorAt(span);
    case 'association':
      if (e.where !== undefined) e.where = repairExpr(e.where, span);
      return isSpan(expr) && isCondition(e) ? e : errorAt(span);
    default:
      return isSpan(expr) && isCondition(e as Condition) ? e : errorAt(span);
  }
}

function errorAt(span: Span): Expr {
  return { kind: 'error', start: span.start, end: span.end };
}

function isEmailTarget(t: unknown): boolean {
  const e = t as { by?: unknown; emailId?: unknown; appId?: unknown; name?: unknown; any?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.by === 'any') return isSpan(e.any);
  return e.by === 'ids' ? isName(e.emailId) && isName(e.appId) : e.by === 'name' && isName(e.name) && (e.appId === undefined || isName(e.appId));
}
