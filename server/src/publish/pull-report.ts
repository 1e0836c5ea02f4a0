// What pull tells the user, the same in the CLI and the editor: each list written, skipped or refused
// with its reasons, and a summary line. `shown` says how paths are displayed (relative to where the user
// stands, or to the workspace).

import { relative } from 'node:path';
import type { PullOutcome } from './pull';

export function pullReport(outcome: PullOutcome, shown: (path: string) => string, root: string, outDir: string): string {
  const lines: string[] = [];
  for (const w of outcome.written) lines.push(`✓ "${w.name}" #${w.listId} → ${shown(w.file)}`);
  for (const s of outcome.skipped) lines.push(`· "${s.name}" not pulled: ${s.reason}`);
  for (const f of outcome.failed) {
    lines.push(`✗ "${f.name}"${f.listId && !f.name.startsWith('#') ? ` #${f.listId}` : ''} not pulled:`);
    for (const reason of f.reasons) lines.push(`    ${reason}`);
  }
  const recorded = outcome.written.length > 0 ? ' Recorded in hslist.lock.json.' : '';
  lines.push(`Pull from portal ${outcome.portalId}: ${outcome.written.length} written, ${outcome.skipped.length} already in code, ${outcome.failed.length} not pulled.${recorded}`);
  if (outcome.written.length > 0 && relative(root, outDir).startsWith('..')) lines.push(`Note: ${shown(outDir)} is outside the workspace (${shown(root)}): plan and apply there do not see these files.`);
  return `${lines.join('\n')}\n`;
}
