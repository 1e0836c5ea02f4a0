import { strict as assert } from 'node:assert';
import { matchesFilterBranch } from '../../../../server/src/sandbox/hubspot/evaluate';
import { contact, kept, matches, NOW, property, type Json } from './helpers';

const isLead = property('stage', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['lead'] });
const inPoland = property('country', { operationType: 'STRING', operator: 'IS_EQUAL_TO', value: 'Poland' });
const branch = (filterBranchType: string, filters: Json[], filterBranches: Json[] = []): Json => ({ filterBranchType, filters, filterBranches });

const people = {
  polishLead: contact({ stage: 'lead', country: 'Poland' }),
  lead: contact({ stage: 'lead', country: 'Spain' }),
  polish: contact({ stage: 'customer', country: 'poland' }),
  nobody: contact({}),
};

function keptBy(root: Json, ctx = {}): string[] {
  return Object.entries(people).filter(([, c]) => matchesFilterBranch(root, c, { now: NOW, ...ctx })).map(([name]) => name);
}

describe('HubSpot emulator evaluator: branches', () => {
  it('OR of ANDs: (lead and in Poland) or in Poland', () => {
    const root = branch('OR', [], [branch('AND', [isLead, inPoland]), branch('AND', [inPoland])]);
    assert.deepEqual(keptBy(root), ['polishLead', 'polish']);
  });
  it('NOT_ALL and NOT_ANY negate all / any', () => {
    assert.deepEqual(keptBy(branch('OR', [], [branch('AND', [], [branch('NOT_ALL', [isLead, inPoland])])])), ['lead', 'polish', 'nobody']);
    assert.deepEqual(keptBy(branch('OR', [], [branch('AND', [], [branch('NOT_ANY', [isLead, inPoland])])])), ['nobody']);
  });
  it('an empty OR root matches no one; an empty AND everyone', () => {
    assert.deepEqual(keptBy(branch('OR', [])), []);
    assert.deepEqual(keptBy(branch('OR', [], [branch('AND', [])])), ['polishLead', 'lead', 'polish', 'nobody']);
  });
  it('CONSTANT accepts or rejects everyone', () => {
    assert.equal(matches({ filterType: 'CONSTANT', shouldAccept: true }, contact({})), true);
    assert.equal(matches({ filterType: 'CONSTANT', shouldAccept: false }, contact({})), false);
  });
  it('IN_LIST / NOT_IN_LIST ask the membership of the other list', () => {
    const isMember = (listId: string, c: { id: string }) => listId === '7' && c.id === 'm';
    const member = { ...contact({}), id: 'm' };
    assert.equal(matches({ filterType: 'IN_LIST', listId: '7', operator: 'IN_LIST' }, member, { isMember }), true);
    assert.equal(matches({ filterType: 'IN_LIST', listId: '7', operator: 'NOT_IN_LIST' }, member, { isMember }), false);
    assert.equal(matches({ filterType: 'IN_LIST', listId: '7', operator: 'NOT_IN_LIST' }, contact({}), { isMember }), true);
  });
  it('filters it cannot judge match no one and are reported', () => {
    const problems: string[] = [];
    assert.equal(matches({ filterType: 'EVENT', eventId: 'pe123_x', operator: 'HAS_EVENT' }, contact({}), { report: (p) => problems.push(p) }), false);
    assert.match(problems[0], /Cannot evaluate a EVENT filter/);
  });
});

