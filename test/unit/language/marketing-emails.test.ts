// Marketing emails by name: with the portal's marketing emails pulled (marketing-emails.json),
// `marketing email "November newsletter" of app #113 opened` resolves for hover, completion and the check, and
// compiles and previews as the email's campaign ids (one EMAIL_EVENT each, or'ed; Assumed, as HubSpot's
// documents do not say which id EMAIL_EVENT's emailId takes), which the check says with a warning; the fixes
// write one id each.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { parseMarketingEmails } from '../../../server/src/language/schema-emails';
import { planList } from '../../../server/src/preview/plan';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectDiagnostics, fixed, MAIN } from './expect';

const problems: { path: string; message: string }[] = [];
const emails = parseMarketingEmails({
  results: [
    { id: '1001', name: 'November newsletter', subject: 'What changed', state: 'PUBLISHED', archived: false, emailCampaignIds: ['2001', '2011'], emailCampaignGroupId: '3001' },
    { id: '1006', name: 'November newsletter', subject: 'Old draft', state: 'PUBLISHED', archived: true, emailCampaignIds: ['2006'] },
    { id: '1003', name: 'Product update', subject: 'A', state: 'PUBLISHED', archived: false, emailCampaignIds: ['2003'] },
    { id: '1004', name: 'Product update', subject: 'B', state: 'PUBLISHED', archived: false, emailCampaignIds: [] },
    { id: '1005', name: 'Webinar invitation', subject: 'Join us', state: 'DRAFT', archived: false, emailCampaignIds: [] },
  ],
}, 'marketing-emails.json', problems)!;
const schema = { ...defaultSchema(), marketingEmails: emails };
const withEmails = { schema };

