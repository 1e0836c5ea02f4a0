import { strict as assert } from 'node:assert';
import { idColumn } from '../../../server/src/preview/columns';

describe('preview store: record id → row', () => {
  it('ascending numeric ids (the live source sorts them) are found, and unknown ones are -1', () => {
    const ids = idColumn(['3', '10', '11', '400', '90000000001']);
    assert.deepEqual(['3', '11', '90000000001', '4', '0', '', 'x', '10.0'].map((id) => ids.rowOf(id)), [0, 2, 4, -1, -1, -1, -1, -1]);
  });

  it('unsorted numeric ids with a repeat give the first row, as a scan would', () => {
    const ids = idColumn(['50', '7', '50', '9']);
    assert.deepEqual(['50', '7', '9', '8'].map((id) => ids.rowOf(id)), [0, 1, 3, -1]);
  });

  it('ids that are not all numbers keep their text', () => {
    const ids = idColumn(['b-2', 'a-1', '007', 'b-2']);
    assert.deepEqual(['a-1', 'b-2', '007', '7'].map((id) => ids.rowOf(id)), [1, 0, 2, -1]);
    assert.equal(ids.at(2), '007');
  });
});
