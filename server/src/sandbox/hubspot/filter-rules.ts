// What HubSpot accepts in a filterBranch: filter types, operation types and their operators and the
// fields each needs (HubSpot's list filter definitions and the Lists v3 OpenAPI spec). Used by the validator.

export const FILTER_TYPES = new Set([
  'PROPERTY', 'IN_LIST', 'ASSOCIATION', 'CONSTANT', 'FORM_SUBMISSION', 'FORM_SUBMISSION_ON_PAGE', 'EMAIL_EVENT',
  'EMAIL_SUBSCRIPTION', 'COMMUNICATION_SUBSCRIPTION', 'PAGE_VIEW', 'CTA', 'EVENT', 'PRIVACY', 'ADS_SEARCH', 'ADS_TIME',
  'INTEGRATION_EVENT', 'UNIFIED_EVENTS', 'SURVEY_MONKEY', 'SURVEY_MONKEY_VALUE', 'WEBINAR', 'CAMPAIGN_INFLUENCED',
  'NUM_ASSOCIATIONS', 'PROPERTY_ASSOCIATION',
]);

export const BRANCH_TYPES = new Set(['OR', 'AND', 'NOT_ALL', 'NOT_ANY', 'RESTRICTED', 'UNIFIED_EVENTS', 'ASSOCIATION', 'PROPERTY_ASSOCIATION']);

const STRING_OPS = ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO', 'CONTAINS', 'DOES_NOT_CONTAIN', 'STARTS_WITH', 'ENDS_WITH'];
const HISTORY_EQ = ['HAS_EVER_BEEN_EQUAL_TO', 'HAS_NEVER_BEEN_EQUAL_TO'];

export interface OperationRule {
  operators: string[];
  /** Fields that must be present on the operation. */
  required: string[];
}

export const OPERATION_RULES: Record<string, OperationRule> = {
  ALL_PROPERTY: { operators: ['IS_KNOWN', 'IS_UNKNOWN', 'IS_BLANK', 'IS_NOT_BLANK'], required: [] },
  STRING: { operators: [...STRING_OPS, ...HISTORY_EQ, 'HAS_EVER_CONTAINED', 'HAS_NEVER_CONTAINED'], required: ['value'] },
  MULTISTRING: { operators: [...STRING_OPS, 'CONTAINS_EXACTLY', 'DOES_NOT_CONTAIN_EXACTLY'], required: ['values'] },
  NUMBER: {
    operators: ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO', 'IS_GREATER_THAN', 'IS_GREATER_THAN_OR_EQUAL_TO', 'IS_LESS_THAN', 'IS_LESS_THAN_OR_EQUAL_TO', ...HISTORY_EQ],
    required: ['value'],
  },
  NUMBER_RANGED: { operators: ['IS_BETWEEN', 'IS_NOT_BETWEEN'], required: ['lowerBound', 'upperBound'] },
  BOOL: { operators: ['IS_EQUAL_TO', 'IS_NOT_EQUAL_TO', ...HISTORY_EQ], required: ['value'] },
  ENUMERATION: {
    operators: [
      'IS_ANY_OF', 'IS_NONE_OF', 'IS_EXACTLY', 'IS_NOT_EXACTLY', 'CONTAINS_ALL', 'DOES_NOT_CONTAIN_ALL', 'HAS_EVER_BEEN_ANY_OF',
      'HAS_NEVER_BEEN_ANY_OF', 'HAS_EVER_BEEN_EXACTLY', 'HAS_NEVER_BEEN_EXACTLY', 'HAS_EVER_CONTAINED_ALL', 'HAS_NEVER_CONTAINED_ALL',
    ],
    required: ['values'],
  },
  TIME_POINT: { operators: ['IS_BEFORE', 'IS_AFTER'], required: ['timePoint'] },
  TIME_RANGED: { operators: ['IS_BETWEEN', 'IS_NOT_BETWEEN'], required: ['lowerBoundTimePoint', 'upperBoundTimePoint'] },
  ROLLING_DATE_RANGE: {
    operators: ['IS_LESS_THAN_X_DAYS_AGO', 'IS_MORE_THAN_X_DAYS_AGO', 'IS_LESS_THAN_X_DAYS_FROM_NOW', 'IS_MORE_THAN_X_DAYS_FROM_NOW'],
    required: ['numberOfDays'],
  },
  ROLLING_PROPERTY_UPDATED: { operators: ['UPDATED_IN_LAST_X_DAYS', 'NOT_UPDATED_IN_LAST_X_DAYS'], required: ['numberOfDays'] },
  DATETIME: { operators: ['IS_BEFORE', 'IS_AFTER', 'IS_EQUAL_TO', 'IS_BEFORE_DATE', 'IS_AFTER_DATE'], required: ['timestamp'] },
  RANGED_DATE: { operators: ['IS_BETWEEN', 'IS_NOT_BETWEEN'], required: ['lowerBound', 'upperBound'] },
  CALENDAR_DATE: {
    operators: ['IN_THIS_TIME_UNIT', 'IN_THIS_TIME_UNIT_SO_FAR', 'IN_NEXT_TIME_UNIT', 'IN_LAST_TIME_UNIT'],
    required: ['timeUnit'],
  },
  COMPARATIVE_DATE: { operators: ['IS_BEFORE', 'IS_AFTER'], required: ['comparisonPropertyName'] },
  COMPARATIVE_PROPERTY_UPDATED: { operators: ['IS_BEFORE', 'IS_AFTER'], required: ['comparisonPropertyName'] },
};

export const TIME_TYPES = new Set(['DATE', 'INDEXED', 'PROPERTY_REFERENCED']);
export const INDEX_REFERENCE_TYPES = new Set(['TODAY', 'NOW', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'FISCAL_QUARTER', 'FISCAL_YEAR']);

/** Which HubSpot property types each operation type may filter (ALL_PROPERTY and updated-at: any). */
export const OPERATION_PROPERTY_TYPES: Record<string, string[] | 'any'> = {
  ALL_PROPERTY: 'any', ROLLING_PROPERTY_UPDATED: 'any', COMPARATIVE_PROPERTY_UPDATED: 'any',
  STRING: ['string', 'phone_number'], MULTISTRING: ['string', 'phone_number'],
  NUMBER: ['number'], NUMBER_RANGED: ['number'], BOOL: ['bool'], ENUMERATION: ['enumeration'],
  TIME_POINT: ['date', 'datetime'], TIME_RANGED: ['date', 'datetime'], ROLLING_DATE_RANGE: ['date', 'datetime'],
  DATETIME: ['date', 'datetime'], RANGED_DATE: ['date', 'datetime'], CALENDAR_DATE: ['date', 'datetime'],
  COMPARATIVE_DATE: ['date', 'datetime'],
};
