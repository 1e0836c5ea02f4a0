// Form submissions: see `submissions` below.
// Marketing Forms v3 (HubSpot's PublicApiSpecs/Marketing/Forms/Rollouts/144909/v3/forms.json): `GET
// /marketing/v3/forms` pages by `after` (`limit` at most 50 here, as HubSpot's reference gives it), live
// forms unless `archived=true` (then only archived ones), HubSpot forms unless `formTypes` asks for others.
// Each form carries the fields the spec requires; the emulator's forms are plain HubSpot forms.

import type { EmulatorState } from './state';
import { intParam, notFound, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import type { PortalForm } from '../data/hubspot-records';

const CREATED = '2024-01-15T09:00:00.000Z';
const MAX_LIMIT = 50;

/** A submission of a form: the contact that sent it, its index among the contact's submissions, when (epoch ms). */
interface Submitted {
  contactId: string;
  k: number;
  at: number;
}

export function formsRoutes(state: EmulatorState): Route[] {
  const submittedByForm = new Map<string, { key: string; all: Submitted[] }>();
  /**
   * A form's submissions in page order, gathered once per state revision: gathering them walks every
   * contact, and a portal of a million contacts has thousands of pages of them.
   */
  const submittedTo = (formId: string): Submitted[] => {
    const key = `${state.revision}:${state.contacts.size}`;
    const cached = submittedByForm.get(formId);
    if (cached?.key === key) return cached.all;
    const all = gatherSubmissions(state, formId);
    submittedByForm.set(formId, { key, all });
    return all;
  };
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
    route('GET', '/form-integrations/v1/submissions/forms/:formGuid', (r) => submissions(state, r, submittedTo)),
  ];
}

/**
 * Form Integrations v1, a form's submissions: newest first, `limit` at most 50 (default 20), `after` the
 * cursor of the page before. Each carries the submitting contact's email, first and last name as they
 * are now (fields the contact left empty are not sent); a contact without an email sent none.
 */
function submissions(state: EmulatorState, request: RouteRequest, submittedTo: (formId: string) => Submitted[]): RouteResult {
  const formId = request.params.formGuid;
  if (!state.forms.some((f) => f.id === formId)) return notFound(`Form ${formId} does not exist.`);
  const limit = intParam(request.query.get('limit')) ?? 20;
  if (Number.isNaN(limit) || limit < 1 || limit > MAX_LIMIT) return validationError(`limit must be a whole number from 1 to ${MAX_LIMIT}; got "${request.query.get('limit')}".`);
  const start = Number(request.query.get('after') ?? 0);
  if (!Number.isInteger(start) || start < 0) return validationError(`after must be a cursor from an earlier page; got "${request.query.get('after')}".`);
  const all = submittedTo(formId);
  const results = all.slice(start, start + limit).map((s) => ({
    conversionId: conversionId(s.contactId, s.k), submittedAt: s.at, values: submittedValues(state.contacts.get(s.contactId)!.properties), pageUrl: `https://www.example.com/forms/${formId}`,
  }));
  const next = start + limit < all.length ? { paging: { next: { after: String(start + limit), link: '' } } } : {};
  return ok({ results, ...next });
}

/** Every live contact's submissions of the form, newest first (then by contact and index, so pages are stable). */
function gatherSubmissions(state: EmulatorState, formId: string): Submitted[] {
  const all: Submitted[] = [];
  for (const contact of state.contacts.values()) {
    if (contact.archived) continue;
    contact.formSubmissions.forEach((s, k) => {
      if (s.formId === formId) all.push({ contactId: contact.id, k, at: Date.parse(s.timestamp) });
    });
  }
  return all.sort((a, b) => b.at - a.at || a.contactId.localeCompare(b.contactId) || a.k - b.k);
}

/** The fields a submission carries: the contact's email, first and last name as they are now, those it has. */
function submittedValues(properties: Record<string, string | null>): { name: string; value: string }[] {
  return ['email', 'firstname', 'lastname'].flatMap((name) => (properties[name] ? [{ name, value: properties[name]! }] : []));
}

/** A stable id per submission, GUID-shaped as HubSpot's are. */
function conversionId(contactId: string, k: number): string {
  const hex = (Number(contactId) * 8 + k).toString(16).padStart(12, '0').slice(-12);
  return `00000000-0000-4000-8000-${hex}`;
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
