import { strict as assert } from 'node:assert';
import { contact, judgeAll } from './judge-helper';

// NOW = 2024-06-15T12:00:00Z.
describe('preview semantics: the primary company and the time of the last update (both evaluators)', () => {
  it('associated primary company where … looks at the primary company only', () => {
    const software = { id: 'c2', properties: { industry: 'SOFTWARE' } };
    const contacts = [
      contact({}, { companies: [{ id: 'c1', properties: { industry: 'RETAIL' }, primary: true }, software] }),
      contact({}, { companies: [{ ...software, primary: true }] }),
      contact({}, { companies: [software] }),
      contact({}, { companies: [] }),
    ];
    assert.deepEqual(judgeAll('associated primary company where industry is SOFTWARE', contacts), [false, true, false, false]);
    assert.deepEqual(judgeAll('associated company where industry is SOFTWARE', contacts), [true, true, true, false]);
  });

  it('was updated before / after / between compare the newest history timestamp; never updated takes the flag', () => {
    const at = (iso: string) => ({ value: 'x', timestamp: Date.parse(iso) });
    const contacts = [
      contact({ country: 'x' }, { history: { country: [at('2024-06-10T00:00:00Z'), at('2024-01-01T00:00:00Z')] } }),
      contact({ country: 'x' }, { history: { country: [at('2024-01-01T00:00:00Z')] } }),
      contact({ country: null }, { history: {} }),
      contact({ country: 'x' }),
    ];
    assert.deepEqual(judgeAll('country was updated after 2024-06-01', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('country was updated before 2024-06-01', contacts), [false, true, false, 'unknown']);
    assert.deepEqual(judgeAll('country was updated before 2024-06-01 including unknown', contacts), [false, true, true, 'unknown']);
    assert.deepEqual(judgeAll('country was updated between 7 days before today and now', contacts), [true, false, false, 'unknown']);
    assert.deepEqual(judgeAll('not (country was updated after 2024-06-01)', contacts), [false, true, true, 'unknown']);
  });
});
