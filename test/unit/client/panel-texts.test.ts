// The preview panel's texts: the comparison with the published list (enter / leave, the Salesforce
// wording for the inclusion list, undecided and missing members), the data line and the status
// sentence, and the guard on the view the webview asks for.

import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { PreviewSummary, PublishedComparison } from '../../../server/src/lsp/preview/protocol';
import { settingValueFor } from '../../../client/src/preview/data-path';
import { statusMessage, summaryMessage, viewOf } from '../../../client/src/preview/panel-messages';
import { publishedSection, readAt, sourceLine, statusSentence } from '../../../client/src/preview/published-text';

const compared = (over: Partial<Extract<PublishedComparison, { state: 'compared' }>> = {}): PublishedComparison => ({
  state: 'compared', listId: '42', members: 1234, enter: 17, leave: 3, undecided: 0, membersNotInData: 0,
  syncsToSalesforce: false, fetchedAt: '2025-06-01T10:04:05.000Z', ...over,
});

describe('client: preview panel texts', () => {
  it('a compared list: heading with id, members and time; +enter and −leave', () => {
    const section = publishedSection(compared())!;
    assert.equal(section.heading, 'Compared with the published list #42 (1,234 members, read at 2025-06-01 10:04 UTC)');
    assert.deepEqual(section.lines, [{ kind: 'enter', text: '+17 would enter' }, { kind: 'leave', text: '−3 would leave' }]);
    assert.deepEqual(section.views, { enter: 17, leave: 3 });
    assert.equal(section.muted, undefined);
  });

  it('the inclusion list says what entering and leaving mean for Salesforce', () => {
    const texts = publishedSection(compared({ syncsToSalesforce: true, enter: 1, leave: 2000 }))!.lines.map((l) => l.text);
    assert.deepEqual(texts, ['+1 would enter (they will sync to Salesforce)', '−2,000 would leave (they stop syncing; their Salesforce records stay)']);
  });

  it('undecided contacts and members missing from the data are counted on their own lines', () => {
    const lines = publishedSection(compared({ undecided: 5, membersNotInData: 1, members: 1 }))!.lines;
    assert.deepEqual(lines.slice(2), [
      { kind: 'undecided', text: '5 undecided (not previewable locally)' },
      { kind: 'missing', text: '1 member is not in the loaded data' },
    ]);
    assert.match(publishedSection(compared({ members: 1 }))!.heading!, /\(1 member,/);
  });

  it('the other states show their message in one muted line, and no views', () => {
    for (const state of ['not-connected', 'not-published', 'error'] as const) {
      const section = publishedSection({ state, message: `because ${state}` })!;
      assert.deepEqual(section, { lines: [], muted: `because ${state}` });
    }
    assert.equal(publishedSection(undefined), undefined);
  });

  it('an unreadable time is shown as given', () => {
    assert.equal(readAt('yesterday'), 'yesterday');
  });

  it('the data line names the source and, when ready, the number of contacts', () => {
    assert.equal(sourceLine({ state: 'ready', source: 'HubSpot (127.0.0.1:4010)', kind: 'hubspot', total: 300 }), 'Data: HubSpot (127.0.0.1:4010) · 300 contacts');
    assert.equal(sourceLine({ state: 'cancelled', source: 'HubSpot (127.0.0.1:4010)', total: 300 }), 'Data: HubSpot (127.0.0.1:4010)');
    assert.equal(sourceLine({ state: 'no-data' }), '');
    assert.equal(sourceLine({ state: 'ready', source: 'HubSpot (h)', total: 2, note: 'The portal\'s time zone is US/Eastern.' }), 'Data: HubSpot (h) · 2 contacts · The portal\'s time zone is US/Eastern.');
  });

  it('the status sentence: the server\'s message, else one for loading and cancelled, none when ready', () => {
    assert.equal(statusSentence({ state: 'cancelled', message: 'Loading was cancelled. Run Reload.' }), 'Loading was cancelled. Run Reload.');
    assert.equal(statusSentence({ state: 'cancelled' }), 'Loading the contact data was cancelled.');
    assert.equal(statusSentence({ state: 'loading' }), 'Loading the contact data…');
    assert.equal(statusSentence({ state: 'ready', message: 'ignored' }), '');
  });

  it('the summary message carries the texts and marks a cancelled load', () => {
    const summary: PreviewSummary = {
      status: { state: 'cancelled', source: 'HubSpot (h)', message: 'Cancelled.' }, name: 'L', total: 0, count: 0, maxCount: 0,
      complete: true, countText: { figure: '0', rest: ' of 0 contacts' }, notPreviewable: [], funnel: [], columns: [], published: compared(),
    };
    const message = summaryMessage(summary);
    assert.equal(message.cancelled, true);
    assert.equal(message.statusText, 'Cancelled.');
    assert.equal(message.source, 'Data: HubSpot (h)');
    assert.deepEqual((message.published as { views: unknown }).views, { enter: 17, leave: 3 });
    const failed = statusMessage('the server failed', { state: 'cancelled', message: 'Cancelled by you.' });
    assert.deepEqual(failed, { type: 'summary', error: 'Cancelled by you.', source: '', cancelled: true });
    assert.equal(statusMessage('the server failed', undefined).error, 'the server failed');
    assert.equal(statusMessage('x', undefined, 'Live customers').name, 'Live customers');
  });

  it('only matches, enter and leave reach the server as a view', () => {
    assert.equal(viewOf('enter'), 'enter');
    assert.equal(viewOf('leave'), 'leave');
    for (const bad of [undefined, 'drop table', 3, null]) assert.equal(viewOf(bad), 'matches');
  });

  it('a picked contacts file is workspace-relative inside the folder, absolute outside', () => {
    assert.equal(settingValueFor('/ws/data/contacts.csv', '/ws', path.posix), 'data/contacts.csv');
    assert.equal(settingValueFor('/elsewhere/contacts.csv', '/ws', path.posix), '/elsewhere/contacts.csv');
    assert.equal(settingValueFor('/ws2/contacts.csv', '/ws', path.posix), '/ws2/contacts.csv');
    assert.equal(settingValueFor('/ws/c.csv', undefined, path.posix), '/ws/c.csv');
    assert.equal(settingValueFor('C:\\ws\\data\\c.json', 'C:\\ws', path.win32), 'data/c.json');
  });
});
