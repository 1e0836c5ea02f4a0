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
