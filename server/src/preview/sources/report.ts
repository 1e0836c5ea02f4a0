// Collects what went wrong while loading contacts: exact counts by kind, the first issues with
// their line numbers (capped so a broken million-row file cannot exhaust memory).

import type { SourceIssue, SourceReport } from '../types';

export const MAX_ISSUES_KEPT = 1000;

/**
 * Nothing usable can be read from the source (it cannot be opened, is not a regular file, is empty,
 * not JSON, has no valid header, …). The message names the source and says why; the load is an error,
 * never "0 of 0 contacts".
 */
export class UnreadableSource extends Error {}

export class ReportBuilder {
  private readonly report: SourceReport;

  constructor(source: string) {
    this.report = { source, rowsLoaded: 0, rowsRejected: 0, counts: {}, issues: [], unknownColumns: [] };
  }

  issue(line: number, code: SourceIssue['code'], message: string, column?: string): void {
    this.report.counts[code] = (this.report.counts[code] ?? 0) + 1;
    if (this.report.issues.length < MAX_ISSUES_KEPT) this.report.issues.push({ line, code, message, ...(column ? { column } : {}) });
  }

  get source(): string {
    return this.report.source;
  }

  get rowsLoaded(): number {
    return this.report.rowsLoaded;
  }

  loaded(): void {
    this.report.rowsLoaded++;
  }

  rejected(): void {
    this.report.rowsRejected++;
  }

  unknownColumn(name: string, line: number): void {
    this.report.unknownColumns.push(name);
    this.issue(line, 'unknown-column', `Column "${name}" is not a contact property in the schema; it was ignored.`, name);
  }

  /** Issues in input order (the CSV parser reports skipped lines ahead of rows it still buffers). */
  finish(): SourceReport {
    this.report.issues.sort((a, b) => a.line - b.line);
    return this.report;
  }
}

/** One line per kind of issue, for the CLI and the LSP's output channel. */
export function summariseReport(r: SourceReport): string {
  const kinds = Object.entries(r.counts).map(([code, n]) => `${n} ${code}`);
  const head = `${r.source}: ${r.rowsLoaded} rows loaded, ${r.rowsRejected} rejected`;
  return kinds.length ? `${head}; issues: ${kinds.join(', ')}` : head;
}

/**
 * Record IDs seen so far, with the line of each. A second row with the same id is rejected: counting
 * it would count one contact twice, and taking either row's values over the other would be a guess.
 */
export class IdRegistry {
  private readonly firstLine = new Map<string, number>();

  /** True for a new id; false (reported and counted as rejected) for a repeat. `where` is "Line" or "Record". */
  claim(id: string, line: number, report: ReportBuilder, where: 'Line' | 'Record'): boolean {
    const first = this.firstLine.get(id);
    if (first === undefined) {
      this.firstLine.set(id, line);
      return true;
    }
    const at = where === 'Line' ? `line ${first}` : `record ${first}`;
    report.issue(line, 'duplicate-id', `${where} ${line} has Record ID ${id}, as ${at} has; the repeat was skipped (one contact, one row).`);
    report.rejected();
    return false;
  }
}
