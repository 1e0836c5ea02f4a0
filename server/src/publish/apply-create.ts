// Creating a list without ever creating it twice. A POST is not repeated blindly: when its answer is
// lost (a reset, a time-out) or is a 5xx, HubSpot may have created the list anyway, so the list is
// looked up by name first. Found with the criteria we sent, it is ours; found with others, someone else
// made it (an error, never overwritten here); not found, the create is tried again.

import { HubSpotAccountError } from '../hubspot/account/errors';
import type { HubSpotAccount, HubSpotList, ListCreateRequest } from '../hubspot/account/types';
import { sameDefinition } from './canonical';

const CREATE_ATTEMPTS = 3;

export async function createListOnce(account: HubSpotAccount, request: ListCreateRequest): Promise<HubSpotList> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await account.createList(request);
    } catch (error) {
      if (!mayHaveBeenCreated(error)) throw error;
      const found = await account.findListByName(request.name, true);
      if (found) return ours(found, request, error as HubSpotAccountError);
      if (attempt >= CREATE_ATTEMPTS) throw error;
    }
  }
}

/** A lost answer, a 5xx, or "already exists" (our own earlier attempt may have made it). */
function mayHaveBeenCreated(error: unknown): boolean {
  if (!(error instanceof HubSpotAccountError)) return false;
  return error.uncertain || (error.status ?? 0) >= 500 || (error.status === 400 && /already exists/i.test(error.message));
}

function ours(found: HubSpotList, request: ListCreateRequest, error: HubSpotAccountError): HubSpotList {
  if (found.processingType === request.processingType && sameDefinition(found, request)) return found;
  const why = error.status === 400 ? error.message : `the create of "${request.name}" got no clear answer`;
  throw new HubSpotAccountError('request', `${why} HubSpot already holds a list named "${found.name}" (#${found.listId}) with other criteria; it was left as it is.`);
}
