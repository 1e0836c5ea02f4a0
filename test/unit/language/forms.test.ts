// Forms by name: with the portal's forms pulled (forms.json), `submitted form "Demo request"` names a form
// whose id HubSpot's FORM_SUBMISSION filter gets; without them a name is an error (it would match no
// submission), a name nobody has gets did-you-mean, a name two live forms share is ambiguous, and an id
// keeps working and is shown by its name.

import { strict as assert } from 'node:assert';
import { parse } from '@hslist/grammar';
import { compileList } from '../../../server/src/hubspot/compile';
import { defaultSchema } from '../../../server/src/language/schema';
import { formIdOf, parseForms } from '../../../server/src/language/schema-forms';
import { planList } from '../../../server/src/preview/plan';
import { evaluateContact } from '../../../server/src/preview/reference';
import { complete } from '../../../server/src/language/completion';
import { hoverAt } from '../../../server/src/language/hover';
import { marked } from '../../support/markers';
import { analyzeText, expectClean, expectDiagnostics, fixed, MAIN } from './expect';

const DEMO = '3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35';
const NEWSLETTER = '0b7c2e8f-6a0b-4c35-9d1e-3f1c2b9a5d4e';
const OLD_DEMO = 'aaaaaaaa-1111-4222-8333-444444444444';
const EBOOK_A = 'bbbbbbbb-1111-4222-8333-444444444444';
const EBOOK_B = 'cccccccc-1111-4222-8333-444444444444';
const problems: { path: string; message: string }[] = [];
const forms = parseForms({
  results: [
    { id: DEMO, name: 'Demo request', formType: 'hubspot', archived: false },
    { id: OLD_DEMO, name: 'Demo request', formType: 'hubspot', archived: true },
    { id: NEWSLETTER, name: 'Newsletter signup', formType: 'hubspot', archived: false },
    { id: EBOOK_A, name: 'Ebook download', formType: 'hubspot', archived: false },
    { id: EBOOK_B, name: 'Ebook download', formType: 'captured', archived: false },
  ],
}, 'forms.json', problems)!;
const schema = { ...defaultSchema(), forms };
const withForms = { schema };

