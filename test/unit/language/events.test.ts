// Completion and hover for conditions beyond properties: subscription statuses, associations, email events, page views.

import { strict as assert } from 'node:assert';
import { completionLabels, hoverText } from './expect';

const labels = completionLabels;
const hover = hoverText;

describe('language: subscriptions in completion and hover', () => {
  it('offers the condition, then its words one step at a time', () => {
    assert.ok(labels('list "A" {\n  where <|>').includes('opted in to email subscription …'));
    assert.deepEqual(labels('list "A" {\n  where opted <|>'), ['in to', 'out of', 'neither in nor out of']);
    assert.deepEqual(labels('list "A" {\n  where opted neither in <|>'), ['nor out of']);
    assert.ok(labels('list "A" {\n  where opted out of <|>').includes('all sms'));
    assert.deepEqual(labels('list "A" {\n  where opted out of email <|>'), ['subscription', 'subscriptions']);
    assert.deepEqual(labels('list "A" {\n  where opted out of all <|>'), ['email', 'sms', 'whatsapp']);
    assert.deepEqual(labels('list "A" {\n  where opted in to email subscription #1 <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where opted in to email subscriptions (#1, #2) <|>'), ['and', 'or']);
  });

  it('hover says what it matches and which HubSpot filter it is', () => {
    const text = hover('list "A" {\n  where opted in to email subscriptions (#1, #<|>2)\n}');
    assert.match(text ?? '', /has opted in to every one of the subscriptions #1, #2 \(email\)/);
    assert.match(text ?? '', /EMAIL_SUBSCRIPTION.*OPT_IN/);
    assert.match(hover('list "A" {\n  where opted out of all s<|>ms\n}') ?? '', /COMMUNICATION_SUBSCRIPTION \(PORTAL_WIDE\)/);
  });
});

describe('language: associations and counts in completion and hover', () => {
  it('offers the objects, then `where` or a label, then the object\'s own properties', () => {
    assert.deepEqual(labels('list "A" {\n  where associated <|>'), ['company where', 'primary company where', 'deal where', 'ticket where']);
    assert.deepEqual(labels('list "A" {\n  where associated deal <|>'), ['where', 'labeled']);
    assert.ok(labels('list "A" {\n  where associated deal labeled "Decision maker" where <|>').includes('amount'), 'a label by name, then the deal\'s properties');
    const dealProps = labels('list "A" {\n  where associated deal where <|>');
    assert.ok(dealProps.includes('amount') && dealProps.includes('dealstage') && !dealProps.includes('email'));
    assert.ok(labels('list "A" {\n  where associated ticket labeled #7 where <|>').includes('hs_ticket_priority'));
    assert.ok(labels('list "A" {\n  where associated deal where amount <|>').includes('> …'));
  });

  it('offers counts step by step, and the condition ends with its number', () => {
    assert.ok(labels('list "A" {\n  where <|>').includes('number of associated deals >= …'));
    assert.deepEqual(labels('list "A" {\n  where number of <|>'), ['associated']);
    assert.deepEqual(labels('list "A" {\n  where number of associated <|>'), ['companies', 'primary companies', 'deals', 'tickets']);
    assert.deepEqual(labels('list "A" {\n  where number of associated deals <|>'), ['>=', '>', '<=', '<', 'is', 'is between']);
    assert.deepEqual(labels('list "A" {\n  where number of associated deals >= 2 <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where number of associated deals is between 1 and 3 <|>'), ['and', 'or']);
  });

  it('hover names the object, the association type and what a count means', () => {
    assert.match(hover('list "A" {\n  where associated de<|>al where amount > 1\n}') ?? '', /object type `0-3`, HUBSPOT_DEFINED association type 4/);
    assert.match(hover('list "A" {\n  where associated deal labeled #1<|>2 where amount > 1\n}') ?? '', /USER_DEFINED association type 12/);
    assert.match(hover('list "A" {\n  where number of associated deals is betw<|>een 1 and 3\n}') ?? '', /1 to 3[\s\S]*NUM_ASSOCIATIONS/);
  });
});

describe('language: marketing email events and page views in completion and hover', () => {
  it('offers the conditions, then their words one step at a time', () => {
    const start = labels('list "A" {\n  where <|>');
    assert.ok(start.includes('marketing email #… of app #… opened') && start.includes('visited page containing "…"'));
    assert.deepEqual(labels('list "A" {\n  where marketing <|>'), ['email']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 <|>'), ['of app']);
    const events = labels('list "A" {\n  where marketing email #4 of app #1 <|>');
    assert.ok(events.includes('opened') && events.includes('marked spam') && events.includes('sent but not received'), events.join());
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened <|>'), ['but not clicked', 'but not replied', 'in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened in <|>'), ['last']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 clicked <|>'), ['link', 'in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 clicked link "https://x.com/a" <|>'), ['in last', 'after', 'before', 'between', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened in last 3 <|>'), ['days', 'day']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened in last 3 days <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened after <|>'), []);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened after 2024-01-31 <|>'), ['and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened between 2024-01-01 <|>'), ['and']);
    assert.deepEqual(labels('list "A" {\n  where marketing email #4 of app #1 opened between 2024-01-01 and 2024-02-01 <|>'), ['and', 'or']);
    assert.ok(labels('list "A" {\n  where marketing email #4 of app #1 opened after 2024-01-31 and <|>').includes('email'), 'a property after the window');
    assert.deepEqual(labels('list "A" {\n  where visited <|>'), ['page']);
    assert.deepEqual(labels('list "A" {\n  where visited page <|>'), ['containing', 'matching']);
    assert.deepEqual(labels('list "A" {\n  where visited page containing "/pricing" <|>'), ['at least', 'in last', 'and', 'or']);
    assert.deepEqual(labels('list "A" {\n  where visited page containing "/pricing" at <|>'), ['least']);
    assert.deepEqual(labels('list "A" {\n  where visited page containing "/pricing" at least 3 <|>'), ['times']);
    assert.deepEqual(labels('list "A" {\n  where visited page containing "/pricing" at least 3 times <|>'), ['in last', 'and', 'or']);
    assert.ok(labels('list "A" {\n  where visited page "x" and <|>').includes('visited page containing "…"'));
  });

  it('hover says what it matches and which HubSpot filter it is', () => {
    const email = hover('list "A" {\n  where marketing email #4 of app #1 opened but not clic<|>ked in last 30 days\n}') ?? '';
    assert.match(email, /opened, and never clicked a link in, marketing email #4 \(app #1\) in the last 30 days \(the second event: never, Assumed\)/);
    assert.match(email, /`EMAIL_EVENT` `OPENED_BUT_LINK_NOT_CLICKED` \(level `EMAIL_API_CAMPAIGN`, Assumed\)/);
    assert.match(hover('list "A" {\n  where visited pa<|>ge containing "/pricing"\n}') ?? '', /URL contains "\/pricing"[\s\S]*`HAS_PAGEVIEW_CONTAINS`; with `not`, `NOT_HAS_PAGEVIEW_CONTAINS`/);
    assert.match(hover('list "A" {\n  where visited page matching "a<|>.*"\n}') ?? '', /`HAS_PAGEVIEW_MATCHES_REGEX`; `not` cannot apply to it/);
    assert.equal(hover('list "A" {\n  where visited pa<|>ge "/pricing" at least 3 times in last 30 days\n}'), [
      '**Page view**: the contact viewed pages whose URL is "/pricing" at least 3 times in the last 30 days.',
      '',
      'HubSpot: `PAGE_VIEW` `HAS_PAGEVIEW_EQ` counted by `coalescingRefineBy` `NUM_OCCURRENCES` (`minOccurrences: 3`); `not` cannot apply to it.',
    ].join('\n'));
  });
});