describe('HubSpot emulator evaluator: associations and forms', () => {
  const software = property('industry', { operationType: 'ENUMERATION', operator: 'IS_ANY_OF', values: ['COMPUTER_SOFTWARE'] });
  const big = property('numberofemployees', { operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: 100 });
  const association = (operator: string) => ({
    filterBranchType: 'ASSOCIATION', objectTypeId: '0-2', associationTypeId: 279, associationCategory: 'HUBSPOT_DEFINED', operator,
    filters: [software, big], filterBranches: [],
  });
  const company = (industry: string, employees: string) => ({ id: 'c', properties: { industry, numberofemployees: employees } });
  const root = (operator: string) => branch('OR', [], [branch('AND', [], [association(operator)])]);
  const staff = {
    atBigSoftware: contact({}, { companies: [company('RETAIL', '5000'), company('COMPUTER_SOFTWARE', '500')] }),
    splitAcross: contact({}, { companies: [company('RETAIL', '5000'), company('COMPUTER_SOFTWARE', '50')] }),
    noCompany: contact({}),
  };
  it('some associated company must pass all the branch filters; no company → false', () => {
    const names = Object.entries(staff).filter(([, c]) => matchesFilterBranch(root('IN_LIST'), c, { now: NOW })).map(([n]) => n);
    assert.deepEqual(names, ['atBigSoftware']);
    const negated = Object.entries(staff).filter(([, c]) => matchesFilterBranch(root('NOT_IN_LIST'), c, { now: NOW })).map(([n]) => n);
    assert.deepEqual(negated, ['splitAcross', 'noCompany']);
  });
  const submissions = { formSubmissions: [{ formId: 'demo', timestamp: '2024-06-10T00:00:00Z' }, { formId: 'news', timestamp: '2023-01-01T00:00:00Z' }] };
  const form = (operator: string, extra: Json = {}) => ({ filterType: 'FORM_SUBMISSION', operator, ...extra });
  it('FILLED_OUT any form, a given form, or within the last N days', () => {
    const submitted = contact({}, submissions);
    const lastWeek = { pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: 7 } } };
    assert.equal(matches(form('FILLED_OUT'), submitted), true);
    assert.equal(matches(form('FILLED_OUT', { formId: 'news' }), submitted), true);
    assert.equal(matches(form('FILLED_OUT', { formId: 'news', ...lastWeek }), submitted), false);
    assert.equal(matches(form('FILLED_OUT', { formId: 'demo', ...lastWeek }), submitted), true);
    assert.equal(matches(form('NOT_FILLED_OUT', { formId: 'other' }), submitted), true);
    assert.equal(matches(form('NOT_FILLED_OUT'), contact({})), true);
  });
  it('FORM_SUBMISSION_ON_PAGE: only submissions sent on that page count (of the form, in the window)', () => {
    const onPages = contact({}, { formSubmissions: [{ formId: 'demo', timestamp: '2024-06-10T00:00:00Z', pageId: '1001' }, { formId: 'news', timestamp: '2023-01-01T00:00:00Z' }] });
    const onPage = (operator: string, extra: Json) => ({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator, ...extra });
    const lastWeek = { pruningRefineBy: { type: 'RELATIVE_COMPARATIVE', comparison: 'AFTER', timeOffset: { offsetDirection: 'PAST', timeUnit: 'DAYS', amount: 7 } } };
    assert.equal(matches(onPage('FILLED_OUT', { pageId: '1001' }), onPages), true);
    assert.equal(matches(onPage('FILLED_OUT', { pageId: '1001', formId: 'demo', ...lastWeek }), onPages), true);
    assert.equal(matches(onPage('FILLED_OUT', { pageId: '1001', formId: 'news' }), onPages), false, 'news was sent on no page');
    assert.equal(matches(onPage('FILLED_OUT', { pageId: '1002' }), onPages), false);
    assert.equal(matches(onPage('NOT_FILLED_OUT', { pageId: '1002' }), onPages), true);
    assert.equal(matches(onPage('NOT_FILLED_OUT', { pageId: '1001' }), onPages), false);
  });
  it('FORM_SUBMISSION_ON_PAGE: a count and an absolute window count only the submissions on the page, in the window', () => {
    const sent = (at: string, pageId?: string) => ({ formId: 'demo', timestamp: at, ...(pageId ? { pageId } : {}) });
    const c = contact({}, { formSubmissions: [sent('2024-01-10T00:00:00Z', '1001'), sent('2024-02-10T00:00:00Z', '1001'), sent('2024-02-11T00:00:00Z', '2002'), sent('2024-05-01T00:00:00Z', '1001')] });
    const onPage = (extra: Json) => ({ filterType: 'FORM_SUBMISSION_ON_PAGE', operator: 'FILLED_OUT', pageId: '1001', ...extra });
    const q1 = { pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: Date.parse('2024-01-01T00:00:00Z'), upperTimestamp: Date.parse('2024-03-31T23:59:59.999Z') } };
    const count = (min?: number, max?: number) => ({ coalescingRefineBy: { type: 'NUM_OCCURRENCES', ...(min ? { minOccurrences: min } : {}), ...(max ? { maxOccurrences: max } : {}) } });
    assert.equal(matches(onPage({ ...count(2), ...q1 }), c), true, 'two on the page in Q1 (the one on #2002 not counted)');
    assert.equal(matches(onPage({ ...count(3), ...q1 }), c), false, 'the May one is outside the window');
    assert.equal(matches(onPage(count(3)), c), true, 'without the window all three on the page count');
    assert.equal(matches(onPage({ ...count(undefined, 1), ...q1 }), c), false, 'at most 1: there are 2');
    const after = { pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: Date.parse('2024-02-10T00:00:00Z') } };
    assert.equal(matches(onPage({ ...count(undefined, 1), ...after }), c), true, 'strictly after: only the May one');
    assert.equal(matches({ ...onPage(after), pageId: '2002' }, c), true);
    assert.equal(matches({ ...onPage(after), operator: 'NOT_FILLED_OUT', pageId: '3003' }, c), true);
  });
  it('NUM_OCCURRENCES counts the submissions', () => {
    const twice = { coalescingRefineBy: { type: 'NUM_OCCURRENCES', minOccurrences: 2 } };
    assert.equal(matches(form('FILLED_OUT', twice), contact({}, submissions)), true);
    assert.equal(matches(form('FILLED_OUT', { ...twice, formId: 'demo' }), contact({}, submissions)), false);
  });
});

