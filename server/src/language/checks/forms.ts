// Checks on `submitted form "…"`: HubSpot's FORM_SUBMISSION filter takes a form id (a GUID). A file may
// name the form instead when the portal's forms are pulled (forms.json); the compiler then writes its id.
//   `form-not-id` (error): a name while no forms are pulled, so it would reach HubSpot as an id and match no one;
//   `unknown-form` (error): a name no pulled form has (did-you-mean); (warning) an id missing from the pull;
//   `ambiguous-form` (error): a name two live forms share.

import { diagnostic, type Diagnostic, type FormSubmissionCondition, type Name } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { clip } from '../clip';
import { describeForm, matchForm, type FormRef } from '../schema-forms';
import { allConditions, quoteString } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

function formProblem(target: Name, forms: readonly FormRef[] | undefined, ctx: FileCheckContext): Diagnostic | undefined {
  const text = target.text;
  const match = matchForm(text, forms);
  switch (match.kind) {
    case 'name':
      return undefined;
    case 'id': {
      if (!forms || match.form) return undefined;
      const message = `No form ${text} among the portal's ${forms.length} forms pulled into the schema; HubSpot matches no submission of it unless the form is newer than the pull (hslist schema pull).`;
      return diagnostic('unknown-form', message, target, 'warning');
    }
    case 'no-catalogue': {
      const message = `HubSpot's form filter takes a form id (a GUID such as 3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35), so "${clip(text)}" would match no submission. Write the form's id, or run hslist schema pull (or "hslist: Refresh schema") so forms can be named.`;
      return diagnostic('form-not-id', message, target, 'error');
    }
    case 'ambiguous': {
      const message = `"${clip(text)}" names ${match.forms.length} forms: ${match.forms.map(describeForm).join(', ')}. Write the id of the one you mean.`;
      const fixes = replaceFixes(target, match.forms.map((f) => ({ value: f.id, distance: 0, matched: text })), quoteString);
      return diagnostic('ambiguous-form', message, target, 'error', fixes);
    }
    case 'unknown': {
      const candidates = (forms ?? []).filter((f) => !f.archived).map((f) => ({ value: f.name }));
      const suggestions = suggest(text, candidates, 3, ctx.suggestBudget);
      const message = withDidYouMean(`No form named "${clip(text)}" among the portal's ${forms?.length ?? 0} forms pulled into the schema`, suggestions, (v) => `"${v}"`);
      return diagnostic('unknown-form', message, target, 'error', replaceFixes(target, suggestions, quoteString));
    }
  }
}

export function checkForms(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    const target = condition.kind === 'formSubmission' ? (condition as FormSubmissionCondition).formId : undefined;
    const problem = target ? formProblem(target, ctx.schema.forms, ctx) : undefined;
    if (problem) out.push(problem);
  }
  return out;
}
