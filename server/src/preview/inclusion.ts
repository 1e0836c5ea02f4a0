// Whether a list is the sync block's inclusion list: its entering members then sync to Salesforce.

import type { SyncNode } from '../../../grammar/src/ast';

export function isInclusionList(syncBlocks: readonly { node: SyncNode }[], name: string): boolean {
  const wanted = name.toLowerCase();
  return syncBlocks.some(({ node }) =>
    node.settings.some((s) => s.key.text === 'inclusion list' && s.value?.kind === 'string' && s.value.value.toLowerCase() === wanted));
}
