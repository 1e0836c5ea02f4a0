// Validates a filterBranch the way HubSpot's Lists API does (HubSpot's list filters guide and the Lists v3 OpenAPI spec):
// root OR without filters and ≥1 AND child; known branch, filter and operation types; required fields;
// properties that exist with a matching type. Returns the first problem, naming where it is.

import type { PropertyDef } from '../../language/schema-types';
import { asArray, asJson, type Json } from './evaluate-types';
import { BRANCH_TYPES, FILTER_TYPES, INDEX_REFERENCE_TYPES, OPERATION_PROPERTY_TYPES, OPERATION_RULES, TIME_TYPES } from './filter-rules';

export interface ValidationContext {
  contactProperties: Map<string, PropertyDef>;
  companyProperties: Map<string, PropertyDef>;
  listExists(listId: string): boolean;
}

type Problem = string | undefined;

export function validateFilterBranch(root: unknown, ctx: ValidationContext): Problem {
  const where = 'filterBranch';
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return `${where} must be an object.`;
  const branch = root as Json;
  if (branch.filterBranchType !== 'OR') return `${where}: the root filter branch must be of type OR (got ${String(branch.filterBranchType)}).`;
  if (asArray(branch.filters).length > 0) return `${where}: the root OR branch must not have filters; put them in AND branches.`;
  const children = asArray(branch.filterBranches);
  if (children.length === 0) return `${where}: the root OR branch needs at least one AND branch.`;
  for (let i = 0; i < children.length; i++) {
    const child = asJson(children[i]);
    if (child.filterBranchType !== 'AND') return `${where}.filterBranches[${i}]: children of the root OR branch must be AND branches.`;
    const problem = validateBranch(child, `${where}.filterBranches[${i}]`, ctx.contactProperties, ctx);
    if (problem) return problem;
  }
  return undefined;
}

function validateBranch(branch: Json, where: string, properties: Map<string, PropertyDef>, ctx: ValidationContext): Problem {
  const type = String(branch.filterBranchType);
  if (!BRANCH_TYPES.has(type)) return `${where}: unknown filterBranchType "${type}".`;
  if (!Array.isArray(branch.filters)) return `${where}: "filters" must be an array.`;
  if (branch.filterBranches !== undefined && !Array.isArray(branch.filterBranches)) return `${where}: "filterBranches" must be an array.`;
  if (type === 'ASSOCIATION') return validateAssociation(branch, where, ctx);
  const filters = asArray(branch.filters);
  for (let i = 0; i < filters.length; i++) {
    const problem = validateFilter(asJson(filters[i]), `${where}.filters[${i}]`, properties, ctx);
    if (problem) return problem;
  }
  const children = asArray(branch.filterBranches);
  for (let i = 0; i < children.length; i++) {
    const child = asJson(children[i]);
    if ((child.filterBranchType === 'ASSOCIATION' || child.filterBranchType === 'UNIFIED_EVENTS') && type !== 'AND') {
      return `${where}.filterBranches[${i}]: ${String(child.filterBranchType)} branches are only allowed inside AND branches.`;
    }
    const problem = validateBranch(child, `${where}.filterBranches[${i}]`, properties, ctx);
    if (problem) return problem;
  }
  return undefined;
}

function validateAssociation(branch: Json, where: string, ctx: ValidationContext): Problem {
  for (const field of ['objectTypeId', 'associationTypeId', 'associationCategory', 'operator']) {
    if (branch[field] === undefined) return `${where}: an ASSOCIATION branch requires "${field}".`;
  }
  if (!['IN_LIST', 'NOT_IN_LIST'].includes(String(branch.operator))) return `${where}: ASSOCIATION operator must be IN_LIST or NOT_IN_LIST.`;
  const filters = asArray(branch.filters);
  if (filters.length === 0) return `${where}: an ASSOCIATION branch needs at least one filter.`;
  const properties = branch.objectTypeId === '0-2' ? ctx.companyProperties : new Map<string, PropertyDef>();
  for (let i = 0; i < filters.length; i++) {
    const problem = validateFilter(asJson(filters[i]), `${where}.filters[${i}]`, properties, ctx, branch.objectTypeId !== '0-2');
    if (problem) return problem;
  }
  const children = asArray(branch.filterBranches);
  for (let i = 0; i < children.length; i++) {
    const problem = validateBranch(asJson(children[i]), `${where}.filterBranches[${i}]`, properties, ctx);
    if (problem) return problem;
  }
  return undefined;
}

