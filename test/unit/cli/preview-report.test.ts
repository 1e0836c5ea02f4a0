import { strict as assert } from 'node:assert';
import { renderText, type ListReport, type PreviewReport } from '../../../server/src/cli/preview-report';

const sample = (id: string, email: string, name: string) => ({ id, email, name, values: { country: 'Poland' } });

function report(list: Partial<ListReport>): PreviewReport {
  const base: ListReport = { list: 'Qualified', total: 48_113, count: 1_204, maxCount: 1_204, complete: true, funnel: [], notPreviewable: [], properties: ['country'], samples: [] };
  return {
    file: 'a.hslist',
    data: { kind: 'hubspot', source: 'HubSpot (api.hubapi.com)', rowsLoaded: 48_113, rowsRejected: 0, counts: {}, issues: [], unknownColumns: [], refresh: { mode: 'incremental', reason: '', fetched: 12 } },
    lists: [{ ...base, ...list }],
  };
}

describe('hslist preview text output', () => {
  it('says "N of M contacts" with thousands separators and how the live cache was refreshed', () => {
    const text = renderText(report({}));
    assert.match(text, /^Qualified: 1,204 of 48,113 contacts$/m);
    assert.match(text, /^ {2}incremental refresh: 12 contacts modified since the last fetch$/m);
  });

  it('prints what the source read but tied to no contact as a note under the data line', () => {
    const r = report({});
    r.data.notes = ['2 marketing email events of 1 recipient whose address no contact holds now were not counted for anyone (gone@x.com)'];
    assert.match(renderText(r), /^ {2}incremental refresh: 12 contacts modified since the last fetch\n {2}note: 2 marketing email events of 1 recipient whose address no contact holds now were not counted for anyone \(gone@x\.com\)$/m);
  });

  it('tells who would enter and leave the published inclusion list, with samples', () => {
    const published = { listId: '77', members: 1_172, enter: { count: 37, samples: [sample('9', 'a@x.pl', 'Ann Nowak')] }, leave: { count: 5, samples: [] }, undecided: 0, membersNotInData: 2, syncsToSalesforce: true };
    const text = renderText(report({ published }));
    assert.match(text, /In HubSpot: list #77 has 1,172 members now\n {4}\+37 would enter \(they will sync to Salesforce\)\n {11}9 {2}Ann Nowak <a@x\.pl> {2}country=Poland\n {4}−5 would leave \(they stop syncing with Salesforce/);
    assert.match(text, /2 current members are not in the loaded data/);
    const plain = renderText(report({ published: { ...published, syncsToSalesforce: false } }));
    assert.match(plain, /\+37 would enter\n/);
    assert.match(plain, /−5 would leave\n/);
  });

  it('shows a clause that cannot be judged for everyone as a range', () => {
    const notPreviewable = [{ text: 'in list #4711', reason: 'membership not loaded' }];
    const text = renderText(report({ complete: false, maxCount: 1_300, notPreviewable, funnel: [{ line: 4, text: 'in list #4711', count: 0, maxCount: 48_113, survivors: 0, notPreviewable: 'membership not loaded' }] }));
    assert.match(text, /^Qualified: 1,204–1,300 of 48,113 contacts: 1,204 certain, up to 96 more undecided \(1 condition is not previewable locally\)$/m);
    assert.match(text, /line 4 +in list #4711 +0–48,113 +0 {2}\(not previewable\)/);
  });
});