describe('HubSpot emulator evaluator: history', () => {
  const history = {
    stage: [{ value: 'customer', timestamp: '2024-06-01T00:00:00Z' }, { value: 'lead', timestamp: '2023-01-01T00:00:00Z' }],
    city: [{ value: 'Kraków', timestamp: '2024-06-14T00:00:00Z' }, { value: 'Warsaw', timestamp: '2020-01-01T00:00:00Z' }],
    score: [{ value: '10', timestamp: '2024-01-01T00:00:00Z' }, { value: '5', timestamp: '2023-01-01T00:00:00Z' }],
    vip: [{ value: 'false', timestamp: '2024-01-01T00:00:00Z' }, { value: 'true', timestamp: '2023-01-01T00:00:00Z' }],
  };
  const mover = contact({ stage: 'customer', city: 'Kraków', score: '10', vip: 'false' }, { history });
  const fresh = contact({});
  const people = { mover, fresh };
  const ever = (name: string, operationType: string, operator: string, extra: Json) => property(name, { operationType, operator, includeObjectsWithNoValueSet: true, ...extra });
  it('has ever / never been equal for strings, numbers and booleans (flag ignored)', () => {
    assert.deepEqual(kept(ever('city', 'STRING', 'HAS_EVER_BEEN_EQUAL_TO', { value: 'warsaw' }), people), ['mover']);
    assert.deepEqual(kept(ever('city', 'STRING', 'HAS_NEVER_BEEN_EQUAL_TO', { value: 'warsaw' }), people), ['fresh']);
    assert.deepEqual(kept(ever('city', 'STRING', 'HAS_EVER_CONTAINED', { value: 'KRA' }), people), ['mover']);
    assert.deepEqual(kept(ever('city', 'STRING', 'HAS_NEVER_CONTAINED', { value: 'zzz' }), people), ['mover', 'fresh']);
    assert.deepEqual(kept(ever('score', 'NUMBER', 'HAS_EVER_BEEN_EQUAL_TO', { value: 5 }), people), ['mover']);
    assert.deepEqual(kept(ever('vip', 'BOOL', 'HAS_EVER_BEEN_EQUAL_TO', { value: true }), people), ['mover']);
  });
  it('enumeration history: any of, exactly, contained all', () => {
    const e = (operator: string, values: string[]) => ever('stage', 'ENUMERATION', operator, { values });
    assert.deepEqual(kept(e('HAS_EVER_BEEN_ANY_OF', ['lead']), people), ['mover']);
    assert.deepEqual(kept(e('HAS_NEVER_BEEN_ANY_OF', ['lead']), people), ['fresh']);
    assert.deepEqual(kept(e('HAS_EVER_BEEN_EXACTLY', ['customer']), people), ['mover']);
    assert.deepEqual(kept(e('HAS_NEVER_BEEN_EXACTLY', ['customer']), people), ['fresh']);
    assert.deepEqual(kept(e('HAS_EVER_CONTAINED_ALL', ['lead', 'customer']), people), []);
    assert.deepEqual(kept(e('HAS_NEVER_CONTAINED_ALL', ['lead', 'customer']), people), ['mover', 'fresh']);
  });
  it('updated in the last N days reads the newest history timestamp; never set → not updated', () => {
    const updated = (operator: string) => property('city', { operationType: 'ROLLING_PROPERTY_UPDATED', operator, numberOfDays: 7 });
    assert.deepEqual(kept(updated('UPDATED_IN_LAST_X_DAYS'), people), ['mover']);
    assert.deepEqual(kept(updated('NOT_UPDATED_IN_LAST_X_DAYS'), people), ['fresh']);
    const stageUpdated = property('stage', { operationType: 'ROLLING_PROPERTY_UPDATED', operator: 'UPDATED_IN_LAST_X_DAYS', numberOfDays: 7 });
    assert.equal(matches(stageUpdated, mover), false);
  });
  it('propertyParser UPDATED_AT compares the last update time', () => {
    const sinceJune = property('stage', { operationType: 'TIME_POINT', operator: 'IS_AFTER', propertyParser: 'UPDATED_AT', timePoint: { timeType: 'DATE', zoneId: 'UTC', year: 2024, month: 5, day: 31 } });
    assert.equal(matches(sinceJune, mover), true);
    assert.equal(matches(sinceJune, fresh), false);
  });
});
