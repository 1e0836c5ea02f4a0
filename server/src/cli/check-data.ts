// `hslist check --data PATH|hubspot --salesforce PATH|org`: the checks that need data, after the others.
// The simulation (sync-run.ts) gives the facts; language/checks/sync-data.ts turns them into problems.

import { checkInclusionListData, withSyncData } from '../language/checks/sync-data';
import type { PathDiagnostic } from '../language/checks';
import { syncDataFacts } from '../sync/facts';
import type { CliIo, CommandContext } from './context';
import type { Problem } from './problems';
import { runSync, type SyncFlags } from './sync-run';
import { display, type WorkspaceRun } from './workspace-run';

function toProblem(run: WorkspaceRun, d: PathDiagnostic, cwd: string): Problem {
  const file = run.analysis.files.get(d.path);
  const start = file ? file.lineIndex.positionAt(d.start) : { line: 0, character: 0 };
  const end = file ? file.lineIndex.positionAt(d.end) : start;
  return { file: display(cwd, d.path), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: d.severity, code: d.code, message: d.message };
}

/** The workspace's problems with the data's figures and the data-only checks added; needs a sync block. */
export async function problemsWithData(run: WorkspaceRun, ctx: CommandContext, flags: SyncFlags, io: CliIo, signal: AbortSignal): Promise<Problem[]> {
  const sync = await runSync(run, ctx, flags, io, signal);
  const source = `${sync.data.report.source} with Salesforce ${sync.salesforce.data.report.source}`;
  const facts = syncDataFacts(sync.sim, sync.input.contacts, source);
  const index = { files: [...run.analysis.files.values()], lists: run.analysis.lists, references: run.analysis.references, syncBlocks: run.analysis.syncBlocks, problems: [] };
  const added = checkInclusionListData(index, facts).map((d) => toProblem(run, d, io.cwd));
  const problems = [...withSyncData(run.problems, facts), ...added];
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