function validateFilter(filter: Json, where: string, properties: Map<string, PropertyDef>, ctx: ValidationContext, anyProperty = false): Problem {
  const type = String(filter.filterType);
  if (!FILTER_TYPES.has(type)) return `${where}: unknown filterType "${type}".`;
  switch (type) {
    case 'PROPERTY': return validatePropertyFilter(filter, where, properties, anyProperty);
    case 'IN_LIST':
      if (typeof filter.listId !== 'string' || filter.listId === '') return `${where}: an IN_LIST filter requires "listId" (a string).`;
      if (!['IN_LIST', 'NOT_IN_LIST'].includes(String(filter.operator))) return `${where}: IN_LIST operator must be IN_LIST or NOT_IN_LIST.`;
      return ctx.listExists(filter.listId) ? undefined : `${where}: list ${filter.listId} does not exist.`;
    case 'CONSTANT':
      return typeof filter.shouldAccept === 'boolean' ? undefined : `${where}: a CONSTANT filter requires "shouldAccept" (true or false).`;
    case 'FORM_SUBMISSION':
      return validateFormSubmission(filter, where);
    case 'FORM_SUBMISSION_ON_PAGE':
      // Its spec's required fields: filterType, operator and pageId (a string); the refine-bys as FORM_SUBMISSION's.
      if (typeof filter.pageId !== 'string' || filter.pageId === '') return `${where}: a FORM_SUBMISSION_ON_PAGE filter requires "pageId" (a string).`;
      return validateFormSubmission(filter, where);
    case 'EMAIL_SUBSCRIPTION':
    case 'COMMUNICATION_SUBSCRIPTION':
      return validateSubscription(filter, where, type);
    case 'NUM_ASSOCIATIONS':
      return validateNumAssociations(filter, where);
    case 'EMAIL_EVENT':
      return validateEmailEvent(filter, where);
    case 'PAGE_VIEW':
      return validatePageView(filter, where);
    case 'WEBINAR':
    case 'CTA':
    case 'ADS_TIME':
      return validateActivity(filter, where, type) ?? validateRefines(filter, where);
    default:
      return filter.operator === undefined ? `${where}: a ${type} filter requires "operator".` : undefined;
  }
}

/** The operator, and the refine-bys of the spec's shapes (PublicFormSubmissionFilter: a count and a time window). */
function validateFormSubmission(filter: Json, where: string): Problem {
  const type = String(filter.filterType);
  if (!['FILLED_OUT', 'NOT_FILLED_OUT'].includes(String(filter.operator))) return `${where}: ${type} operator must be FILLED_OUT or NOT_FILLED_OUT.`;
  if (filter.formId !== undefined && typeof filter.formId !== 'string') return `${where}: ${type} "formId" must be a string.`;
  return validateRefines(filter, where);
}