describe('language: marketing emails by name (marketing-emails.json pulled)', () => {
  it('reads the file strictly: an entry without an id of digits, or with odd campaign ids, is named', () => {
    assert.deepEqual(problems, []);
    assert.equal(emails.length, 5);
    const bad: { path: string; message: string }[] = [];
    parseMarketingEmails({ results: [{ name: 'No id' }, { id: '7', name: 'X', emailCampaignIds: ['x'] }] }, 'marketing-emails.json', bad);
    assert.deepEqual(bad.map((b) => b.message), [
      'marketing-emails.json: results[0] needs an id of digits and a name (a marketing email)',
      'marketing-emails.json: results[1] needs emailCampaignIds of digits',
    ]);
  });

  it('parses and prints a name, with or without the app id; ids keep their form', () => {
    for (const text of ['marketing email "November newsletter" opened', 'marketing email "November newsletter" of app #113 clicked in last 30 days', 'marketing email #456 of app #113 opened']) {
      const { file, diagnostics } = parse(`list "A" {\n  where ${text}\n}\n`);
      assert.deepEqual(diagnostics, [], text);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
  });

  it('without the emails pulled, a name is unknown-marketing-email (it names nothing)', () => {
    const [d] = expectDiagnostics('list "A" { where marketing email ⟦"November newsletter"⟧ opened }', ['unknown-marketing-email']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Marketing emails are not pulled, so "November newsletter" names nothing: write `marketing email #<emailId> of app #<appId>`/);
  });

  it('a resolved name without its app is an error asking for it (the live one over an archived namesake), any case', () => {
    const [d] = expectDiagnostics('list "A" { where marketing email ⟦"november NEWSLETTER"⟧ opened }', ['marketing-email-by-name'], withEmails);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /^Marketing email "November newsletter" is #1001 \(email campaign ids #2001, #2011; campaign group #3001\); HubSpot's EMAIL_EVENT also takes the app that sent it: write `of app #<appId>`/);
    assert.deepEqual(d.fixes ?? [], [], 'no fix while the app id is missing: it would not be a whole condition');
  });

  it('with the app id written, a warning says which campaign ids it compiles to and why (Assumed); one fix per id of the email', () => {
    const text = 'list "A" { where marketing email "November newsletter" of app #113 opened }';
    const [d] = expectDiagnostics('list "A" { where marketing email ⟦"November newsletter"⟧ of app #113 opened }', ['marketing-email-by-name'], withEmails);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /^Marketing email "November newsletter" compiles to its email campaign ids #2001, #2011 of app #113 \(its own id is #1001\)\..*Assumed.*`hslist count`/);
    assert.deepEqual(d.fixes?.map((f) => f.title), [
      'Write #1001 (its email id of "November newsletter") of app #113',
      'Write #2001 (an email campaign id of "November newsletter") of app #113',
      'Write #2011 (an email campaign id of "November newsletter") of app #113',
      'Write #3001 (its campaign group id of "November newsletter") of app #113',
    ]);
    assert.equal(fixed(text, 'marketing-email-by-name', withEmails, 1), 'list "A" { where marketing email #2001 of app #113 opened }');
    const [never] = expectDiagnostics('list "A" { where marketing email ⟦"Webinar invitation"⟧ of app #113 opened }', ['marketing-email-by-name'], withEmails);
    assert.equal(never.severity, 'error');
    assert.match(never.message, /has no email campaign id \(it has not been sent\)/);
  });

  it('a name nobody has gets did-you-mean and a fix; two live emails of one name are ambiguous', () => {
    const [typo] = expectDiagnostics('list "A" { where marketing email ⟦"Novembr newsletter"⟧ opened }', ['unknown-marketing-email'], withEmails);
    assert.equal(typo.message, 'No marketing email named "Novembr newsletter" among the portal\'s 5 pulled into the schema; did you mean "November newsletter"?');
    assert.equal(fixed('list "A" { where marketing email "Novembr newsletter" opened }', 'unknown-marketing-email', withEmails), 'list "A" { where marketing email "November newsletter" opened }');
    const [twice] = expectDiagnostics('list "A" { where marketing email ⟦"Product update"⟧ of app #1 opened }', ['ambiguous-marketing-email'], withEmails);
    assert.match(twice.message, /"Product update" names 2 marketing emails: "Product update" #1003 \(email campaign id #2003\), "Product update" #1004\./);
    assert.deepEqual(twice.fixes?.map((f) => f.edits[0].newText), ['#1003', '#2003', '#1004']);
  });

  it('a name compiles to its campaign ids, one EMAIL_EVENT each, or\'ed; the preview judges the same ids', () => {
    const compiledWhere = (where: string) => {
      const [list] = parse(`list "A" {\n  where ${where}\n}\n`).file.lists;
      return compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    };
    const byName = compiledWhere('marketing email "November newsletter" of app #113 opened in last 30 days');
    const byIds = compiledWhere('marketing email #2001 of app #113 opened in last 30 days or marketing email #2011 of app #113 opened in last 30 days');
    assert.deepEqual(byName.request?.filterBranch, byIds.request?.filterBranch);
    assert.equal(byName.request?.filterBranch?.filterBranches.length, 2);
    const single = compiledWhere('marketing email "Product update" of app #1 opened');
    assert.equal(single.request, undefined, 'an ambiguous name is not compiled');
    const [list] = parse('list "A" {\n  where marketing email "November newsletter" of app #113 opened\n}\n').file.lists;
    const plan = planList(list, { schema, now: 0, lists: new Map() });
    assert.equal(plan.kind, 'or');
    const unsent = compiledWhere('marketing email "Webinar invitation" of app #113 opened');
    assert.equal(unsent.request, undefined);
    assert.match(unsent.diagnostics.map((d) => d.message).join('\n'), /has no email campaign id \(it has not been sent\)/);
    const noApp = planList(parse('list "A" {\n  where marketing email "November newsletter" opened\n}\n').file.lists[0], { schema, now: 0, lists: new Map() });
    assert.equal(noApp.kind, 'unavailable');
  });

  it('hover on a name or an id shows the email: its ids, subject and state', () => {
    const text = 'list "A" { where marketing email "November newsletter" opened or marketing email #2011 of app #113 clicked or marketing email #9 of app #1 sent }';
    const analysis = analyzeText(text, withEmails);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 2, schema })?.markdown;
    assert.match(at('"November newsletter"') ?? '', /^Marketing email \*\*November newsletter\*\* \(PUBLISHED\): id #1001 \(email campaign ids #2001, #2011; campaign group #3001\), subject "What changed"\.\n\nNot compiled: marketing email "November newsletter" needs its app/);
    const named = 'list "A" { where marketing email "November newsletter" of app #113 opened }';
    const namedHover = hoverAt({ analysis: analyzeText(named, withEmails), path: MAIN, offset: named.indexOf('November'), schema })?.markdown ?? '';
    assert.match(namedHover, /HubSpot gets: `EMAIL_EVENT` with `emailId` `2001` or `2011` and `appId` `113`: its email campaign ids .*Assumed/);
    assert.equal(at('#2011'), '#2011 is the email campaign id of Marketing email **November newsletter** (PUBLISHED): id #1001 (email campaign ids #2001, #2011; campaign group #3001), subject "What changed".');
    assert.match(at('#9 ') ?? '', /^\*\*Marketing email event\*\*: the contact was sent marketing email #9 \(app #1\)/, 'an id no pulled email has: what the condition matches');
  });

  it('completion after `marketing email` offers `any`, then the emails by name with their ids; an archived namesake is not offered', () => {
    const m = marked('list "A" {\n  where marketing email <|>\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] });
    const sorted = [...entries].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map((e) => [e.label, e.insertText, e.detail]), [
      ['any', 'any ', undefined],
      ['November newsletter', '"November newsletter"', 'marketing email #1001 (email campaign ids #2001, #2011; campaign group #3001)'],
      ['Product update (#1003)', '"Product update"', 'marketing email #1003 (email campaign id #2003)'],
      ['Product update (#1004)', '"Product update"', 'marketing email #1004'],
      ['Webinar invitation', '"Webinar invitation"', 'marketing email #1005'],
    ]);
    const after = marked('list "A" {\n  where marketing email "Webinar invitation" <|>\n}');
    const labels = complete({ text: after.text, offset: after.cursor as number, schema, lists: [], folders: [] }).map((e) => e.label);
    assert.ok(labels.includes('opened') && labels.includes('of app'), labels.join(', '));
  });
});
