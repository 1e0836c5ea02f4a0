// The emulator's evaluator on filters beyond properties: subscription statuses, associated deals and
// tickets, counts of associated records, marketing email events, page views, and form submissions with counts and windows.

import { strict as assert } from 'node:assert';
import { FALLBACK_COMPANY_PROPERTIES, FALLBACK_CONTACT_PROPERTIES } from '../../../../server/src/sandbox/data/hubspot-schema';
import { validateFilterBranch } from '../../../../server/src/sandbox/hubspot/list-validate';
import { matchesFilterBranch } from '../../../../server/src/sandbox/hubspot/evaluate';
import { EmulatorState } from '../../../../server/src/sandbox/hubspot/state';
import { contactFrom } from '../../../../server/src/sandbox/hubspot/admin-routes';
import { loadDefaultSchema } from '../../../../server/src/sandbox/data/hubspot-schema';
import { contact, kept, list, NOW } from './helpers';

const ctx = {
  contactProperties: new Map(FALLBACK_CONTACT_PROPERTIES.map((p) => [p.name, p])),
  companyProperties: new Map(FALLBACK_COMPANY_PROPERTIES.map((p) => [p.name, p])),
  listExists: () => true,
};

describe('HubSpot emulator evaluator: subscriptions', () => {
  const people = {
    both: contact({}, { subscriptions: [{ channel: 'EMAIL', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'EMAIL', subscriptionId: '2', status: 'OPT_IN' }] }),
    one: contact({}, { subscriptions: [{ channel: 'EMAIL', subscriptionId: '1', status: 'OPT_IN' }, { channel: 'SMS', status: 'OPT_OUT' }] }),
    none: contact({}),
  };
  const email = (ids: string[], status: string) => ({ filterType: 'EMAIL_SUBSCRIPTION', subscriptionIds: ids, acceptedStatuses: [status] });
  const wide = (channel: string, status: string) => ({ filterType: 'COMMUNICATION_SUBSCRIPTION', channel, subscriptionType: 'PORTAL_WIDE', subscriptionIds: [], acceptedOptStates: [status] });

  it('every listed subscription must have the status; none recorded is NOT_OPTED', () => {
    assert.deepEqual(kept(email(['1', '2'], 'OPT_IN'), people), ['both']);
    assert.deepEqual(kept(email(['1'], 'OPT_IN'), people), ['both', 'one']);
    assert.deepEqual(kept(email(['2'], 'NOT_OPTED'), people), ['one', 'none']);
  });

  it('portal-wide statuses are per channel', () => {
    assert.deepEqual(kept(wide('SMS', 'OPT_OUT'), people), ['one']);
    assert.deepEqual(kept(wide('EMAIL', 'NOT_OPTED'), people), ['both', 'one', 'none']);
  });

  it('validation: one accepted status, a known channel and type', () => {
    assert.equal(validateFilterBranch(list(email(['1'], 'OPT_IN')), ctx), undefined);
    assert.match(validateFilterBranch(list({ ...email(['1'], 'OPT_IN'), acceptedStatuses: ['OPT_IN', 'OPT_OUT'] }), ctx) ?? '', /exactly one status/);
    assert.match(validateFilterBranch(list({ ...wide('FAX', 'OPT_IN') }), ctx) ?? '', /channel must be EMAIL, SMS or WHATSAPP/);
    assert.match(validateFilterBranch(list({ ...email(['1'], 'MAYBE') }), ctx) ?? '', /unknown status "MAYBE"/);
  });
});

