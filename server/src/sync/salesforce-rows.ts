// One Salesforce row (a REST record, a JSON/NDJSON object, a CSV row by header) into an SfRecord. Keys are
// matched case-insensitively, as Salesforce matches field names; the object comes from the row's
// `attributes.type`, else from the standard key prefix of its Id (00Q Lead, 003 Contact).

import { MAX_ISSUES, objectOfId, parseSalesforceInstant, type SalesforceIssue, type SalesforceReport, type SfRecord, type SfValue } from './salesforce-data';
import type { SalesforceObject } from './settings';

export class SalesforceReportBuilder {
  private readonly issues: SalesforceIssue[] = [];
  private loaded = 0;
  private rejected = 0;
  constructor(private readonly source: string) {}

  accept(): void {
    this.loaded++;
  }

  reject(line: number, message: string): void {
    this.rejected++;
    this.note(line, message);
  }

  note(line: number, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ line, message });
  }

  finish(): SalesforceReport {
    return { source: this.source, rowsLoaded: this.loaded, rowsRejected: this.rejected, issues: this.issues };
  }
}

function lowerKeys(raw: Record<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) out.set(key.toLowerCase(), value);
  return out;
}

function asValue(value: unknown): SfValue {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function objectOf(row: Map<string, unknown>, id: string, known: SalesforceObject | undefined): SalesforceObject | undefined {
  if (known) return known;
  const attributes = row.get('attributes');
  const type = typeof attributes === 'object' && attributes !== null ? (attributes as { type?: unknown }).type : undefined;
  if (type === 'Lead' || type === 'Contact') return type;
  return objectOfId(id);
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

export type RowResult = SfRecord | { error: string } | { deleted: true };

/**
 * The record, a sentence saying why the row cannot be one, or `deleted` for a row of the recycle bin
 * (IsDeleted), which the integration does not sync. `object` is given when the query said it.
 */
export function toSfRecord(raw: Record<string, unknown>, fields: readonly string[], object?: SalesforceObject): RowResult {
  const row = lowerKeys(raw);
  if (isTrue(row.get('isdeleted'))) return { deleted: true };
  const id = asValue(row.get('id'));
  if (typeof id !== 'string' || id.trim() === '') return { error: 'has no Id' };
  const type = objectOf(row, id.trim(), object);
  if (!type) return { error: `has Id ${id}, which is neither a Lead (00Q…) nor a Contact (003…), and no attributes.type` };
  const email = asValue(row.get('email'));
  return {
    object: type,
    id: id.trim(),
    email: typeof email === 'string' && email.trim() !== '' ? email.trim() : null,
    lastModified: parseSalesforceInstant(asValue(row.get('lastmodifieddate'))),
    converted: isTrue(row.get('isconverted')),
    values: fields.map((field) => asValue(row.get(field))),
  };
}
