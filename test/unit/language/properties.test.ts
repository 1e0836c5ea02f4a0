import { strict as assert } from 'node:assert';
import { analyzeText, diagnosticsOf, expectClean, expectDiagnostics, fixed } from './expect';

describe('language: properties, operators and values', () => {
  it('unknown-property points at the misspelt name and offers the real one', () => {
    expectDiagnostics('list "A" {\n  type: active\n  where ⟦emial⟧ is known\n}', ['unknown-property']);
    assert.equal(fixed('list "A" { where emial is known }', 'unknown-property'), 'list "A" { where email is known }');
  });

  it('unknown-property suggestions also search labels', () => {
    const [d] = expectDiagnostics('list "A" { where ⟦JobTitle⟧ is known }', ['unknown-property']);
    assert.match(d.message, /did you mean `jobtitle`/);
  });

  it('association conditions resolve against company properties', () => {
    expectClean('list "A" { where associated company where (industry is COMPUTER_SOFTWARE and numberofemployees > 10) }');
    expectDiagnostics('list "A" { where associated company where ⟦jobtitle⟧ is known }', ['unknown-property']);
  });

  it('the property of `is before property P` is checked too', () => {
    expectDiagnostics('list "A" { where createdate is before property ⟦closedat⟧ }', ['unknown-property']);
    expectDiagnostics('list "A" { where createdate is before property ⟦email⟧ }', ['value-type-mismatch']);
    expectDiagnostics('list "A" { where createdate is between property ⟦closedat⟧ and today }', ['unknown-property']);
    expectDiagnostics('list "A" { where createdate is between property ⟦email⟧ and today }', ['value-type-mismatch']);
    expectDiagnostics('list "A" { where createdate is after when ⟦jobtitel⟧ was updated }', ['unknown-property']);
    // The time of an update is a time whatever the property's type.
    expectDiagnostics('list "A" { where createdate is after when email was updated }', []);
    expectDiagnostics('list "A" { where email was updated after property closedate }', []);
  });

  it('operator-type-mismatch names the type and the valid phrases', () => {
    const [d] = expectDiagnostics('list "A" { where lifecyclestage ⟦>⟧ 3 }', ['operator-type-mismatch']);
    assert.match(d.message, /enumeration/);
    assert.match(d.message, /`is any of \(…\)`/);
    assert.match(d.message, /`was updated in last N days`/, 'phrases are spelled as written, not by internal name');
    assert.doesNotMatch(d.message, /`has ever contained …`/, 'only phrases valid for an enumeration');
  });

  it('operator-type-mismatch quotes the operator as the user wrote it', () => {
    const [d] = expectDiagnostics('list "A" { where firstname ⟦is  less than⟧ 3 days ago }', ['operator-type-mismatch']);
    assert.match(d.message, /^`is less than` does not apply to/);
  });

  it('unknown future property types only get the any-type operators', () => {
    const schema = withProperty({ name: 'hs_notes_last_activity', label: 'Last Activity', type: 'object_coordinates', fieldType: 'text', options: [] });
    expectClean('list "A" { where hs_notes_last_activity is known }', { schema });
    const [d] = expectDiagnostics('list "A" { where hs_notes_last_activity ⟦contains⟧ "x" }', ['operator-type-mismatch'], { schema });
    assert.match(d.message, /object_coordinates/);
  });

  it('value-type-mismatch: text for a number, a number for a bool, a non-date for a date', () => {
    expectDiagnostics('list "A" { where hs_analytics_num_visits > ⟦"three"⟧ }', ['value-type-mismatch']);
    expectDiagnostics('list "A" { where hs_email_optout is ⟦1⟧ }', ['value-type-mismatch']);
    expectDiagnostics('list "A" { where createdate is after ⟦"yesterday"⟧ }', ['value-type-mismatch']);
  });

  it('value-type-mismatch fixes quote or unquote a literal', () => {
    assert.equal(fixed('list "A" { where hs_analytics_num_visits > "3" }', 'value-type-mismatch'), 'list "A" { where hs_analytics_num_visits > 3 }');
    assert.equal(fixed('list "A" { where zip is 12345 }', 'value-type-mismatch'), 'list "A" { where zip is "12345" }');
  });

  it('value-type-mismatch: an operand shape the operator does not take for this type', () => {
    const [d] = expectDiagnostics('list "A" { where hs_buying_role has ever contained ⟦CHAMPION⟧ }', ['value-type-mismatch']);
    assert.match(d.message, /takes a list of values in parentheses, not a single value/);
  });

  it('parser diagnostics are passed through', () => {
    const text = 'list "A" { where email contains ("a", "b") }';
    const syntax = diagnosticsOf(analyzeText(text)).filter((d) => d.code === 'syntax-error');
    assert.equal(syntax.length, 1);
    assert.equal(text.slice(syntax[0].start, syntax[0].end), '(');
    assert.equal(syntax[0].severity, 'error');
  });

  it('unknown-option suggests over values and labels', () => {
    const [d] = expectDiagnostics('list "A" { where lifecyclestage is ⟦salesqualifiedleed⟧ }', ['unknown-option']);
    assert.match(d.message, /did you mean `salesqualifiedlead`/);
  });

  it('option-label: a label resolves to its option (info), and the fix writes the internal value', () => {
    const [d] = expectDiagnostics('list "A" { where lifecyclestage is any of (⟦"Marketing Qualified Lead"⟧, lead) }', ['option-label']);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /is the label of option `marketingqualifiedlead` of Lifecycle Stage \(`lifecyclestage`\); hslist sends marketingqualifiedlead/);
    assert.equal(
      fixed('list "A" { where lifecyclestage is any of ("Marketing Qualified Lead", lead) }', 'option-label'),
      'list "A" { where lifecyclestage is any of (marketingqualifiedlead, lead) }',
    );
    expectDiagnostics('list "A" { where lifecyclestage is ⟦LEAD⟧ }', ['option-label']);
    assert.equal(fixed('list "A" { where numemployees is "1000 +" }', 'unknown-option'), 'list "A" { where numemployees is "1000+" }');
  });

  it('unknown-option: a label\'s initials get one message saying what to write (issue 13); a label or another case resolve (option-label)', () => {
    const [initials, label, cased] = expectDiagnostics(
      'list "A" {\n  where lifecyclestage is ⟦mql⟧\n    or lifecyclestage is ⟦"Sales Qualified Lead"⟧\n    or lifecyclestage is ⟦Customer⟧\n}\n',
      ['unknown-option', 'option-label', 'option-label'],
    );
    assert.equal(initials.message, '`mql` reads as the initials of "Marketing Qualified Lead", option `marketingqualifiedlead` of Lifecycle Stage (`lifecyclestage`); filters compare internal values exactly, so write `marketingqualifiedlead`.');
    assert.equal(label.message, '`Sales Qualified Lead` is the label of option `salesqualifiedlead` of Lifecycle Stage (`lifecyclestage`); hslist sends salesqualifiedlead to HubSpot, which compares internal values exactly.');
    assert.equal(cased.message, '`Customer` is option `customer` in another case of Lifecycle Stage (`lifecyclestage`); hslist sends customer to HubSpot, which compares internal values exactly.');
    assert.equal(fixed('list "A" { where lifecyclestage is any of (SQL, lead) }', 'unknown-option'), 'list "A" { where lifecyclestage is any of (salesqualifiedlead, lead) }');
  });

  it('unknown-option: initials two labels share are a did-you-mean naming both', () => {
    // `region`: two options whose labels have the same initials ("NA").
    const options = [{ label: 'North America', value: 'north_america' }, { label: 'North Asia', value: 'north_asia' }];
    const schema = withProperty({ name: 'region', label: 'Region', type: 'enumeration', fieldType: 'select', options });
    const [shared] = expectDiagnostics('list "A" { where region is ⟦na⟧ }', ['unknown-option'], { schema });
    assert.equal(shared.message, '`na` is not an option of Region (`region`); did you mean `north_america` or `north_asia`?');
  });

  it('owners without the portal\'s owners pulled: ids only; a name is owner-not-id, since HubSpot would match no contact', () => {
    expectClean('list "A" { where hubspot_owner_id is any of ("12345", "67890") }');
    const [d] = expectDiagnostics('list "A" { where hubspot_owner_id is ⟦"Jan Kowalski"⟧ }', ['owner-not-id']);
    assert.match(d.message, /holds owner ids, so HubSpot would compare `Jan Kowalski` with ids and match no contact\. Write the owner's id, or run hslist schema pull/);
  });

  it('invalid-date: impossible days and months, bad date-times', () => {
    expectDiagnostics('list "A" { where createdate is after ⟦2024-02-30⟧ }', ['invalid-date']);
    expectDiagnostics('list "A" { where createdate is after ⟦2024-13-01⟧ }', ['invalid-date']);
    expectDiagnostics('list "A" { where createdate is after ⟦2024-01-31T25:00:00Z⟧ }', ['invalid-date']);
    expectClean('list "A" { where createdate is after 2024-02-29 }');
  });

  it('invalid-number: a day count must be a positive whole number', () => {
    expectDiagnostics('list "A" { where notes_last_contacted is less than ⟦0⟧ days ago }', ['invalid-number']);
    expectDiagnostics('list "A" { where email was updated in last ⟦2.5⟧ days }', ['invalid-number']);
  });

  it('including-unknown-ignored on is known and on history operators', () => {
    expectDiagnostics('list "A" { where email is known ⟦including unknown⟧ }', ['including-unknown-ignored']);
    expectDiagnostics('list "A" { where lifecyclestage has ever been lead ⟦including unknown⟧ }', ['including-unknown-ignored']);
    expectClean('list "A" { where country is not "Poland" including unknown }');
    assert.equal(fixed('list "A" { where email is known including unknown }', 'including-unknown-ignored'), 'list "A" { where email is known }');
  });

  it('form-not-id when a form is given by a name while no forms are pulled (forms.test.ts has the rest)', () => {
    expectDiagnostics('list "A" { where submitted form ⟦"contact-us"⟧ }', ['form-not-id']);
    expectClean('list "A" { where submitted form "3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35" in last 30 days }');
  });
});

import { defaultSchema } from '../../../server/src/language/schema';
import type { PropertyDef, Schema } from '../../../server/src/language/schema-types';

function withProperty(def: PropertyDef): Schema {
  const base = defaultSchema();
  const contacts = new Map(base.objects.contacts);
  contacts.set(def.name, def);
  return { source: 'test', objects: { contacts, companies: base.objects.companies } };
}
