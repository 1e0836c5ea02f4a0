// Form submissions are tied to contacts by email, compared without case (submissions.ts). A full
// fetch matches the cached columns by dictionary code instead of building a map of every contact's
// address (issue 15's memory); it must find exactly the contacts the map of every address finds.

import { strict as assert } from 'node:assert';
import { buildStore } from '../../../server/src/preview/columns-build';
import type { ContactRecord } from '../../../server/src/preview/types';
import type { ContactSet } from '../../../server/src/preview/hubspot/contact-set';
import { contactsByEmail, contactsWithEmails } from '../../../server/src/preview/hubspot/submissions';
import { testSchema } from './lists';

const schema = testSchema();
const defs = [schema.objects.contacts.get('email')!];
const contact = (id: string, email: string | null): ContactRecord => ({ id, properties: { email } });

describe('preview: form submissions matched to contacts by email', () => {
  const cached = buildStore([
    contact('1', 'Ann@Example.com'), contact('2', 'bob@example.com'), contact('3', null), contact('4', 'ann@example.com'),
    contact('5', 'ŚLĄSK@example.pl'), contact('6', ''), contact('7', 'carol@example.com'), contact('9', 'dan@example.com'),
  ], defs);
  // An incremental refresh: contact 2 changed its address, 8 is new, 9 lost its address.
  const merged: ContactSet = { kind: 'merge', base: cached, modified: [contact('2', 'BOB@new.example'), contact('8', 'carol@EXAMPLE.com'), contact('9', null)] };
  const sent = ['ann@example.com', 'bob@example.com', 'bob@new.example', 'śląsk@example.pl', 'carol@example.com', 'dan@example.com', 'nobody@example.com'];

  for (const [name, set] of [['a full fetch (cached columns only)', { kind: 'merge', base: cached, modified: [] } as ContactSet], ['a refresh (columns and modified records)', merged]] as const) {
    it(`finds, for ${name}, the contacts every address's map finds, by lower-cased address`, () => {
      const everyone = contactsByEmail(set);
      const wanted = new Set(sent);
      const expected = new Map([...everyone].filter(([email]) => wanted.has(email)));
      assert.deepEqual(contactsWithEmails(set, wanted), expected);
      assert.ok(expected.size >= 4, 'the case has matches to find');
    });
  }

  it('ties two contacts holding one address (in any case) to it, and no one to an address no contact holds', () => {
    const found = contactsWithEmails({ kind: 'merge', base: cached, modified: [] }, new Set(['ann@example.com', 'nobody@example.com']));
    assert.deepEqual([...found], [['ann@example.com', ['1', '4']]]);
  });
});
