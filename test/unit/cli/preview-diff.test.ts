import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { defaultSchema } from '../../../server/src/language/schema';
import { buildStore } from '../../../server/src/preview/columns-build';
import { membershipDiff } from '../../../server/src/preview/diff';
import { previewList, type PreviewData } from '../../../server/src/preview/run';

const schema = defaultSchema();
const { file } = parse('list "Poles" {\n  type: active\n  where country is "Poland" and in list #9\n}\n');
const workspace = { schema, lists: file.lists, defaultTimezone: 'UTC' };

function data(withMemberships: boolean): PreviewData {
  const rows = [['1', 'Poland'], ['2', 'Poland'], ['3', 'Spain'], ['4', 'Poland']].map(([id, country]) => ({
    id, properties: { country, email: `c${id}@x.pl` }, ...(withMemberships ? { listMemberships: id === '4' ? [] : ['9'] } : {}),
  }));
  const store = buildStore(rows, ['country', 'email', 'firstname', 'lastname'].map((p) => schema.objects.contacts.get(p)!));
  return { kind: 'file', store, report: { source: 'x', rowsLoaded: 4, rowsRejected: 0, counts: {}, issues: [], unknownColumns: [] }, history: undefined, missingLists: new Map() };
}

describe('hslist preview: who would enter and leave a published list', () => {
  it('enter = matches not yet members, leave = members that no longer match; unknown ids counted apart', () => {
    const preview = previewList(workspace, data(true), 'Poles', { now: 0 });
    assert.ok(!('error' in preview));
    // Matches: 1 and 2 (Poland, in #9). Published members: 2, 3 and 77 (not in the data).
    const diff = membershipDiff(preview, '12', ['2', '3', '77']);
    assert.deepEqual([diff.members, diff.enter.count, diff.leave.count, diff.undecided, diff.membersNotInData], [3, 1, 1, 0, 1]);
    assert.deepEqual([diff.enter.samples[0].id, diff.leave.samples[0].id], ['1', '3']);
  });

  it('never counts contacts the data cannot judge as entering or leaving', () => {
    const preview = previewList(workspace, data(false), 'Poles', { now: 0 });
    assert.ok(!('error' in preview));
    const diff = membershipDiff(preview, '12', ['2', '3']);
    // Without memberships, 1, 2 and 4 may match (undecided); 3 (Spain) certainly leaves.
    assert.deepEqual([diff.enter.count, diff.leave.count, diff.undecided], [0, 1, 3]);
  });
});