describe('language: forms by name (forms.json pulled)', () => {
  it('reads the forms file; an entry without an id is named, not skipped in silence', () => {
    assert.deepEqual(problems, []);
    assert.equal(forms.length, 5);
    const bad: { path: string; message: string }[] = [];
    assert.equal(parseForms({ results: [{ name: 'No id' }] }, 'forms.json', bad)!.length, 0);
    assert.deepEqual(bad, [{ path: 'results[0]', message: 'forms.json: results[0] needs a string id and name (a form)' }]);
    parseForms({ forms: [] }, 'forms.json', bad);
    assert.equal(bad[1].message, 'forms.json must hold {"results": [forms]}');
  });

  it('without the forms, a name is form-not-id (error): HubSpot would compare it with ids; an id is clean', () => {
    const [d] = expectDiagnostics('list "A" { where submitted form ⟦"Demo request"⟧ }', ['form-not-id']);
    assert.equal(d.severity, 'error');
    assert.match(d.message, /HubSpot's form filter takes a form id \(a GUID such as .*\), so "Demo request" would match no submission\. Write the form's id, or run hslist schema pull/);
    expectClean(`list "A" { where submitted form "${DEMO}" in last 30 days }`);
  });

  it('a name resolves to its form (the live one over an archived namesake), in any case', () => {
    expectClean('list "A" { where submitted form "Demo request" or submitted form "newsletter SIGNUP" }', withForms);
    assert.equal(formIdOf('Demo request', schema), DEMO);
    assert.equal(formIdOf('NEWSLETTER signup', schema), NEWSLETTER);
    assert.equal(formIdOf(DEMO.toUpperCase(), schema), DEMO, 'an id in capitals is sent as HubSpot wrote it');
  });

  it('a name nobody has is unknown-form with did-you-mean and a fix; two live forms of one name are ambiguous', () => {
    const [typo] = expectDiagnostics('list "A" { where submitted form ⟦"Demo requets"⟧ }', ['unknown-form'], withForms);
    assert.equal(typo.severity, 'error');
    assert.equal(typo.message, 'No form named "Demo requets" among the portal\'s 5 forms pulled into the schema; did you mean "Demo request"?');
    assert.equal(fixed('list "A" { where submitted form "Demo requets" }', 'unknown-form', withForms), 'list "A" { where submitted form "Demo request" }');
    const [twice] = expectDiagnostics('list "A" { where submitted form ⟦"Ebook download"⟧ }', ['ambiguous-form'], withForms);
    assert.match(twice.message, new RegExp(`"Ebook download" names 2 forms: "Ebook download" \\(${EBOOK_A}\\), "Ebook download" \\(${EBOOK_B}\\)\\. Write the id`));
    assert.equal(fixed('list "A" { where submitted form "Ebook download" }', 'ambiguous-form', withForms, 1), `list "A" { where submitted form "${EBOOK_B}" }`);
  });

  it('an id missing from the pulled forms is a warning: the form may be newer than the pull', () => {
    const [d] = expectDiagnostics('list "A" { where submitted form ⟦"dddddddd-1111-4222-8333-444444444444"⟧ }', ['unknown-form'], withForms);
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /No form dddddddd-1111-4222-8333-444444444444 among the portal's 5 forms/);
  });

  it('the compiler writes the id and the preview judges by it', () => {
    const [list] = parse('list "Demo" {\n  where submitted form "demo request" in last 30 days\n}\n').file.lists;
    const { request } = compileList(list, { schema, listIdFor: () => undefined, defaultTimezone: 'UTC' });
    const filter = (request!.filterBranch!.filterBranches[0] as { filters: { filterType: string; formId?: string }[] }).filters[0];
    assert.deepEqual([filter.filterType, filter.formId], ['FORM_SUBMISSION', DEMO]);
    const now = Date.parse('2026-01-31T00:00:00Z');
    const plan = planList(list, { schema, now, lists: new Map() });
    const judge = (formId: string, daysAgo: number) => evaluateContact(plan, { id: '1', properties: {}, formSubmissions: [{ formId, timestamp: now - daysAgo * 86_400_000 }] });
    assert.deepEqual([judge(DEMO, 3), judge(OLD_DEMO, 3), judge(DEMO, 40), judge(NEWSLETTER, 1)], [true, false, false, false]);
  });

  it('hover shows the form a name or id stands for, and the id HubSpot gets', () => {
    const text = `list "A" { where submitted form "Demo request" or submitted form "${OLD_DEMO}" }`;
    const analysis = analyzeText(text, withForms);
    const at = (needle: string) => hoverAt({ analysis, path: MAIN, offset: text.indexOf(needle) + 2, schema })?.markdown;
    assert.equal(at('"Demo request"'), `Form **Demo request**: id \`${DEMO}\`, type hubspot. HubSpot's filter gets its id \`${DEMO}\`.`);
    assert.equal(at(`"${OLD_DEMO}"`), `Form **Demo request** (archived): id \`${OLD_DEMO}\`, type hubspot.`);
  });

  it('completion after `submitted form` offers the forms by name; a name two forms share inserts each id', () => {
    const m = marked('list "A" {\n  where submitted form <|>\n}');
    const entries = complete({ text: m.text, offset: m.cursor as number, schema, lists: [], folders: [] });
    const sorted = [...entries].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sorted.map((e) => [e.label, e.insertText]), [
      ['Demo request', '"Demo request"'],
      [`Ebook download (${EBOOK_A})`, `"${EBOOK_A}"`],
      [`Ebook download (${EBOOK_B})`, `"${EBOOK_B}"`],
      ['Newsletter signup', '"Newsletter signup"'],
    ], 'the archived "Demo request" is not offered: the name means the live form');
    assert.equal(sorted[0].detail, `form ${DEMO}`);
  });
});
