// Absolute windows on one marketing email's event (issue 14): HubSpot's list filter definitions say EMAIL_EVENT's
// pruningRefineBy "only supports" ABSOLUTE_COMPARATIVE and ABSOLUTE_RANGED, so `after D`, `before D` and
// `between D and D` (the windows of form submissions, compile/refine.ts) are the ones to write there.

import { strict as assert } from 'node:assert';
import { parse, printExpr } from '@hslist/grammar';
import { compileText, listText } from './compile-support';
import { and, decompiled, root } from './decompile-support';
import { expectDiagnostics, hoverText } from '../language/expect';

const compiled = (where: string, settings = '') => compileText(listText(where, settings));
const only = (where: string, settings = '') => compiled(where, settings).request?.filterBranch?.filterBranches.map((b) => b.filters);
const problems = (where: string) => compiled(where).diagnostics.map((d) => [d.code, listText(where).slice(d.start, d.end)]);
const email = (operator: string, extra: object = {}) => ({ filterType: 'EMAIL_EVENT', appId: '113', emailId: '456', level: 'EMAIL_API_CAMPAIGN', operator, ...extra });
const ms = (iso: string) => Date.parse(iso);

describe('marketing email events with absolute windows', () => {
  it('parse and print as written, after the event and its link', () => {
    for (const text of [
      'marketing email #456 of app #113 opened after 2024-01-31',
      'marketing email #456 of app #113 clicked link "https://x.com/a" before 2024-01-01T10:00:00Z',
      'marketing email #456 of app #113 opened but not clicked between 2024-01-01 and 2024-03-31',
      'marketing email "November newsletter" of app #113 opened after 2024-01-31',
    ]) {
      const { file, diagnostics } = parse(listText(text));
      assert.deepEqual(diagnostics, [], text);
      assert.equal(printExpr(file.lists[0].where!), text);
    }
    assert.ok(parse(listText('marketing email #456 of app #113 opened in last 3 days after 2024-01-01')).diagnostics.some((d) => d.severity === 'error'));
  });

  it('compile to ABSOLUTE_COMPARATIVE / ABSOLUTE_RANGED, days whole in the list\'s zone', () => {
    const zone = 'timezone: "Europe/Warsaw"';
    assert.deepEqual(only('marketing email #456 of app #113 opened after 2024-01-31', zone), [[email('OPENED', { pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'AFTER', timestamp: ms('2024-01-31T22:59:59.999Z') } })]]);
    assert.deepEqual(only('marketing email #456 of app #113 clicked link "https://x.com/a" before 2024-07-01', zone), [[email('LINK_CLICKED', { clickUrl: 'https://x.com/a', pruningRefineBy: { type: 'ABSOLUTE_COMPARATIVE', comparison: 'BEFORE', timestamp: ms('2024-06-30T22:00:00Z') } })]]);
    assert.deepEqual(only('marketing email #456 of app #113 received between 2024-01-01 and 2024-03-31'), [[email('RECEIVED', { pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'BETWEEN', lowerTimestamp: ms('2024-01-01T00:00:00Z'), upperTimestamp: ms('2024-03-31T23:59:59.999Z') } })]]);
  });

  it('an empty range or a date that does not exist is refused at its place, with no request', () => {
    assert.deepEqual(problems('marketing email #456 of app #113 opened between 2024-03-01 and 2024-02-01'), [['not-compilable', 'between 2024-03-01 and 2024-02-01']]);
    assert.deepEqual(problems('marketing email #456 of app #113 opened after 2024-02-30'), [['not-compilable', '2024-02-30']]);
  });

  it('decompile round trip, and a window it has no phrase for is refused with its path', () => {
    for (const text of [
      'marketing email #456 of app #113 opened after 2024-01-31',
      'marketing email #456 of app #113 clicked link "https://x.com/a" before 2024-01-01',
      'marketing email #456 of app #113 opened but not clicked between 2024-01-01 and 2024-03-31T12:30:00Z',
      'marketing email #456 of app #113 sent in last 7 days',
    ]) {
      assert.equal(decompiled(compiled(text).request!.filterBranch).where, text, text);
    }
    const refused = decompiled(root(and(email('OPENED', { pruningRefineBy: { type: 'ABSOLUTE_RANGED', rangeType: 'NOT_BETWEEN', lowerTimestamp: 1, upperTimestamp: 2 } })))).result.diagnostics;
    assert.deepEqual(refused.map((d) => [d.code, d.message.split(':')[0]]), [['not-representable', 'filterBranch.filterBranches[0].filters[0].pruningRefineBy']]);
  });

  it('checks: a date that does not exist, an empty range, and no relative-window warning on an absolute window', () => {
    expectDiagnostics('list "A" { where marketing email #456 of app #113 opened after ⟦2024-02-30⟧ }', ['invalid-date']);
    expectDiagnostics('list "A" { where marketing email #456 of app #113 opened ⟦between 2024-03-01 and 2024-02-01⟧ }', ['empty-time-window']);
    expectDiagnostics('list "A" { where marketing email #456 of app #113 opened between 2024-01-01 and 2024-02-01 }', []);
  });

  it('hover says the window in words and the refine-by with its instants', () => {
    const text = hoverText('list "A" {\n  timezone: "Europe/Warsaw"\n  where marketing email #456 of app #113 ope<|>ned after 2024-01-31\n}') ?? '';
    assert.match(text, /opened marketing email #456 \(app #113\) after 2024-01-31 \(after its last moment\)/);
    assert.match(text, /ABSOLUTE_COMPARATIVE` `AFTER` `timestamp: 1706741999999` \(2024-01-31T22:59:59.999Z\) \(dates in Europe\/Warsaw/);
  });
});
