// What `hslist apply` does for the sync block besides the lists: with --properties, the contact property
// changes the mappings need (publish/sync-properties*.ts), each said with its result; and, always, the
// settings sheet recorded in the state file as to set by hand (publish/settings-sheet.ts).

import { recordSettingsSheet, type Planned } from '../publish/session';
import { applyPropertyChanges } from '../publish/sync-properties-apply';
import type { HubSpotAccount } from '../hubspot/account/types';
import type { CliIo } from './context';

const WORD = { done: 'done', already: 'already so', failed: 'FAILED' } as const;

/** True when every property change went through (or there was none). */
export async function applySyncSide(planned: Planned, account: HubSpotAccount, io: CliIo): Promise<boolean> {
  let ok = true;
  const changes = planned.plan.properties?.changes ?? [];
  if (changes.length > 0) {
    io.out('Contact properties (--properties):\n');
    for (const outcome of await applyPropertyChanges(account, changes)) {
      if (outcome.result === 'failed') ok = false;
      io.out(`  ${WORD[outcome.result]}: ${outcome.change.text}${outcome.message ? ` — ${outcome.message}` : ''}\n`);
    }
  }
  const items = planned.plan.settings ?? [];
  if ((await recordSettingsSheet(planned)) || items.some((i) => i.status === 'to set by hand')) {
    const open = items.filter((i) => i.status === 'to set by hand').length;
    if (open > 0) io.out(`${open} setting${open === 1 ? '' : 's'} of the sync block to set by hand in HubSpot (no public API): recorded in the state file; after setting them, run \`hslist settings confirm\`.\n`);
  }
  return ok;
}
