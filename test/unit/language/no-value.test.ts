import { strict as assert } from 'node:assert';
import { expectClean, expectDiagnostics, fixed } from './expect';

describe('language: negative phrases and contacts with no value (unknown-excluded)', () => {
  it('warns on is not, is none of, does not contain … without including unknown', () => {
    const [d] = expectDiagnostics('list "A" { where ⟦hs_email_optout is not true⟧ }', ['unknown-excluded']);
    assert.match(d.message, /does not match contacts with no value for hs_email_optout/);
    expectDiagnostics('list "A" { where email is known and ⟦country is none of ("Poland", "Germany")⟧ }', ['unknown-excluded']);
    expectDiagnostics('list "A" { where ⟦jobtitle does not contain "intern"⟧ or email is known }', ['unknown-excluded']);
    expectDiagnostics('list "A" { where ⟦annualrevenue is not between 5 and 10⟧ }', ['unknown-excluded']);
    expectDiagnostics('list "A" { where associated company where (⟦industry is not COMPUTER_SOFTWARE⟧) }', ['unknown-excluded']);
  });

  it('is quiet when the text already says what happens to contacts with no value', () => {
    expectClean('list "A" { where hs_email_optout is not true including unknown }');
    expectClean('list "A" { where hs_email_optout is not true and hs_email_optout is known }');
    expectClean('list "A" { where (lastname is unknown or lastname is not "Doe") }');
    expectClean('list "A" { where not (country is "Poland") }');
    expectClean('list "A" { where lifecyclestage has never been customer }');
    expectClean('list "A" { where country is "Poland" and email is not blank }');
  });

  it('offers both fixes: including unknown, or and … is known', () => {
    const text = 'list "A" { where hs_email_optout is not true }';
    assert.equal(fixed(text, 'unknown-excluded', {}, 0), 'list "A" { where hs_email_optout is not true including unknown }');
    assert.equal(fixed(text, 'unknown-excluded', {}, 1), 'list "A" { where (hs_email_optout is not true and hs_email_optout is known) }');
    expectClean(fixed(text, 'unknown-excluded', {}, 1));
  });
});

describe('language: is on a multi-select property (multi-select-is-exact)', () => {
  it('explains that is compares the whole set, and offers contains', () => {
    const [d] = expectDiagnostics('list "A" { where hs_buying_role ⟦is⟧ DECISION_MAKER }', ['multi-select-is-exact']);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /"is equal to", which compares the whole set/);
    assert.equal(fixed('list "A" { where hs_buying_role is DECISION_MAKER }', 'multi-select-is-exact'), 'list "A" { where hs_buying_role contains DECISION_MAKER }');
    expectClean('list "A" { where hs_buying_role contains DECISION_MAKER }');
    expectClean('list "A" { where hs_buying_role is any of (DECISION_MAKER) }');
    expectClean('list "A" { where lifecyclestage is lead }');
  });
});

describe('language: relative times, blank checks and last updates', () => {
  it('relative times are date values; was updated … takes a time whatever the property type', () => {
    expectClean('list "A" { where closedate is after 3 days before today and createdate is between start of month and now }');
    expectClean('list "A" { where country was updated after today and jobtitle was updated between 2024-01-01 and end of year }');
    expectClean('list "A" { where email is blank or phone is not blank }');
    expectDiagnostics('list "A" { where country is ⟦today⟧ }', ['value-type-mismatch']);
    expectDiagnostics('list "A" { where country was updated after ⟦"yesterday"⟧ }', ['value-type-mismatch']);
  });
});
