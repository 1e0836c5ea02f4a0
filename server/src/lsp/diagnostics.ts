// Publishing diagnostics: after any change, analyse the workspace (coalescing bursts of edits) and
// publish every file whose diagnostics changed, so a change in one file updates the files that refer
// to it. An edited open document is always published with its version, even when nothing changed,
// so the editor knows that version was checked.
//
// The message loop stays responsive: changed files are parsed and checked one per turn of the event
// loop (requests are answered in between), and an edit that arrives meanwhile makes the run stale, so
// it starts over with the new text instead of finishing work nobody will see. Only the cross-file
// part (list references, cycles, the compiler's cache) runs in one piece, and it is linear.

import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '@hslist/grammar';
import type { LineIndex } from '../language/positions';
import type { WorkspaceAnalysis } from '../language/workspace';
import { toRange } from './ranges';
import type { WorkspaceState } from './state';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** How many of the preview's contacts have no value, per contact property (from the loaded data). */
export interface NoValueCounts {
  total: number;
  counts: Record<string, number>;
}

export function toLspDiagnostic(index: LineIndex, d: Diagnostic, noValue?: NoValueCounts): LspDiagnostic {
  return { range: toRange(index, d), severity: SEVERITIES[d.severity], code: d.code, source: 'hslist', message: withCount(d, noValue) };
}

/** `unknown-excluded` with the number of contacts it leaves out, when the preview has data. */
function withCount(d: Diagnostic, noValue: NoValueCounts | undefined): string {
  const n = d.code === 'unknown-excluded' && d.subject !== undefined ? noValue?.counts[d.subject] : undefined;
  if (n === undefined || !noValue) return d.message;
  const of = `${n.toLocaleString('en-US')} of ${noValue.total.toLocaleString('en-US')}`;
  return `${d.message} In the preview's contact data, ${of} contacts have no value for ${d.subject}.`;
}

export class DiagnosticsPublisher {
  /** Checks that need data (the preview's Salesforce side): they may amend a file's diagnostics before publishing. */
  withData: ((path: string, diagnostics: Diagnostic[], analysis: WorkspaceAnalysis) => Diagnostic[]) | undefined;
  private readonly published = new Map<string, string>();
  private readonly publishedVersion = new Map<string, number | undefined>();
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastRun = 0;
  private running = false;
  private rerun = false;
  private noValue: NoValueCounts | undefined;

  /** `minIntervalMs`: while edits keep coming, analyse at most this often (an edit after a pause is analysed at once). */
  constructor(
    private readonly connection: Connection,
    private readonly state: WorkspaceState,
    private readonly minIntervalMs = 50,
  ) {}

  /** The preview's counts of contacts with no value (undefined: no data); diagnostics are published again. */
  setNoValueCounts(noValue: NoValueCounts | undefined): void {
    if (JSON.stringify(noValue) === JSON.stringify(this.noValue)) return;
    this.noValue = noValue;
    this.schedule();
  }

  schedule(): void {
    if (this.timer) return;
    const wait = this.lastRun + this.minIntervalMs - Date.now();
    const run = () => {
      this.timer = undefined;
      void this.prepareThenPublish();
    };
    this.timer = wait > 0 ? setTimeout(run, wait) : setImmediate(run);
  }

  /** Prepares the changed files one per turn, then publishes; a newer change restarts it. */
  private async prepareThenPublish(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      const generation = this.state.generation;
      for (const path of this.state.pendingPaths()) {
        this.state.prepare(path);
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.state.generation !== generation) {
          this.rerun = true;
          return;
        }
      }
      this.publishNow();
    } finally {
      this.running = false;
      if (this.rerun) {
        this.rerun = false;
        this.schedule();
      }
    }
  }

  publishNow(): void {
    try {
      this.publishAll();
    } catch (error) {
      this.connection.console.error(`hslist: publishing diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      this.lastRun = Date.now();
    }
  }

  private publishAll(): void {
    const analysis = this.state.analysis();
    const seen = new Set<string>();
    for (const file of analysis.files.values()) {
      const uri = this.state.uriOf(file.path);
      seen.add(uri);
      // One file that cannot be published must not keep the others' diagnostics back.
      try {
        const diagnostics = this.withData ? this.withData(file.path, file.diagnostics, analysis) : file.diagnostics;
        this.publish(uri, diagnostics.map((d) => toLspDiagnostic(file.lineIndex, d, this.noValue)), this.state.versionOf(file.path));
      } catch (error) {
        this.connection.console.error(`hslist: publishing diagnostics of ${file.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    for (const [path, problem] of this.state.unreadable) {
      if (this.state.isOpen(path)) continue;
      const uri = this.state.uriOf(path);
      seen.add(uri);
      const start = { line: 0, character: 0 };
      this.publish(uri, [{ range: { start, end: start }, severity: DiagnosticSeverity.Error, code: problem.code, source: 'hslist', message: problem.message }], undefined);
    }
    for (const uri of [...this.published.keys()]) {
      if (!seen.has(uri)) this.publish(uri, [], undefined);
    }
  }

  private publish(uri: string, diagnostics: LspDiagnostic[], version: number | undefined): void {
    const key = JSON.stringify(diagnostics);
    const before = this.published.get(uri);
    const versionChanged = version !== undefined && this.publishedVersion.get(uri) !== version;
    if (before === key && !versionChanged) return;
    if (before === undefined && diagnostics.length === 0 && version === undefined) return;
    if (diagnostics.length === 0 && version === undefined) this.published.delete(uri);
    else this.published.set(uri, key);
    this.publishedVersion.set(uri, version);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
