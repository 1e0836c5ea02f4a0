// The portal's subscription types (`hslist schema pull`'s subscriptions.json, from Communication Preferences'
// definitions), so a file can write `opted in to email subscription "Newsletter"`: HubSpot's EMAIL_SUBSCRIPTION
// and COMMUNICATION_SUBSCRIPTION filters take ids, which the compiler writes. A name resolves to the one
// definition of that name whose channel fits the phrase (names compared without case; a live definition
// before an inactive namesake). HubSpot's reference types `communicationMethod` as a free string without its
// values, so a definition's channel is known only when the method reads as EMAIL, SMS or WHATSAPP (any case);
// one of another or no method fits every channel (docs/language.md#subscriptions).

import type { SubscriptionRef } from '@hslist/grammar';
import type { Schema, SubscriptionDef } from './schema-types';
import { catalogueEntries, entriesNamed, type CatalogueProblem } from './schema-catalogue';
import type { Channel } from '../hubspot/compile/subscriptions';

export type { SubscriptionDef };

export const SUBSCRIPTIONS_FILE = 'subscriptions.json';

const DIGITS = /^\d+$/;

export function parseSubscriptions(value: unknown, file: string, problems: CatalogueProblem[]): SubscriptionDef[] | undefined {
  return catalogueEntries<SubscriptionDef>(value, file, 'subscription definitions', problems, (d) => {
    if (typeof d.id !== 'string' || !DIGITS.test(d.id) || typeof d.name !== 'string') return { lacks: 'an id of digits and a name (a subscription definition)' };
    const def: SubscriptionDef = { id: d.id, name: d.name, description: typeof d.description === 'string' ? d.description : '', archived: d.archived === true };
    if (typeof d.communicationMethod === 'string' && d.communicationMethod !== '') def.communicationMethod = d.communicationMethod;
    if (typeof d.businessUnitId === 'string' && DIGITS.test(d.businessUnitId)) def.businessUnitId = d.businessUnitId;
    return def;
  });
}

/** The channel a definition is for, when its communication method names one of the language's channels. */
export function channelOfDefinition(def: SubscriptionDef): Channel | undefined {
  const method = def.communicationMethod?.toLowerCase();
  return method === 'email' || method === 'sms' || method === 'whatsapp' ? method : undefined;
}

function fits(def: SubscriptionDef, channel: Channel | undefined): boolean {
  const own = channelOfDefinition(def);
  return channel === undefined || own === undefined || own === channel;
}

export type SubscriptionMatch =
  /** An id (`#123`): the pulled definition of that id, when there is one. */
  | { kind: 'id'; id: string; definition: SubscriptionDef | undefined }
  | { kind: 'name'; definition: SubscriptionDef }
  | { kind: 'ambiguous'; definitions: SubscriptionDef[] }
  /** A name only definitions of another channel have. */
  | { kind: 'other-channel'; definitions: SubscriptionDef[] }
  | { kind: 'unknown' }
  /** A name, but the schema holds no subscription definitions to look it up in. */
  | { kind: 'no-catalogue' };

export function matchSubscription(ref: SubscriptionRef, channel: Channel | undefined, definitions: readonly SubscriptionDef[] | undefined): SubscriptionMatch {
  if (ref.by !== 'name') return { kind: 'id', id: ref.text, definition: definitions?.find((d) => d.id === ref.text) };
  if (!definitions) return { kind: 'no-catalogue' };
  const found = entriesNamed(ref.text, definitions.filter((d) => fits(d, channel)));
  if (found.kind === 'one') return { kind: 'name', definition: found.entry };
  if (found.kind === 'many') return { kind: 'ambiguous', definitions: found.entries };
  const elsewhere = entriesNamed(ref.text, definitions);
  if (elsewhere.kind === 'none') return { kind: 'unknown' };
  return { kind: 'other-channel', definitions: elsewhere.kind === 'one' ? [elsewhere.entry] : elsewhere.entries };
}

/** The id HubSpot gets for a written subscription: the id itself, or the id of the one definition the name names; else undefined. */
export function subscriptionIdOf(ref: SubscriptionRef, channel: Channel | undefined, schema: Pick<Schema, 'subscriptions'>): string | undefined {
  const match = matchSubscription(ref, channel, schema.subscriptions);
  return match.kind === 'id' ? match.id : match.kind === 'name' ? match.definition.id : undefined;
}

/** `"Newsletter" (#81537745, email)`: a definition in a message. */
export function describeSubscription(def: SubscriptionDef): string {
  const details = [`#${def.id}`, def.communicationMethod?.toLowerCase(), def.archived ? 'inactive' : undefined, def.businessUnitId ? `business unit ${def.businessUnitId}` : undefined];
  return `"${def.name}" (${details.filter((d) => d !== undefined).join(', ')})`;
}
