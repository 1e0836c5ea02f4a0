// Counts in the editor: a code lens on every list's name line ("1,204 of 48,113 contacts") and an
// inlay hint after every top-level clause (how many pass it, and how many are left after it and
// the clauses before it). Both read the newest stored preview; neither waits for an evaluation.

import type { CodeLens, InlayHint } from 'vscode-languageserver/node';
import type { ListNode } from '@hslist/grammar';
import type { ServerContext } from '../context';
import { fileOf } from '../context';
import { toPosition, toRange } from '../ranges';
import type { PreviewResult } from '../../preview/result-types';
import type { PreviewSession } from './session';
import type { ListDiff } from './worker-messages';
import { syncLensTitle } from '../../sync/summary';
import { countFigures, countText } from '../../preview/count-text';

/** The VS Code command a lens runs (registered by the client; not a server command). */
export const OPEN_PANEL_COMMAND = 'hslist.openPreviewPanel';

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The same words as the CLI's preview (preview/count-text.ts). */
export function countTitle(r: PreviewResult): string {
  return countText(countFigures(r));
}

/** " · +12 would enter · −3 would leave (HubSpot list #42)" once the published list's members are known. */
export function diffTitle(diff: ListDiff | undefined): string {
  if (!diff) return '';
  return ` · +${formatCount(diff.enter)} would enter · −${formatCount(diff.leave)} would leave (HubSpot list #${diff.listId})`;
}

export function codeLenses(ctx: ServerContext, session: PreviewSession, uri: string): CodeLens[] {
  const at = fileOf(ctx, uri);
  if (!at) return [];
  const lenses: CodeLens[] = [];
  for (const list of at.file.tree.lists ?? []) {
    const stored = session.previews.get(list.name.text);
    if (!stored) continue;
    const range = toRange(at.file.lineIndex, list.name);
    const title = countTitle(stored.preview.result) + diffTitle(stored.preview.diff);
    lenses.push({ range, command: { title, command: OPEN_PANEL_COMMAND, arguments: [uri, list.name.text] } });
  }
  lenses.push(...syncLenses(at, session, uri));
  return lenses;
}

/** On the sync block: "1,204 will sync · 37 new leads · 12 frozen", opening the panel (its Salesforce tab) on the inclusion list. */
function syncLenses(at: NonNullable<ReturnType<typeof fileOf>>, session: PreviewSession, uri: string): CodeLens[] {
  const sync = at.file.tree.syncBlocks?.[0];
  const side = session.sync;
  if (!sync || (!side.summary && !side.problem)) return [];
  const title = side.summary ? `Salesforce: ${syncLensTitle(side.summary)}` : `Salesforce: ${side.problem}`;
  const list = side.summary?.inclusionList ?? at.file.tree.lists?.[0]?.name.text;
  return [{ range: toRange(at.file.lineIndex, sync.target), command: { title, command: OPEN_PANEL_COMMAND, arguments: list ? [uri, list, 'salesforce'] : [uri] } }];
}

export function inlayHints(ctx: ServerContext, session: PreviewSession, uri: string): InlayHint[] {
  const at = fileOf(ctx, uri);
  if (!at) return [];
  const version = ctx.state.versionOf(at.path);
  const hints: InlayHint[] = [];
  for (const list of at.file.tree.lists ?? []) {
    const stored = session.previews.get(list.name.text);
    // Spans are offsets into the text that was evaluated: a newer text waits for the next round.
    if (!stored || stored.path !== at.path || stored.version !== version || !list.where) continue;
    hints.push(...clauseHints(at.file.lineIndex, list, stored.preview.result));
  }
  return hints;
}

function clauseHints(index: Parameters<typeof toPosition>[0], list: ListNode, r: PreviewResult): InlayHint[] {
  const clauses = r.clauses.filter((c) => c.span.end <= list.end);
  return clauses.map((c) => {
    const left = c.funnel !== undefined && clauses.length > 1 ? ` · ${formatCount(c.funnel)} left` : '';
    const unknown = c.notPreviewable ? ' (not previewable)' : '';
    return {
      position: toPosition(index, c.span.end),
      label: `${formatCount(c.count)} pass${left}${unknown}`,
      paddingLeft: true,
      tooltip: {
        kind: 'markdown',
        value: `**${formatCount(c.count)}** of ${formatCount(r.total)} contacts pass \`${c.text}\`` +
          (c.funnel !== undefined ? `; **${formatCount(c.funnel)}** pass it and every clause before it.` : '.') +
          (c.notPreviewable ? `\n\nNot previewable locally: ${c.notPreviewable}` : ''),
      },
    };
  });
}