describe('HubSpot emulator evaluator: deals, tickets, labels and NUM_ASSOCIATIONS', () => {
  const deal = (id: string, amount: string, labels?: string[]) => ({ id, properties: { amount }, ...(labels ? { associationLabels: labels } : {}) });
  const people = {
    twoDeals: contact({}, { deals: [deal('d1', '100'), deal('d2', '20000', ['12'])], tickets: [] }),
    oneDeal: contact({}, { deals: [deal('d3', '50000')] }),
    noDeal: contact({}),
  };
  const branch = (typeId: number, category: string) => ({
    filterBranchType: 'OR', filters: [], filterBranches: [{ filterBranchType: 'AND', filters: [], filterBranches: [{
      filterBranchType: 'ASSOCIATION', objectTypeId: '0-3', associationTypeId: typeId, associationCategory: category, operator: 'IN_LIST',
      filters: [{ filterType: 'PROPERTY', property: 'amount', operation: { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: 10000 } }],
    }] }],
  });
  const keptBy = (b: object) => Object.entries(people).filter(([, c]) => matchesFilterBranch(b, c, { now: NOW })).map(([n]) => n);
  const count = (typeId: number, refine: object) => ({ filterType: 'NUM_ASSOCIATIONS', associationTypeId: typeId, associationCategory: 'HUBSPOT_DEFINED', coalescingRefineBy: { type: 'NUM_OCCURRENCES', ...refine } });

  it('a deal branch looks at the deals; a USER_DEFINED type at the deals with that label', () => {
    assert.deepEqual(keptBy(branch(4, 'HUBSPOT_DEFINED')), ['twoDeals', 'oneDeal']);
    assert.deepEqual(keptBy(branch(12, 'USER_DEFINED')), ['twoDeals']);
  });

  it('NUM_ASSOCIATIONS counts the records of the type: at least min (0 when absent), at most max', () => {
    assert.deepEqual(kept(count(4, { minOccurrences: 2 }), people), ['twoDeals']);
    assert.deepEqual(kept(count(4, { maxOccurrences: 1 }), people), ['oneDeal', 'noDeal']);
    assert.deepEqual(kept(count(15, { maxOccurrences: 0 }), people), ['twoDeals', 'oneDeal', 'noDeal']);
  });

  it('validation: NUM_ASSOCIATIONS needs its type and a NUM_OCCURRENCES count', () => {
    assert.equal(validateFilterBranch(list(count(4, { minOccurrences: 1 })), ctx), undefined);
    assert.match(validateFilterBranch(list({ ...count(4, {}), coalescingRefineBy: undefined }), ctx) ?? '', /NUM_OCCURRENCES "coalescingRefineBy"/);
  });

  it('the emulator\'s contacts carry hand-written deals and tickets (POST /__emulator/contacts), and its lists count them', () => {
    const state = new EmulatorState(loadDefaultSchema(), () => NOW);
    const input = [
      { id: '1', properties: {}, deals: [{ id: 'd1', properties: { amount: '20000' }, associationLabels: ['12'] }, { id: 'd2', properties: { amount: '5' } }] },
      { id: '2', properties: {}, tickets: [{ id: 't1', properties: {} }] },
    ];
    for (const c of input) state.upsertContact(contactFrom(c, NOW));
    assert.deepEqual(state.evaluateBranch(branch(12, 'USER_DEFINED')), ['1']);
    assert.deepEqual(state.evaluateBranch(list(count(4, { minOccurrences: 2 }))), ['1']);
    assert.deepEqual(state.evaluateBranch(list(count(15, { minOccurrences: 1 }))), ['2']);
  });
});

