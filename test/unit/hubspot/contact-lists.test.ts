import { strict as assert } from 'node:assert';
import { ListsByContact, contactIdList, forEachListed } from '../../../server/src/hubspot/account/contact-lists';

describe('each contact\'s list at its index (issue 15: no map of a million id strings)', () => {
  const NONE: readonly string[] = Object.freeze([]);

  it('answers as a map would: every contact asked about has an entry, the shared empty list for none', () => {
    const ids = contactIdList(['10', '20', '30']);
    const lists = new ListsByContact(ids, [['a'], undefined, ['b', 'c']], NONE);
    assert.equal(lists.size, 3);
    assert.deepEqual(lists.get('30'), ['b', 'c']);
    assert.equal(lists.get('20'), NONE);
    assert.equal(lists.get('40'), undefined);
    assert.deepEqual([lists.has('10'), lists.has('40')], [true, false]);
    assert.deepEqual([...lists.entries()], [['10', ['a']], ['20', []], ['30', ['b', 'c']]]);
    assert.deepEqual([...lists.values()], [['a'], [], ['b', 'c']]);
  });

  it('a list of ids given as an array keeps each id once, where it first came', () => {
    const ids = contactIdList(['5', '6', '5', '7']);
    assert.equal(ids.length, 3);
    assert.deepEqual([ids.indexOf('5'), ids.indexOf('6'), ids.indexOf('7'), ids.indexOf('8')], [0, 1, 2, -1]);
    assert.equal(ids.at(2), '7');
  });

  it('a list of ids given as a list is used as it is', () => {
    const own = { length: 2, at: (i: number) => String(100 + i), indexOf: (id: string) => Number(id) - 100 };
    assert.equal(contactIdList(own), own);
  });

  it('visits each contact whose list is not empty, in order, as lists of any kind', () => {
    const ids = contactIdList(['10', '20', '30', '40']);
    const seen = (lists: Parameters<typeof forEachListed<string>>[0]) => {
      const out: [string, string[]][] = [];
      forEachListed(lists, (id, list) => out.push([id, list]));
      return out;
    };
    const want = [['10', ['a']], ['40', ['b', 'c']]];
    assert.deepEqual(seen(new ListsByContact(ids, [['a'], undefined, [], ['b', 'c']], NONE)), want);
    assert.deepEqual(seen(new Map([['10', ['a']], ['20', []], ['40', ['b', 'c']]])), want);
    // A contact without a list of its own has the shared one, visited when it is not empty.
    assert.deepEqual(seen(new ListsByContact(contactIdList(['1', '2']), [undefined, ['x']], ['z'])), [['1', ['z']], ['2', ['x']]]);
  });
});
