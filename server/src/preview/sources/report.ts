// Collects what went wrong while loading contacts: exact counts by kind, the first issues with
// their line numbers (capped so a broken million-row file cannot exhaust memory).

import type { SourceIssue, SourceReport } from '../types';

export const MAX_ISSUES_KEPT = 1000;

export class ReportBuilder {
  private readonly report: SourceReport;

  constructor(source: string) {
    this.report = { source, rowsLoaded: 0, rowsRejected: 0, counts: {}, issues: [], unknownColumns: [] };
  }

  issue(line: number, code: SourceIssue['code'], message: string, column?: string): void {
    this.report.counts[code] = (this.report.counts[code] ?? 0) + 1;
    if (this.report.issues.length < MAX_ISSUES_KEPT) this.report.issues.push({ line, code, message, ...(column ? { column } : {}) });
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
