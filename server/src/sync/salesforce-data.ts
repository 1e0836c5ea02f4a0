// Salesforce leads and contacts as the simulator reads them, whatever they came from (the org through
// jsforce, or an export file): one record per row with the fields the sync reads, in a fixed field order
// so a quarter of a million records stay small arrays rather than objects with keys.

import type { SalesforceObject } from './settings';

export type SfValue = string | number | boolean | null;

export interface SfRecord {
  object: SalesforceObject;
  id: string;
  email: string | null;
  /** LastModifiedDate in epoch ms; NaN when the data does not carry it. */
  lastModified: number;
  /** A converted lead (IsConverted): read-only in Salesforce. */
  converted: boolean;
  /** Values of `SalesforceData.fields`, in that order (null: no value, or the object has no such field). */
  values: SfValue[];
}

export interface SalesforceIssue {
  /** 1-based line (CSV line, NDJSON line, JSON array index + 1). */
  line: number;
  message: string;
}

export interface SalesforceReport {
  /** How to name the data in messages: a file, or the org's host. */
  source: string;
  rowsLoaded: number;
  rowsRejected: number;
  /** The first issues, capped. */
  issues: SalesforceIssue[];
}

export interface SalesforceData {
  /** The mapped fields read, lower-cased API names in a fixed order; values of each record follow it. */
  fields: string[];
  records: SfRecord[];
  report: SalesforceReport;
}

export const MAX_ISSUES = 200;

/** Salesforce's standard key prefixes: every Lead id starts 00Q, every Contact id 003. */
export function objectOfId(id: string): SalesforceObject | undefined {
  if (id.startsWith('00Q')) return 'Lead';
  if (id.startsWith('003')) return 'Contact';
  return undefined;
}

/** The position of a field (case-insensitive) in the data's field order, or -1. */
export function fieldIndex(data: Pick<SalesforceData, 'fields'>, field: string): number {
  return data.fields.indexOf(field.toLowerCase());
}

/** Salesforce's REST datetime `2024-03-01T10:15:00.000+0000`, an ISO datetime, or a date; NaN otherwise. */
export function parseSalesforceInstant(value: SfValue): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return NaN;
  const text = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isFinite(at) ? at : NaN;
}
