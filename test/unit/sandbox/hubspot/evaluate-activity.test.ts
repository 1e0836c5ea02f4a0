// The emulator's WEBINAR, CTA and ADS_TIME filters: what it validates (the spec's operators and required
// fields) and how it judges seeded webinars, CTA events and ads seen, apart from the preview's evaluators.

import { strict as assert } from 'node:assert';
import { FALLBACK_COMPANY_PROPERTIES, FALLBACK_CONTACT_PROPERTIES } from '../../../../server/src/sandbox/data/hubspot-schema';
import { validateFilterBranch } from '../../../../server/src/sandbox/hubspot/list-validate';
import { contact, kept, list, NOW } from './helpers';

const ctx = {
  contactProperties: new Map(FALLBACK_CONTACT_PROPERTIES.map((p) => [p.name, p])),
  companyProperties: new Map(FALLBACK_COMPANY_PROPERTIES.map((p) => [p.name, p])),
  listExists: () => true,
};
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString();

describe('HubSpot emulator evaluator: webinars, CTAs and ads', () => {
  const people = {
    registered: contact({}, { webinars: [{ id: '1', registered: true, attended: false }], ctaEvents: [{ cta: 'c', type: 'VIEW', timestamp: at(1) }], adViews: [{ timestamp: at(100) }] }),
    attended: contact({}, { webinars: [{ id: '2', registered: true, attended: true }], ctaEvents: [{ cta: 'c', type: 'CLICK', timestamp: at(1) }, { cta: 'c', type: 'CLICK', timestamp: at(30) }], adViews: [{ timestamp: at(1) }] }),
    none: contact({}),
  };
  const webinar = (operator: string, webinarId?: string) => ({ filterType: 'WEBINAR', operator, ...(webinarId ? { webinarId } : {}) });
  const cta = (operator: string, extra: object = {}) => ({ filterType: 'CTA', ctaName: 'c', operator, ...extra });
  const lastDays = (amount: number) => ({ pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount } } });

  it('WEBINAR: a registration or an attendance, of the webinar or of any; NOT_HAS_: none', () => {
    assert.deepEqual(kept(webinar('HAS_WEBINAR_REGISTRATION'), people), ['registered', 'attended']);
    assert.deepEqual(kept(webinar('HAS_WEBINAR_ATTENDANCE'), people), ['attended']);
    assert.deepEqual(kept(webinar('HAS_WEBINAR_REGISTRATION', '1'), people), ['registered']);
    assert.deepEqual(kept(webinar('NOT_HAS_WEBINAR_ATTENDANCE', '2'), people), ['registered', 'none']);
  });

  it('CTA: clicks or views (OPENED) in the window, then counted; HAS_NOT_: not so', () => {
    assert.deepEqual(kept(cta('HAS_CLICKED_CTA'), people), ['attended']);
    assert.deepEqual(kept(cta('HAS_OPENED_CTA'), people), ['registered']);
    assert.deepEqual(kept(cta('HAS_CLICKED_CTA', { coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 }, ...lastDays(1) }), people), []);
    assert.deepEqual(kept(cta('HAS_CLICKED_CTA', { coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 }, ...lastDays(2) }), people), ['attended']);
    assert.deepEqual(kept(cta('HAS_NOT_CLICKED_CTA', lastDays(1)), people), ['registered', 'none']);
    assert.deepEqual(kept(cta('HAS_CLICKED_CTA_PLACEMENT'), people), [], 'placements are not seeded: no one, reported');
  });

  it('ADS_TIME: some ad in the window', () => {
    assert.deepEqual(kept({ filterType: 'ADS_TIME', ...lastDays(1) }, people), ['attended']);
    assert.deepEqual(kept({ filterType: 'ADS_TIME', ...lastDays(5) }, people), ['registered', 'attended']);
  });

  it('validation: the spec\'s operators and required fields', () => {
    assert.equal(validateFilterBranch(list(webinar('HAS_WEBINAR_REGISTRATION')), ctx), undefined);
    assert.equal(validateFilterBranch(list(cta('HAS_OPENED_CTA', lastDays(3))), ctx), undefined);
    assert.match(validateFilterBranch(list(webinar('HAS_WEBINAR')), ctx) ?? '', /unknown WEBINAR operator "HAS_WEBINAR"/);
    assert.match(validateFilterBranch(list({ filterType: 'CTA', operator: 'HAS_CLICKED_CTA' }), ctx) ?? '', /requires "ctaName"/);
    assert.match(validateFilterBranch(list({ filterType: 'ADS_TIME' }), ctx) ?? '', /requires "pruningRefineBy"/);
    assert.match(validateFilterBranch(list({ filterType: 'ADS_TIME', pruningRefineBy: { type: 'SOMETIME' } }), ctx) ?? '', /unknown refine-by type "SOMETIME"/);
  });
});
