// Subscription statuses for `opted in to …` and the like: HubSpot's public API reads many contacts'
// statuses only for email (Communication Preferences v4 batch reads, by email address), so email
// statuses are loaded and SMS and WhatsApp conditions stay "not in this data" with that reason.
// A contact without an email address, or one HubSpot did not answer for, gets no statuses at all (its
// conditions are unknown, never "not opted"): HubSpot keys email statuses by address, and what its
// filters do with a contact that has none is not documented.

import type { HubSpotAccount } from '../../hubspot/account/types';
import type { SubscriptionRecord } from '../types';
import { untilAborted } from './abort';
import type { ContactSet } from './contact-set';
import type { Progress } from './fetch-contacts';
import type { DataNeeds } from './needs';
import { contactsByEmail } from './submissions';

interface Options {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** Why a channel's statuses are never loaded (the key `subscriptions:<CHANNEL>` of `unloaded`). */
export const NO_BATCH_READ = "HubSpot's Communication Preferences API reads many contacts' statuses only for email (v4 statuses/batch/read takes channel EMAIL)";

/**
 * Contact id → email subscription statuses, for the contacts HubSpot answered for; undefined when no
 * list asks about email or HubSpot refused (403, recorded in `unloaded` as `subscriptions`).
 */
export async function readSubscriptionStatuses(account: HubSpotAccount, contacts: ContactSet, needs: DataNeeds, unloaded: Map<string, string>, options: Options): Promise<Map<string, SubscriptionRecord[]> | undefined> {
  const channels = needs.subscriptionChannels ?? [];
  for (const channel of channels.filter((c) => c !== 'EMAIL')) unloaded.set(`subscriptions:${channel}`, NO_BATCH_READ);
  if (!channels.includes('EMAIL')) return undefined;
  const byEmail = contactsByEmail(contacts);
  const emails = [...byEmail.keys()];
  const onBatch = (done: number) => options.onProgress?.({ phase: 'subscriptions', done, total: emails.length });
  onBatch(0);
  try {
    const statuses = await untilAborted(account.getEmailSubscriptionStatuses(emails, onBatch), options.signal);
    const byContact = new Map<string, SubscriptionRecord[]>();
    for (const [email, list] of statuses) {
      const records = list.map((s): SubscriptionRecord => ({ channel: 'EMAIL', status: s.status, ...(s.subscriptionId !== undefined ? { subscriptionId: s.subscriptionId } : {}) }));
      for (const id of byEmail.get(email) ?? []) byContact.set(id, records);
    }
    return byContact;
  } catch (error) {
    if ((error as { status?: number }).status !== 403) throw error;
    unloaded.set('subscriptions', `HubSpot refused the subscription statuses: ${(error as Error).message}`);
    return undefined;
  }
}
