// The HubSpot lists view as data: which rows the last plan answer gives, with their label, state
// text, icon, tooltip and context value (which menu actions apply). No `vscode` import: tree.ts turns
// these into TreeItems, and the unit tests read them as they are.

import type { EntryStatus, EntryView, PlanAnswer, PortalList } from '../../../server/src/lsp/publish/protocol';

export type PublishNode =
  | { kind: 'list'; entry: EntryView }
  | { kind: 'not-in-code'; lists: PortalList[] }
  | { kind: 'portal-list'; list: PortalList }
  | { kind: 'action'; label: string; command: string; icon: string };

export interface RowModel {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  icon: { id: string; color?: string };
  contextValue: string;
  collapsed?: boolean;
  /** The command a click runs, with its arguments. */
  command?: { command: string; title: string; arguments: unknown[] };
}

export const CONNECT_COMMAND = 'hslist.connectHubSpot';
export const REFRESH_COMMAND = 'hslist.publish.refresh';
export const OPEN_DEFINITION_COMMAND = 'hslist.publish.openDefinition';
export const NOT_IN_CODE_GROUP = 'In the portal but not in code';

const ICONS: Record<EntryStatus, { id: string; color: string }> = {
  unchanged: { id: 'pass', color: 'testing.iconPassed' },
  create: { id: 'cloud-upload', color: 'gitDecoration.addedResourceForeground' },
  change: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  drifted: { id: 'warning', color: 'list.warningForeground' },
  blocked: { id: 'error', color: 'list.errorForeground' },
  delete: { id: 'trash', color: 'gitDecoration.deletedResourceForeground' },
  'not-in-code': { id: 'trash', color: 'gitDecoration.deletedResourceForeground' },
};

const TYPES: Record<string, string> = { DYNAMIC: 'active', MANUAL: 'static', SNAPSHOT: 'snapshot' };

/** The rows at the top of the view; empty while nothing is known (the view's message says why). */
export function rootNodes(answer: PlanAnswer | undefined): PublishNode[] {
  if (!answer) return [];
  if (answer.state === 'unavailable') {
    return answer.reason === 'not-connected'
      ? [{ kind: 'action', label: 'Connect HubSpot account…', command: CONNECT_COMMAND, icon: 'plug' }]
      : [{ kind: 'action', label: 'Refresh', command: REFRESH_COMMAND, icon: 'refresh' }];
  }
  const nodes: PublishNode[] = answer.plan.entries.map((entry) => ({ kind: 'list', entry }));
  if (answer.plan.notInCode.length > 0) nodes.push({ kind: 'not-in-code', lists: answer.plan.notInCode });
  return nodes;
}

export function childNodes(node: PublishNode): PublishNode[] {
  return node.kind === 'not-in-code' ? node.lists.map((list) => ({ kind: 'portal-list', list })) : [];
}

/** The message above the rows: why there are none, or nothing when the plan is there. */
export function viewMessage(answer: PlanAnswer | undefined): string | undefined {
  if (!answer) return 'Reading the HubSpot portal…';
  if (answer.state === 'unavailable') return answer.message;
  return answer.plan.entries.length === 0 ? 'There are no lists in the .hslist files of this workspace yet.' : undefined;
}

/** The view's subtitle: which portal the states are about. */
export function viewDescription(answer: PlanAnswer | undefined): string | undefined {
  return answer?.state === 'planned' ? `portal ${answer.plan.portalId} · ${answer.plan.host}` : undefined;
}

function listRow(e: EntryView): RowModel {
  const flags = [`status-${e.status}`, ...(e.uri ? ['definition'] : []), ...(e.hasDiff ? ['diff'] : [])];
  const description = `${e.lens}${e.inclusion ? ' · inclusion list' : ''}`;
  const lines = [`**${e.name}**${e.listId ? ` · HubSpot #${e.listId}` : ''}${e.location ? ` · ${e.location}` : ''}`, '', description];
  if (e.changes.length > 0) lines.push('', `${e.status === 'drifted' ? 'With --force: ' : 'Apply: '}${e.changes.join('; ')}`);
  for (const reason of e.reasons) lines.push('', reason);
  return {
    id: `list:${e.name.toLowerCase()}`,
    label: e.name,
    description,
    tooltip: lines.join('\n'),
    icon: ICONS[e.status],
    contextValue: `hslist.list ${flags.join(' ')}`,
    ...(e.uri ? { command: { command: OPEN_DEFINITION_COMMAND, title: 'Open definition', arguments: [{ kind: 'list', entry: e }] } } : {}),
  };
}

export function rowOf(node: PublishNode): RowModel {
  switch (node.kind) {
    case 'list':
      return listRow(node.entry);
    case 'not-in-code':
      return {
        id: 'not-in-code',
        label: NOT_IN_CODE_GROUP,
        description: `${node.lists.length}`,
        tooltip: 'Contact lists of the portal that neither the files nor hslist.lock.json know. "Pull into the workspace" writes one as an .hslist file.',
        icon: { id: 'cloud' },
        contextValue: 'hslist.notInCode',
        collapsed: true,
      };
    case 'portal-list':
      return {
        id: `portal:${node.list.listId}`,
        label: node.list.name,
        description: `#${node.list.listId} · ${TYPES[node.list.processingType] ?? node.list.processingType} · not in code`,
        tooltip: `**${node.list.name}** · HubSpot #${node.list.listId}\n\nIn the portal, not in the files.`,
        icon: { id: 'cloud' },
        contextValue: 'hslist.portalList',
      };
    case 'action':
      return { id: `action:${node.command}`, label: node.label, tooltip: node.label, icon: { id: node.icon }, contextValue: 'hslist.action', command: { command: node.command, title: node.label, arguments: [] } };
  }
}
