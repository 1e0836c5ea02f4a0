// What the HubSpot emulator itself puts in a list: the list compiled, created there through the account layer
// and its memberships read back. Tests compare a preview's count with it (the emulator judges the compiled JSON
// on its own, so the two evaluations are independent).

import type { ListNode } from '@hslist/grammar';
import { createHubSpotAccount, type HubSpotAccountOptions } from '../../server/src/hubspot/account/account';
import { compileList } from '../../server/src/hubspot/compile';
import { defaultSchema } from '../../server/src/language/schema';
import type { Schema } from '../../server/src/language/schema-types';

export async function emulatorMembers(connection: HubSpotAccountOptions, list: ListNode, name: string, schema: Schema = defaultSchema()): Promise<{ listId: string; ids: string[] }> {
  const { request, diagnostics } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
  if (!request) throw new Error(`"${list.name.text}" does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  const account = createHubSpotAccount(connection);
  const created = await account.createList({ ...request, name } as never);
  return { listId: created.listId, ids: (await account.listMemberships(created.listId)).map((m) => m.recordId) };
}
