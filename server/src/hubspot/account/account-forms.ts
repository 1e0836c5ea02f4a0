// Marketing Forms v3 (`GET /marketing/v3/forms`): the portal's forms, so a file can name one
// (`submitted form "Demo request"`) while FORM_SUBMISSION filters get its id. Live and archived forms are
// both read: a contact's submissions of a form archived since still count in HubSpot's filter.

import type { Api } from './api';
import { liveAndArchived } from './account-catalogue';
import { toAccountError } from './errors';
import type { HubSpotForm, Json } from './types';

/** Forms v3 pages hold at most 50 (its reference's `limit`); portals have few forms. */
const FORMS_PAGE = 50;

export async function allForms(api: Api): Promise<HubSpotForm[]> {
  return liveAndArchived(api, api.paths.forms(), 'the forms', FORMS_PAGE, (item, archived) => toForm(item, api.host, archived));
}

function toForm(value: unknown, host: string, archived: boolean): HubSpotForm {
  const f = value as Json | null;
  if (!f || typeof f !== 'object' || typeof f.id !== 'string' || typeof f.name !== 'string') {
    throw toAccountError(new Error(`HubSpot at ${host} answered the forms with an entry that has no id or name`), host);
  }
  return { id: f.id, name: f.name, formType: typeof f.formType === 'string' ? f.formType : 'hubspot', archived: f.archived === true || archived };
}