/** The refine-bys present are of the spec's shapes. */
function validateRefines(filter: Json, where: string): Problem {
  for (const key of ['coalescingRefineBy', 'pruningRefineBy']) {
    const problem = filter[key] === undefined ? undefined : validateRefineBy(filter[key], `${where}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

const REFINE_TYPES = ['NUM_OCCURRENCES', 'SET_OCCURRENCES', 'RELATIVE_COMPARATIVE', 'RELATIVE_RANGED', 'ABSOLUTE_COMPARATIVE', 'ABSOLUTE_RANGED', 'ALL_HISTORY'];
const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

/** A refine-by of a type the spec names, with the spec's required fields for those the emulator evaluates. */
function validateRefineBy(value: unknown, where: string): Problem {
  const r = value !== null && typeof value === 'object' ? (value as Json) : undefined;
  if (!r || !REFINE_TYPES.includes(String(r.type))) return `${where}: unknown refine-by type "${String(r?.type)}".`;
  switch (r.type) {
    case 'NUM_OCCURRENCES':
      for (const k of ['minOccurrences', 'maxOccurrences']) if (r[k] !== undefined && !(isInt(r[k]) && Number(r[k]) >= 0)) return `${where}.${k} must be a whole number, 0 or more.`;
      return undefined;
    case 'ABSOLUTE_COMPARATIVE':
      if (!['BEFORE', 'AFTER'].includes(String(r.comparison))) return `${where}.comparison must be BEFORE or AFTER.`;
      return isInt(r.timestamp) ? undefined : `${where}.timestamp must be epoch milliseconds (an integer).`;
    case 'ABSOLUTE_RANGED':
      if (!['BETWEEN', 'NOT_BETWEEN'].includes(String(r.rangeType))) return `${where}.rangeType must be BETWEEN or NOT_BETWEEN.`;
      return isInt(r.lowerTimestamp) && isInt(r.upperTimestamp) ? undefined : `${where}: ABSOLUTE_RANGED requires "lowerTimestamp" and "upperTimestamp" (integers).`;
    default:
      return undefined;
  }
}

/** Its ids, and exactly one accepted status (HubSpot's filter definitions: one per filter). */
function validateSubscription(filter: Json, where: string, type: string): Problem {
  const statesField = type === 'EMAIL_SUBSCRIPTION' ? 'acceptedStatuses' : 'acceptedOptStates';
  if (!Array.isArray(filter.subscriptionIds)) return `${where}: a ${type} filter requires "subscriptionIds" (a list).`;
  const states = filter[statesField];
  if (!Array.isArray(states) || states.length !== 1) return `${where}: a ${type} filter takes exactly one status in "${statesField}".`;
  if (!['OPT_IN', 'OPT_OUT', 'NOT_OPTED'].includes(String(states[0]))) return `${where}.${statesField}: unknown status "${String(states[0])}".`;
  if (type === 'COMMUNICATION_SUBSCRIPTION') {
    if (!['EMAIL', 'SMS', 'WHATSAPP'].includes(String(filter.channel))) return `${where}: COMMUNICATION_SUBSCRIPTION channel must be EMAIL, SMS or WHATSAPP.`;
    if (!['PORTAL_WIDE', 'BUSINESS_UNIT_WIDE', 'INDIVIDUAL_SUBSCRIPTION'].includes(String(filter.subscriptionType))) return `${where}: COMMUNICATION_SUBSCRIPTION requires "subscriptionType".`;
  }
  return undefined;
}

const EMAIL_EVENT_OPERATORS = [
  'LINK_CLICKED', 'MARKED_SPAM', 'OPENED', 'OPENED_BUT_LINK_NOT_CLICKED', 'OPENED_BUT_NOT_REPLIED', 'REPLIED', 'UNSUBSCRIBED',
  'BOUNCED', 'RECEIVED', 'RECEIVED_BUT_NOT_OPENED', 'SENT', 'SENT_BUT_LINK_NOT_CLICKED', 'SENT_BUT_NOT_RECEIVED',
];
/** The levels HubSpot's "List filter definitions (BETA)" page lists for EMAIL_EVENT. */
const EMAIL_EVENT_LEVELS = ['EMAIL_API_CAMPAIGN', 'EMAIL_API_CAMPAIGN_GROUP', 'HUBSPOT_CAMPAIGN'];
const PAGE_VIEW_OPERATORS = ['HAS_PAGEVIEW_EQ', 'HAS_PAGEVIEW_CONTAINS', 'HAS_PAGEVIEW_MATCHES_REGEX', 'NOT_HAS_PAGEVIEW_EQ', 'NOT_HAS_PAGEVIEW_CONTAINS'];

/** The spec's required fields (appId, emailId, level, operator) and a known operator. */
function validateEmailEvent(filter: Json, where: string): Problem {
  for (const field of ['appId', 'emailId', 'level']) {
    if (typeof filter[field] !== 'string' || filter[field] === '') return `${where}: an EMAIL_EVENT filter requires "${field}" (a string).`;
  }
  if (!EMAIL_EVENT_OPERATORS.includes(String(filter.operator))) return `${where}: unknown EMAIL_EVENT operator "${String(filter.operator)}".`;
  if (!EMAIL_EVENT_LEVELS.includes(String(filter.level))) return `${where}: unknown EMAIL_EVENT level "${String(filter.level)}".`;
  return undefined;
}

/** The spec's required fields (pageUrl, operator) and a documented operator. */
function validatePageView(filter: Json, where: string): Problem {
  if (typeof filter.pageUrl !== 'string' || filter.pageUrl === '') return `${where}: a PAGE_VIEW filter requires "pageUrl" (a string).`;
  if (!PAGE_VIEW_OPERATORS.includes(String(filter.operator))) return `${where}: unknown PAGE_VIEW operator "${String(filter.operator)}".`;
  return undefined;
}

/** The spec's required fields: associationTypeId, associationCategory, and a coalescingRefineBy. */
function validateNumAssociations(filter: Json, where: string): Problem {
  if (typeof filter.associationTypeId !== 'number') return `${where}: a NUM_ASSOCIATIONS filter requires "associationTypeId" (a number).`;
  if (typeof filter.associationCategory !== 'string') return `${where}: a NUM_ASSOCIATIONS filter requires "associationCategory".`;
  const refine = asJson(filter.coalescingRefineBy);
  if (refine.type !== 'NUM_OCCURRENCES') return `${where}: a NUM_ASSOCIATIONS filter requires a NUM_OCCURRENCES "coalescingRefineBy".`;
  return undefined;
}

function validatePropertyFilter(filter: Json, where: string, properties: Map<string, PropertyDef>, anyProperty: boolean): Problem {
  if (typeof filter.property !== 'string' || filter.property === '') return `${where}: a PROPERTY filter requires "property".`;
  const operation = filter.operation;
  if (operation === null || typeof operation !== 'object') return `${where}: a PROPERTY filter requires "operation".`;
  const op = operation as Json;
  const rule = OPERATION_RULES[String(op.operationType)];
  if (!rule) return `${where}.operation: unknown operationType "${String(op.operationType)}".`;
  if (!rule.operators.includes(String(op.operator))) {
    return `${where}.operation: operator "${String(op.operator)}" is not valid for ${String(op.operationType)}; expected one of ${rule.operators.join(', ')}.`;
  }
  const missing = rule.required.find((field) => op[field] === undefined || op[field] === null);
  if (missing) return `${where}.operation: ${String(op.operationType)} requires "${missing}".`;
  if (op.includeObjectsWithNoValueSet !== undefined && typeof op.includeObjectsWithNoValueSet !== 'boolean') {
    return `${where}.operation: "includeObjectsWithNoValueSet" must be true or false.`;
  }
  return validateTimePoints(op, `${where}.operation`) ?? (anyProperty ? undefined : validatePropertyType(filter.property, op, where, properties));
}

function validateTimePoints(op: Json, where: string): Problem {
  for (const field of ['timePoint', 'lowerBoundTimePoint', 'upperBoundTimePoint']) {
    if (op[field] === undefined) continue;
    const point = asJson(op[field]);
    if (!TIME_TYPES.has(String(point.timeType))) return `${where}.${field}: unknown timeType "${String(point.timeType)}".`;
    if (point.timeType === 'DATE' && [point.year, point.month, point.day].some((v) => typeof v !== 'number')) {
      return `${where}.${field}: a DATE time point requires numeric "year", "month" and "day".`;
    }
    const reference = asJson(point.indexReference);
    if (point.timeType === 'INDEXED' && !INDEX_REFERENCE_TYPES.has(String(reference.referenceType))) {
      return `${where}.${field}: an INDEXED time point requires indexReference.referenceType (TODAY, NOW, ...).`;
    }
  }
  return undefined;
}

function validatePropertyType(name: string, op: Json, where: string, properties: Map<string, PropertyDef>): Problem {
  const property = properties.get(name);
  if (!property) return `${where}: property "${name}" does not exist.`;
  const allowed = OPERATION_PROPERTY_TYPES[String(op.operationType)];
  const knownType = Object.values(OPERATION_PROPERTY_TYPES).some((types) => types !== 'any' && types.includes(property.type));
  if (allowed === 'any' || !allowed || !knownType || op.propertyParser === 'UPDATED_AT' || allowed.includes(property.type)) return undefined;
  return `${where}: operationType ${String(op.operationType)} cannot filter property "${name}" of type ${property.type}.`;
}

/** The operators and required fields of the spec's PublicWebinarFilter, PublicCtaAnalyticsFilter and PublicAdsTimeFilter. */
const ACTIVITY_OPERATORS: Record<string, string[]> = {
  WEBINAR: ['HAS_WEBINAR_REGISTRATION', 'NOT_HAS_WEBINAR_REGISTRATION', 'HAS_WEBINAR_ATTENDANCE', 'NOT_HAS_WEBINAR_ATTENDANCE'],
  CTA: ['HAS_CLICKED_CTA', 'HAS_NOT_CLICKED_CTA', 'HAS_OPENED_CTA', 'HAS_NOT_OPENED_CTA', 'HAS_CLICKED_CTA_PLACEMENT', 'HAS_NOT_CLICKED_CTA_PLACEMENT', 'HAS_OPENED_CTA_PLACEMENT', 'HAS_NOT_OPENED_CTA_PLACEMENT'],
};

function validateActivity(filter: Json, where: string, type: string): Problem {
  if (type === 'ADS_TIME') return filter.pruningRefineBy === undefined ? `${where}: an ADS_TIME filter requires "pruningRefineBy".` : undefined;
  if (!ACTIVITY_OPERATORS[type].includes(String(filter.operator))) return `${where}: unknown ${type} operator "${String(filter.operator)}".`;
  if (type === 'CTA' && (typeof filter.ctaName !== 'string' || filter.ctaName === '')) return `${where}: a CTA filter requires "ctaName" (a string).`;
  if (type === 'WEBINAR' && filter.webinarId !== undefined && typeof filter.webinarId !== 'string') return `${where}: WEBINAR "webinarId" must be a string.`;
  return undefined;
}
