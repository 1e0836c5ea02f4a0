// A form's submissions (Form Integrations v1: `GET /form-integrations/v1/submissions/forms/{form_guid}`),
// newest first in pages of at most 50 joined by `after` (so a refresh stops at the first page that
// reaches back past what it already has). Each result is `{conversionId, submittedAt,
// values: [{name, value}], pageUrl}`; the preview needs when it was sent, the email it carried and the page
// it was sent from (for `on page …`).

import { arrayOf, type Api } from './api';
import { nextAfter } from './account-lists';
import { toAccountError } from './errors';
import { withQuery } from './paths';
import type { FormSubmissionData } from './types';

/** HubSpot's maximum page size for this endpoint. */
const SUBMISSIONS_PAGE = 50;

export async function formSubmissions(api: Api, formId: string, onPage?: (read: number) => void, since?: number): Promise<FormSubmissionData[]> {
  const submissions: FormSubmissionData[] = [];
  // A form is sent from a few pages: each address is held once, not once per submission (issue 15).
  const pages = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = await api.call('GET', withQuery(api.paths.formSubmissions(formId), { limit: SUBMISSIONS_PAGE, after }), undefined, { background: true });
    for (const [i, item] of arrayOf(page, 'results', `the submissions of form ${formId}`, api.host).entries()) {
      submissions.push(toSubmission(item, formId, `the submissions of form ${formId} (result ${submissions.length + i + 1})`, api.host, pages));
    }
    onPage?.(submissions.length);
    const reachedSince = since !== undefined && submissions.length > 0 && submissions[submissions.length - 1].submittedAt < since;
    after = reachedSince ? undefined : nextAfter(page);
  } while (after);
  return submissions;
}

function toSubmission(value: unknown, formId: string, what: string, host: string, pages: Map<string, string>): FormSubmissionData {
  const s = value as { submittedAt?: unknown; values?: unknown } | null;
  const submittedAt = typeof s?.submittedAt === 'number' ? s.submittedAt : typeof s?.submittedAt === 'string' ? Number(s.submittedAt) : NaN;
  if (!s || typeof s !== 'object' || !Number.isFinite(submittedAt) || !Array.isArray(s.values)) {
    throw toAccountError(new Error(`HubSpot at ${host} sent ${what} without a submittedAt time and values`), host);
  }
  const email = (s.values as { name?: unknown; value?: unknown }[]).find((v) => v?.name === 'email' && typeof v.value === 'string' && v.value !== '');
  const sentFrom = (s as { pageUrl?: unknown }).pageUrl;
  const pageUrl = typeof sentFrom === 'string' && sentFrom !== '' ? interned(pages, sentFrom) : undefined;
  return { formId, submittedAt, ...(email ? { email: String(email.value) } : {}), ...(pageUrl ? { pageUrl } : {}) };
}

function interned(seen: Map<string, string>, value: string): string {
  const known = seen.get(value);
  if (known !== undefined) return known;
  seen.set(value, value);
  return value;
}
