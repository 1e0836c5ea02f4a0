// Whether a list is the sync block's inclusion list: its entering members then sync to Salesforce.

import type { SyncNode } from '@hslist/grammar';

/** The inclusion list named by the first sync block that names one. */
export function inclusionListName(syncBlocks: readonly { node: SyncNode }[]): string | undefined {
  for (const { node } of syncBlocks) {
    const setting = node.settings.find((s) => s.key.text === 'inclusion list' && s.value?.kind === 'string');
    if (setting?.value?.kind === 'string') return setting.value.value;
  }
  return undefined;
}

export function isInclusionList(syncBlocks: readonly { node: SyncNode }[], name: string): boolean {
  const wanted = name.toLowerCase();
  return syncBlocks.some(({ node }) =>
    node.settings.some((s) => s.key.text === 'inclusion list' && s.value?.kind === 'string' && s.value.value.toLowerCase() === wanted));
}