describe('HubSpot emulator evaluator: EMAIL_EVENT and PAGE_VIEW', () => {
  const at = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();
  const people = {
    opened: contact({}, { emailEvents: [{ appId: '113', emailId: '456', type: 'DELIVERED', timestamp: at(20) }, { appId: '113', emailId: '456', type: 'OPEN', timestamp: at(2) }], pageViews: [{ url: 'https://x.com/Pricing', timestamp: at(2) }] }),
    clicked: contact({}, { emailEvents: [{ appId: '113', emailId: '456', type: 'OPEN', timestamp: at(40) }, { appId: '113', emailId: '456', type: 'CLICK', timestamp: at(40) }], pageViews: [{ url: 'https://x.com/blog/a', timestamp: at(40) }] }),
    none: contact({}),
  };
  const email = (operator: string, extra: object = {}) => ({ filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator, ...extra });
  const page = (operator: string, pageUrl: string, extra: object = {}) => ({ filterType: 'PAGE_VIEW', pageUrl, operator, ...extra });
  const last = (amount: number) => ({ pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount } } });

  it('an email event of that email of that app, in the window; "… but not …": the second never happened', () => {
    assert.deepEqual(kept(email('OPENED'), people), ['opened', 'clicked']);
    assert.deepEqual(kept(email('OPENED', last(30)), people), ['opened']);
    assert.deepEqual(kept(email('OPENED_BUT_LINK_NOT_CLICKED'), people), ['opened']);
    assert.deepEqual(kept(email('RECEIVED_BUT_NOT_OPENED'), people), []);
    assert.deepEqual(kept({ ...email('OPENED'), emailId: '457' }, people), []);
    assert.deepEqual(kept({ ...email('OPENED'), appId: '1' }, people), []);
  });

  it('page views: equal or containing ignoring case, a pattern over the whole URL, NOT_HAS_… none; with a window', () => {
    assert.deepEqual(kept(page('HAS_PAGEVIEW_EQ', 'https://x.com/pricing'), people), ['opened']);
    assert.deepEqual(kept(page('HAS_PAGEVIEW_CONTAINS', '/BLOG/'), people), ['clicked']);
    assert.deepEqual(kept(page('HAS_PAGEVIEW_MATCHES_REGEX', 'https://x\\.com/.*'), people), ['opened', 'clicked']);
    assert.deepEqual(kept(page('HAS_PAGEVIEW_MATCHES_REGEX', 'x\\.com'), people), []);
    assert.deepEqual(kept(page('NOT_HAS_PAGEVIEW_CONTAINS', 'x.com', last(7)), people), ['clicked', 'none']);
  });

  it('a click on one link: clickUrl compared with the click event\'s url, ignoring case; only with LINK_CLICKED', () => {
    const clicks = {
      offer: contact({}, { emailEvents: [{ appId: '113', emailId: '456', type: 'CLICK', timestamp: at(1), url: 'https://x.com/Offer' }] }),
      other: contact({}, { emailEvents: [{ appId: '113', emailId: '456', type: 'CLICK', timestamp: at(1), url: 'https://x.com/other' }] }),
    };
    assert.deepEqual(kept(email('LINK_CLICKED', { clickUrl: 'https://x.com/offer' }), clicks), ['offer']);
    assert.deepEqual(kept(email('LINK_CLICKED'), clicks), ['offer', 'other']);
  });

  it('page views counted: NUM_OCCURRENCES over the views in the window (at least min, at most max)', () => {
    const views = (n: number, daysAgo: number) => Array.from({ length: n }, (_, i) => ({ url: 'https://x.com/pricing', timestamp: at(daysAgo + i) }));
    const counted = { twice: contact({}, { pageViews: views(2, 1) }), thrice: contact({}, { pageViews: views(3, 1) }), old: contact({}, { pageViews: [...views(1, 1), ...views(3, 40)] }) };
    const times = (min: number, max?: number) => ({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: min, ...(max === undefined ? {} : { maxOccurrences: max }) } });
    assert.deepEqual(kept(page('HAS_PAGEVIEW_EQ', 'https://x.com/pricing', times(3)), counted), ['thrice', 'old']);
    assert.deepEqual(kept(page('HAS_PAGEVIEW_EQ', 'https://x.com/pricing', { ...times(3), ...last(30) }), counted), ['thrice'], 'the window prunes before the count');
    assert.deepEqual(kept(page('HAS_PAGEVIEW_EQ', 'https://x.com/pricing', times(1, 2)), counted), ['twice']);
  });

  it('what it cannot judge matches no one and is reported', () => {
    const problems: string[] = [];
    assert.deepEqual(kept(email('OPENED', { clickUrl: 'https://x.com/a' }), people, { report: (p) => problems.push(p) }), []);
    assert.deepEqual(kept(page('HAS_PAGEVIEW_MATCHES_REGEX', '(unclosed'), people, { report: (p) => problems.push(p) }), []);
    assert.match(problems[0], /clickUrl/);
    assert.match(problems.at(-1) ?? '', /not a regular expression/);
  });

  it('validation: the required fields and known operators', () => {
    assert.equal(validateFilterBranch(list(email('OPENED')), ctx), undefined);
    assert.equal(validateFilterBranch(list(page('NOT_HAS_PAGEVIEW_EQ', 'https://x')), ctx), undefined);
    assert.match(validateFilterBranch(list({ ...email('OPENED'), level: undefined }), ctx) ?? '', /requires "level"/);
    assert.match(validateFilterBranch(list(email('FORWARDED')), ctx) ?? '', /unknown EMAIL_EVENT operator "FORWARDED"/);
    assert.match(validateFilterBranch(list(page('NOT_HAS_PAGEVIEW_MATCHES_REGEX', 'a')), ctx) ?? '', /unknown PAGE_VIEW operator/);
    assert.match(validateFilterBranch(list(page('HAS_PAGEVIEW_EQ', '')), ctx) ?? '', /requires "pageUrl"/);
  });

  it('the emulator\'s contacts carry hand-written email events and page views (POST /__emulator/contacts)', () => {
    const state = new EmulatorState(loadDefaultSchema(), () => NOW);
    state.upsertContact(contactFrom({ id: '1', properties: {}, emailEvents: [{ appId: '113', emailId: '456', type: 'SENT', timestamp: at(1) }] }, NOW));
    state.upsertContact(contactFrom({ id: '2', properties: {}, pageViews: [{ url: 'https://x.com/pricing', timestamp: at(1) }] }, NOW));
    assert.deepEqual(state.evaluateBranch(list(email('SENT_BUT_NOT_RECEIVED'))), ['1']);
    assert.deepEqual(state.evaluateBranch(list(page('HAS_PAGEVIEW_CONTAINS', 'pricing'))), ['2']);
  });
});

