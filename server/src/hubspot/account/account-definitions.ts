// Communication Preferences definitions (`GET /communication-preferences/v4/definitions`, dated versions alike):
// the portal's subscription types, so a file can name one (`opted in to email subscription "Newsletter"`) and
// the compiler write its id. One answer holds them all (the spec pages nothing). The spec describes
// `businessUnitId` as a filter, so none is sent; whether HubSpot then answers for every business unit or
// only the default one it does not say (docs/language.md#subscriptions-by-name). Inactive definitions are
// kept, marked archived: contacts keep their statuses of them and lists may still ask about them.

import { arrayOf, type Api } from './api';
import { toAccountError } from './errors';
import type { Json } from './types';
import type { SubscriptionDef } from '../../language/schema-types';

export async function subscriptionDefinitions(api: Api): Promise<SubscriptionDef[]> {
  const answer = await api.call('GET', api.paths.subscriptionDefinitions());
  return arrayOf(answer, 'results', 'the subscription definitions', api.host).map((item) => toDefinition(item, api.host));
}

function toDefinition(value: unknown, host: string): SubscriptionDef {
  const d = value as Json | null;
  // The spec types `id` as a string of digits; a number is read the same.
  const id = typeof d?.id === 'number' && Number.isInteger(d.id) ? String(d.id) : d?.id;
  if (!d || typeof id !== 'string' || !/^\d+$/.test(id) || typeof d.name !== 'string' || typeof d.isActive !== 'boolean') {
    throw toAccountError(new Error(`HubSpot at ${host} answered the subscription definitions with an entry that has no id of digits, name or isActive`), host);
  }
  const def: SubscriptionDef = { id, name: d.name, description: typeof d.description === 'string' ? d.description : '', archived: !d.isActive };
  if (typeof d.communicationMethod === 'string' && d.communicationMethod !== '') def.communicationMethod = d.communicationMethod;
  if (typeof d.businessUnitId === 'number' || (typeof d.businessUnitId === 'string' && /^\d+$/.test(d.businessUnitId))) def.businessUnitId = String(d.businessUnitId);
  return def;
}
