// `auto-create-bypasses-list` (info, on `yes`): with an inclusion list, `salesforce creates hubspot
// contacts: yes` lets every new Salesforce lead or contact create a HubSpot contact whether or not it meets the
// list's criteria, and such a contact's later updates, either way, wait until it does (rule C2, HubSpot's
// "Create a Salesforce inclusion list"). The fix is the other setting, "Do nothing". It is a setting some
// teams want, so on its own it is worth knowing (info); with Salesforce data loaded, sync-data.ts says how many
// leads and contacts it concerns, and makes it a warning when some of them would freeze.

import { type SyncNode, diagnostic, type Diagnostic } from '@hslist/grammar';
import type { FileCheckContext } from './context';
import { findSetting, settingWord } from './settings';

export const AUTO_CREATE_CODE = 'auto-create-bypasses-list';

function checkSync(sync: SyncNode): Diagnostic[] {
  const inclusion = findSetting(sync.settings, 'inclusion list')?.value;
  const creates = findSetting(sync.settings, 'salesforce creates hubspot contacts')?.value;
  if (inclusion?.kind !== 'string' || !creates || settingWord(creates) !== 'yes') return [];
  const message = `New Salesforce leads and contacts create HubSpot contacts even when they are not in "${inclusion.value}" (rule C2): the inclusion list does not apply at creation, and afterwards updates of such a contact, from either side, wait until it meets the list's criteria. Set \`no\` ("Do nothing") to let only the list decide.`;
  const fix = { title: 'Change to `no` ("Do nothing")', edits: [{ start: creates.start, end: creates.end, newText: 'no' }] };
  return [diagnostic(AUTO_CREATE_CODE, message, creates, 'info', [fix])];
}

export function checkAutoCreate(ctx: FileCheckContext): Diagnostic[] {
  return ctx.file.syncBlocks.flatMap(checkSync);
}
