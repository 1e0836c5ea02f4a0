// The plan as a read-only Markdown document: the same text `hslist plan` prints (enter / leave
// included), with a heading naming the portal and when it was read. Pure, so it is unit-tested.

import type { PlanView } from '../../../server/src/lsp/publish/protocol';

/** `2025-06-01T10:04:05.000Z` → `2025-06-01 10:04 UTC`. */
export function readAtText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)} UTC`;
}

export function planMarkdown(view: PlanView): string {
  const fence = view.text.includes('```') ? '~~~~' : '```';
  const lines = [
    '# hslist plan',
    '',
    `HubSpot portal ${view.portalId} at ${view.host}, read at ${readAtText(view.readAt)}${view.prune ? ', with --prune (lists deleted from the files are deleted in HubSpot)' : ''}.`,
    '',
    `${fence}text`,
    view.text.trimEnd(),
    fence,
    '',
    '**hslist: Apply** carries this plan out after a confirmation; lists changed in HubSpot since the last publish are overwritten only after a second one.',
    '',
  ];
  return lines.join('\n');
}
