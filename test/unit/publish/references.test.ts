import { strict as assert } from 'node:assert';
import { placeholderNames, referencedListIds, resolvePlaceholders } from '../../../server/src/publish/references';

const branch = {
  filterBranchType: 'OR', filters: [], filterBranches: [
    { filterBranchType: 'AND', filterBranches: [], filters: [{ filterType: 'IN_LIST', listId: '$list:Webinar attendees', operator: 'IN_LIST' }, { filterType: 'IN_LIST', listId: '4711', operator: 'IN_LIST' }] },
    { filterBranchType: 'AND', filterBranches: [], filters: [{ filterType: 'IN_LIST', listId: '$list:Hygiene', operator: 'NOT_IN_LIST' }] },
  ],
};

describe('publish: `in list` placeholders', () => {
  it('names every placeholder once and every real id', () => {
    assert.deepEqual(placeholderNames(branch).sort(), ['Hygiene', 'Webinar attendees']);
    assert.deepEqual(referencedListIds(branch), ['4711']);
  });

  it('replaces what it knows in a copy and reports the rest', () => {
    const { branch: resolved, unresolved } = resolvePlaceholders(branch, (name) => (name === 'Hygiene' ? '9' : undefined));
    assert.deepEqual(unresolved, ['Webinar attendees']);
    assert.deepEqual(placeholderNames(resolved), ['Webinar attendees']);
    assert.deepEqual(referencedListIds(resolved).sort(), ['4711', '9']);
    assert.deepEqual(placeholderNames(branch).length, 2, 'the input is left as it was');
  });
});
