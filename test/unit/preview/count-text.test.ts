import { strict as assert } from 'node:assert';
import { countFigures, countParts, countText } from '../../../server/src/preview/count-text';

const figures = (over: Partial<Parameters<typeof countFigures>[0]>) => countFigures({ count: 1_204, maxCount: 1_204, total: 48_113, complete: true, notPreviewable: [], ...over });
const skipped = (text: string) => ({ text, reason: 'needs the property history' });

describe('a list\'s count in words', () => {
  it('is "N of TOTAL contacts" when every condition is judged', () => {
    assert.equal(countText(figures({})), '1,204 of 48,113 contacts');
  });

  it('is one range when some contacts are undecided: which end is certain, how many more may match, and why', () => {
    const text = countText(figures({ count: 0, maxCount: 9, total: 300, complete: false, notPreviewable: [skipped('hs_lead_status has ever been UNQUALIFIED')] }));
    assert.equal(text, '0–9 of 300 contacts: 0 certain, up to 9 more undecided (1 condition is not previewable locally)');
  });

  it('counts a condition reached twice once, and says when the undecided conditions do not change the count', () => {
    const twice = [skipped('in list #4711'), skipped('in list #4711'), skipped('in list #12')];
    assert.equal(countText(figures({ maxCount: 1_300, complete: false, notPreviewable: twice })), '1,204–1,300 of 48,113 contacts: 1,204 certain, up to 96 more undecided (2 conditions are not previewable locally)');
    assert.equal(countText(figures({ complete: false, notPreviewable: [skipped('in list #12')] })), '1,204 of 48,113 contacts (1 condition is not previewable locally; the count does not depend on it)');
  });

  it('splits into the figure the panel shows in bold and the words after it', () => {
    assert.deepEqual(countParts(figures({ count: 3, maxCount: 5, total: 10, complete: false, notPreviewable: [skipped('x')] })), { figure: '3–5', rest: ' of 10 contacts: 3 certain, up to 2 more undecided (1 condition is not previewable locally)' });
  });
});
