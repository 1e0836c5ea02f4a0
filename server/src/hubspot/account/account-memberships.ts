// A static list's members: emails to contact record ids (contacts batch read with `idProperty: email`,
// 100 a request as HubSpot's batch reads take, a few requests at a time), and changes through `PUT …/memberships/add-and-remove`.
// HubSpot's Lists reference names no per-request limit for add-and-remove; requests carry at most
// MEMBERSHIP_CHANGE_BATCH ids together, a cautious size that keeps each body small (an assumption,
// documented in docs/publish.md).

import { arrayOf, chunks, type Api } from './api';
import { recordsOf } from './account-records';
import { toAccountError } from './errors';
import { readInParallel } from './parallel-reads';
import type { Json, MembershipChange } from './types';

const READ_BATCH = 100;
export const MEMBERSHIP_CHANGE_BATCH = 1000;

/** A contacts batch read; found records are its results, the others its errors (207). A 404 is read as none found. */
async function batchReadOrNone(api: Api, body: Json, signal: AbortSignal): Promise<Json> {
  try {
    return await api.call('POST', api.paths.objectsBatchRead('contacts'), body, { readOnly: true, signal });
  } catch (error) {
    if (toAccountError(error, api.host).status === 404) return { results: [] };
    throw error;
  }
}

/** Lowercased email → record id, for the emails some contact has; the others are absent. */
export async function contactIdsByEmail(api: Api, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const answers = await readInParallel(chunks(wanted, READ_BATCH), async (batch, signal) => {
    const body = { idProperty: 'email', inputs: batch.map((id) => ({ id })), properties: ['email'], propertiesWithHistory: [] };
    const records = recordsOf(await batchReadOrNone(api, body, signal), 'a batch of contacts read by email', api.host);
    const asked = new Set(batch);
    return records.flatMap((record): [string, string][] => {
      const email = record.properties.email?.toLowerCase();
      return email && asked.has(email) ? [[email, record.id]] : [];
    });
  }, { concurrency: api.concurrency });
  return new Map(answers.flat());
}

/** The ids among these that are contacts: a batch read names the others among its errors (207). */
export async function existingContactIds(api: Api, ids: string[]): Promise<string[]> {
  const answers = await readInParallel(chunks([...new Set(ids)], READ_BATCH), async (batch, signal) => {
    const body = { inputs: batch.map((id) => ({ id })), properties: ['email'], propertiesWithHistory: [] };
    const asked = new Set(batch);
    return recordsOf(await batchReadOrNone(api, body, signal), 'a batch of contacts read by id', api.host).filter((record) => asked.has(record.id)).map((record) => record.id);
  }, { concurrency: api.concurrency });
  return answers.flat();
}

function idsIn(answer: Json, field: string, listId: string, host: string): string[] {
  if (answer[field] === undefined) return [];
  return arrayOf(answer, field, `list ${listId}'s membership change`, host).map(String);
}

/** Adds and removes record ids, a batch at a time; what HubSpot reports added, removed and missing. */
export async function changeListMemberships(api: Api, listId: string, add: string[], remove: string[]): Promise<MembershipChange> {
  const result: MembershipChange = { added: [], removed: [], missing: [] };
  const half = MEMBERSHIP_CHANGE_BATCH / 2;
  const addBatches = chunks(add, half);
  const removeBatches = chunks(remove, half);
  for (let i = 0; i < Math.max(addBatches.length, removeBatches.length); i++) {
    const body = { recordIdsToAdd: addBatches[i] ?? [], recordIdsToRemove: removeBatches[i] ?? [] };
    const answer = await api.call('PUT', api.paths.listMembershipsAddAndRemove(listId), body);
    if (typeof answer !== 'object' || answer === null) throw toAccountError(new Error(`HubSpot at ${api.host} answered a membership change of list ${listId} without a body`), api.host);
    // HubSpot's MembershipsUpdateResponse spells the added ids `recordsIdsAdded` (sic).
    result.added.push(...idsIn(answer, 'recordsIdsAdded', listId, api.host));
    result.removed.push(...idsIn(answer, 'recordIdsRemoved', listId, api.host));
    result.missing.push(...idsIn(answer, 'recordIdsMissing', listId, api.host));
  }
  return result;
}
