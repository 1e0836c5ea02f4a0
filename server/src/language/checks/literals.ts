// `invalid-date` and `invalid-number`: literals that are well-formed tokens but not real dates
// (2024-02-30, month 13, 25:00) or not a usable count (0 days, 2.5 days).

import { type Value, diagnostic, type Diagnostic, relativeText } from '@hslist/grammar';

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a calendar date is impossible, or undefined when it exists. */
export function dateProblem(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')} (it has ${last} days)`;
  return undefined;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))?$/;

/** Why a date-time literal is impossible, or undefined when it is a real instant. */
export function dateTimeProblem(raw: string): string | undefined {
  const m = DATETIME.exec(raw);
  if (!m) return 'it is not an ISO-8601 date and time such as 2024-01-31T10:00:00Z';
  const date = dateProblem(Number(m[1]), Number(m[2]), Number(m[3]));
  if (date) return date;
  if (Number(m[4]) > 23) return `hour ${m[4]} does not exist`;
  if (Number(m[5]) > 59) return `minute ${m[5]} does not exist`;
  if (m[6] !== undefined && Number(m[6]) > 59) return `second ${m[6]} does not exist`;
  if (m[9] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return `offset ${m[8]}${m[9]}:${m[10]} is not a real UTC offset`;
  return undefined;
}

/** `invalid-date` for an impossible date or date-time value. */
export function checkDateValue(value: Value): Diagnostic | undefined {
  if (value.kind !== 'date' && value.kind !== 'datetime') return undefined;
  const problem = value.kind === 'date' ? dateProblem(value.year, value.month, value.day) : dateTimeProblem(value.raw);
  if (!problem) return undefined;
  return diagnostic('invalid-date', `\`${value.raw}\` is not a valid date: ${problem}.`, value);
}

/**
 * A count of days or calendar units: must be a positive whole number.
 * Returns `value-type-mismatch` for a non-number and `invalid-number` for a bad number.
 */
export function checkCount(value: Value | undefined, what: string): Diagnostic | undefined {
  if (!value) return undefined;
  if (value.kind !== 'number') {
    return diagnostic('value-type-mismatch', `The number of ${what} must be a number, not ${describeValue(value)}.`, value);
  }
  if (!Number.isInteger(value.value) || value.value < 1) {
    return diagnostic('invalid-number', `The number of ${what} must be a positive whole number; \`${value.raw}\` is not.`, value);
  }
  return undefined;
}

export function describeValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `the text "${value.value}"`;
    case 'word':
      return `the word \`${value.value}\``;
    case 'number':
      return `the number ${value.raw}`;
    case 'boolean':
      return `\`${value.value}\``;
    case 'date':
      return `the date ${value.raw}`;
    case 'datetime':
      return `the date and time ${value.raw}`;
    case 'relative':
      return `the relative time \`${relativeText(value)}\``;
    case 'property':
      return value.updated ? `the time \`${value.property.text}\` was updated` : `the value of property \`${value.property.text}\``;
  }
}
