// Form submissions: see `submissions` below.
// Marketing Forms v3 (HubSpot's PublicApiSpecs/Marketing/Forms/Rollouts/144909/v3/forms.json): `GET
// /marketing/v3/forms` pages by `after` (`limit` at most 50 here, as HubSpot's reference gives it), live
// forms unless `archived=true` (then only archived ones), HubSpot forms unless `formTypes` asks for others.
// Each form carries the fields the spec requires; the emulator's forms are plain HubSpot forms.

import type { EmulatorState } from './state';
import { notFound, offsetPage, ok, route, type Route, type RouteRequest, type RouteResult } from './http-kit';
import type { PortalForm } from '../data/hubspot-records';
import { pageUrlOf } from './pages-routes';

const CREATED = '2024-01-15T09:00:00.000Z';
const MAX_LIMIT = 50;

/** A submission of a form: the contact that sent it, its index among the contact's submissions, when (epoch ms). */
interface Submitted {
  contactId: string;
  k: number;
  at: number;
  pageId?: string;
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
      const types = r.query.getAll('formTypes');
      const wanted = types.length === 0 ? ['hubspot'] : types;
      const archived = r.query.get('archived') === 'true';
      const matching = archived || !(wanted.includes('hubspot') || wanted.includes('all')) ? [] : state.forms;
      const paged = offsetPage(r.query, matching, { byDefault: 20, max: MAX_LIMIT });
      if ('error' in paged) return paged.error;
      return ok({ results: paged.page.map(formView), ...paged.paging });
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
  const all = submittedTo(formId);
  const paged = offsetPage(request.query, all, { byDefault: 20, max: MAX_LIMIT });
  if ('error' in paged) return paged.error;
  const results = paged.page.map((s) => ({
    conversionId: conversionId(s.contactId, s.k), submittedAt: s.at, values: submittedValues(state.contacts.get(s.contactId)!.properties),
    // The page it was sent on; a submission on no page of the portal came from a form on another site.
    pageUrl: pageUrlOf(state, s.pageId) ?? `https://partner.example.org/forms/${formId}`,
  }));
  return ok({ results, ...paged.paging });
}

/** Every live contact's submissions of the form, newest first (then by contact and index, so pages are stable). */
function gatherSubmissions(state: EmulatorState, formId: string): Submitted[] {
  const all: Submitted[] = [];
  for (const contact of state.contacts.values()) {
    if (contact.archived) continue;
    contact.formSubmissions.forEach((s, k) => {
      if (s.formId === formId) all.push({ contactId: contact.id, k, at: Date.parse(s.timestamp), ...(s.pageId ? { pageId: s.pageId } : {}) });
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
