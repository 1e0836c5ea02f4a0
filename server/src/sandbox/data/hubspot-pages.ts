// The seeded portal's CMS pages (landing and website pages) and which one each seeded form submission was
// sent on. Fixed, not drawn: the page of a submission follows from its time, so adding pages drew nothing
// from the portal's random streams and changed no other value of it. Two pages share the name "Pricing"
// (a website page and a landing page), so a file naming it meets the ambiguity a real portal can have.

import type { FormSubmission, PortalPage } from './hubspot-records';

export const PORTAL_PAGES: readonly PortalPage[] = [
  { id: '51000001', name: 'Pricing', url: 'https://www.example.com/pricing', kind: 'website page', archived: false },
  { id: '51000002', name: 'Contact us', url: 'https://www.example.com/contact', kind: 'website page', archived: false },
  { id: '51000003', name: 'Home', url: 'https://www.example.com/', kind: 'website page', archived: false },
  { id: '51000004', name: 'Pricing 2023', url: 'https://www.example.com/pricing-2023', kind: 'website page', archived: true },
  { id: '52000001', name: 'Webinar registration', url: 'https://info.example.com/webinar', kind: 'landing page', archived: false },
  { id: '52000002', name: 'Ebook', url: 'https://info.example.com/ebook', kind: 'landing page', archived: false },
  { id: '52000003', name: 'Pricing', url: 'https://info.example.com/pricing-offer', kind: 'landing page', archived: false },
];

/** The submission with the page it was sent on: one of the pages, or (one time in eight) none, a form on another site. */
export function withPage(submission: FormSubmission): FormSubmission {
  const slot = Math.floor(Date.parse(submission.timestamp) / 1000) % (PORTAL_PAGES.length + 1);
  return slot < PORTAL_PAGES.length ? { ...submission, pageId: PORTAL_PAGES[slot].id } : submission;
}