describe('HubSpot emulator evaluator: form submissions with counts and windows', () => {
  const at = (iso: string) => ({ formId: 'f1', timestamp: iso });
  const people = {
    twoInJanuary: contact({}, { formSubmissions: [at('2024-01-10T10:00:00Z'), at('2024-01-20T10:00:00Z')] }),
    oneInMarch: contact({}, { formSubmissions: [at('2024-03-01T00:00:00Z')] }),
    none: contact({}, { formSubmissions: [] }),
  };
  const form = (extra: object, operator = 'FILLED_OUT') => ({ filterType: 'FORM_SUBMISSION', operator, formId: 'f1', ...extra });
  const count = (min?: number, max?: number) => ({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', ...(min !== undefined ? { minOccurrences: min } : {}), ...(max !== undefined ? { maxOccurrences: max } : {}) } });
  const between = (low: string, high: string) => ({ pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: Date.parse(low), upperTimestamp: Date.parse(high) } });

  it('the window first, then the count; at most N still needs one submission', () => {
    assert.deepEqual(kept(form(count(2)), people), ['twoInJanuary']);
    assert.deepEqual(kept(form(count(undefined, 1)), people), ['oneInMarch']);
    assert.deepEqual(kept(form({ ...count(2), ...between('2024-01-15T00:00:00Z', '2024-03-31T00:00:00Z') }), people), []);
    assert.deepEqual(kept(form({ ...count(1, 1), ...between('2024-01-15T00:00:00Z', '2024-03-01T00:00:00Z') }), people), ['twoInJanuary', 'oneInMarch']);
  });

  it('AFTER and BEFORE are strict; a range includes both ends; NOT_FILLED_OUT is no submission in the window', () => {
    const comparative = (comparison: string, iso: string) => ({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison, timestamp: Date.parse(iso) } });
    assert.deepEqual(kept(form(comparative('AFTER', '2024-03-01T00:00:00Z')), people), []);
    assert.deepEqual(kept(form(comparative('BEFORE', '2024-03-01T00:00:00Z')), people), ['twoInJanuary']);
    assert.deepEqual(kept(form(between('2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z')), people), ['oneInMarch']);
    assert.deepEqual(kept(form(comparative('BEFORE', '2024-03-01T00:00:00Z'), 'NOT_FILLED_OUT'), people), ['oneInMarch', 'none']);
  });

  it('a refine-by it cannot judge matches no one and is reported', () => {
    const reports: string[] = [];
    const filter = form({ coalescingRefineBy: { type: 'SET_OCCURRENCES' } });
    assert.equal(matchesFilterBranch(list(filter), people.twoInJanuary, { now: NOW, report: (m: string) => reports.push(m) } as never), false);
    assert.match(reports.join(), /Cannot evaluate a FORM_SUBMISSION refined by SET_OCCURRENCES/);
  });

  it('validation: the refine-bys of the spec, with their required fields', () => {
    assert.equal(validateFilterBranch(list(form({ ...count(2, 5), ...between('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z') })), ctx), undefined);
    assert.match(validateFilterBranch(list(form({ pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER' } })), ctx) ?? '', /pruningRefineBy.timestamp must be epoch milliseconds/);
    assert.match(validateFilterBranch(list(form({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: -1 } })), ctx) ?? '', /minOccurrences must be a whole number/);
    assert.match(validateFilterBranch(list(form({ pruningRefineBy: { type: 'SOMETIME' } })), ctx) ?? '', /unknown refine-by type "SOMETIME"/);
  });
});
