// The portal's forms (`hslist schema pull`'s forms.json, in Marketing Forms v3's response shape), so a
// file can write `submitted form "Demo request"`: HubSpot's FORM_SUBMISSION filter takes the form's id
// (a GUID), which nobody can read or remember. A name resolves to the one form it names (names compared
// without case, as HubSpot's form picker finds them); a GUID stays accepted and is shown by its name.

import type { FormRef, Schema } from './schema-types';
import { catalogueEntries, entriesNamed, type CatalogueProblem } from './schema-catalogue';

export type { FormRef };

export const FORMS_FILE = 'forms.json';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isFormId(text: string): boolean {
  return GUID.test(text);
}

export type FormsProblem = CatalogueProblem;

export function parseForms(value: unknown, file: string, problems: FormsProblem[]): FormRef[] | undefined {
  return catalogueEntries<FormRef>(value, file, 'forms', problems, (f) =>
    typeof f.id !== 'string' || f.id === '' || typeof f.name !== 'string'
      ? { lacks: 'a string id and name (a form)' }
      : { id: f.id, name: f.name, formType: typeof f.formType === 'string' ? f.formType : 'hubspot', archived: f.archived === true });
}

export type FormMatch =
  | { kind: 'id'; id: string; form: FormRef | undefined }
  | { kind: 'name'; form: FormRef }
  | { kind: 'ambiguous'; forms: FormRef[] }
  | { kind: 'unknown' }
  /** A name, but the schema holds no forms to look it up in. */
  | { kind: 'no-catalogue' };

export function matchForm(text: string, forms: readonly FormRef[] | undefined): FormMatch {
  if (isFormId(text)) return { kind: 'id', id: text, form: forms?.find((f) => f.id.toLowerCase() === text.toLowerCase()) };
  if (!forms) return { kind: 'no-catalogue' };
  const found = entriesNamed(text, forms);
  if (found.kind === 'one') return { kind: 'name', form: found.entry };
  return found.kind === 'many' ? { kind: 'ambiguous', forms: found.entries } : { kind: 'unknown' };
}

/** The id HubSpot gets for a written form: the id itself, or the id of the one form the name names; else the text. */
export function formIdOf(text: string, schema: Pick<Schema, 'forms'>): string {
  const match = matchForm(text, schema.forms);
  return match.kind === 'id' ? (match.form?.id ?? match.id) : match.kind === 'name' ? match.form.id : text;
}

export function describeForm(form: FormRef): string {
  return `"${form.name}" (${form.id}${form.archived ? ', archived' : ''})`;
}
