// Marketing Forms v3 (HubSpot's PublicApiSpecs/Marketing/Forms/Rollouts/144909/v3/forms.json): `GET
// /marketing/v3/forms` pages by `after` (`limit` at most 50 here, as HubSpot's reference gives it), live
// forms unless `archived=true` (then only archived ones), HubSpot forms unless `formTypes` asks for others.
// Each form carries the fields the spec requires; the emulator's forms are plain HubSpot forms.

import type { EmulatorState } from './state';
import { intParam, ok, route, validationError, type Route } from './http-kit';
import type { PortalForm } from '../data/hubspot-records';

const CREATED = '2024-01-15T09:00:00.000Z';
const MAX_LIMIT = 50;

export function formsRoutes(state: EmulatorState): Route[] {
  return [
    route('GET', '/marketing/v3/forms', (r) => {
      const limit = intParam(r.query.get('limit')) ?? 20;
      if (Number.isNaN(limit) || limit < 1 || limit > MAX_LIMIT) return validationError(`limit must be a whole number from 1 to ${MAX_LIMIT}; got "${r.query.get('limit')}".`);
      const types = r.query.getAll('formTypes');
      const wanted = types.length === 0 ? ['hubspot'] : types;
      const archived = r.query.get('archived') === 'true';
      const matching = archived || !(wanted.includes('hubspot') || wanted.includes('all')) ? [] : state.forms;
      const start = Number(r.query.get('after') ?? 0);
      if (!Number.isInteger(start) || start < 0) return validationError(`after must be a cursor from an earlier page; got "${r.query.get('after')}".`);
      const results = matching.slice(start, start + limit).map(formView);
      const next = start + limit < matching.length ? { paging: { next: { after: String(start + limit), link: '' } } } : {};
      return ok({ results, ...next });
    }),
  ];
}

function formView(form: PortalForm): Record<string, unknown> {
  return {
    id: form.id,
    name: form.name,
    formType: 'hubspot',
    archived: false,
    createdAt: CREATED,
    updatedAt: CREATED,
    fieldGroups: [{ groupType: 'default_group', richTextType: 'text', fields: [{ objectTypeId: '0-1', name: 'email', label: 'Email', fieldType: 'email', required: true, hidden: false, validation: { blockedEmailDomains: [], useDefaultBlockList: false } }] }],
    configuration: { language: 'en', cloneable: true, editable: true, archivable: true, recaptchaEnabled: false, notifyContactOwner: false, notifyRecipients: [], createNewContactForNewEmail: false, prePopulateKnownValues: true, allowLinkToResetKnownValues: false, postSubmitAction: { type: 'thank_you', value: 'Thanks for submitting the form.' }, lifecycleStages: [] },
    displayOptions: { renderRawHtml: false, theme: 'default_style', submitButtonText: 'Submit', style: {} },
    legalConsentOptions: { type: 'none' },
  };
}
