// Enumeration values against the property's options (option-match.ts says which option a text means):
// - an internal value: clean;
// - a label, a value in another case, or an owner's name or email: `option-label` (info): it resolves,
//   the compiler writes the internal value, and a fix writes it in the file;
// - a label two options share: `ambiguous-option` (error), a fix per option;
// - a label's initials naming one option (`mql`): `unknown-option` (error) saying what to write, with a fix;
// - nothing: `unknown-option` (error) with did-you-mean over values, labels and initials (and owners' emails);
//   an owner id missing from the pulled owners is `unknown-owner` (warning: it may be newer than the pull).
// Properties that refer to owners hold owner ids: without the portal's owners pulled, a value that is
// not an id is `owner-not-id` (error), since HubSpot would compare it with ids and match no contact.
// Team properties (`hubspot_team_id`) likewise hold team ids, named by the teams owners.json lists with
// each owner: `team-not-id` (error) without them, `unknown-team` (warning) for an id none of them has.
// Properties whose schema lists no options (portal-defined, e.g. personas in the default) are skipped.

import { type Value, diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { matchOption, type OptionMatch } from '../option-match';
import { typeClassOf } from '../operators';
import type { PropertyDef, PropertyOption } from '../schema-types';
import { describeProperty, formatOptionValue, operandValues, propertyConditions, valueText } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';
import { operatorProblem } from './operator-type';
import { clip } from '../clip';
import { holdsTeamIds } from '../schema-owners';

export function checksOptions(def: PropertyDef): boolean {
  return typeClassOf(def.type) === 'enumeration' && def.options.length > 0 && (!def.externalOptions || def.optionsFrom !== undefined);
}

function holdsOwnerIds(def: PropertyDef): boolean {
  return def.referencedObjectType === 'OWNER' && def.options.length === 0;
}

/** A team property without the teams to name them by (owners.json not pulled, or without teams). */
function holdsBareTeamIds(def: PropertyDef): boolean {
  return holdsTeamIds(def) && def.options.length === 0;
}

export function optionDiagnostic(value: Value, def: PropertyDef): Diagnostic | undefined {
  const text = valueText(value);
  const match = matchOption(def, text);
  switch (match.kind) {
    case 'exact':
      return undefined;
    case 'resolved':
      return resolvedDiagnostic(value, text, def, match);
    case 'ambiguous':
      return ambiguousDiagnostic(value, text, def, match.options);
    case 'none':
      return unknownDiagnostic(value, text, def);
  }
}

function resolvedDiagnostic(value: Value, text: string, def: PropertyDef, match: Extract<OptionMatch, { kind: 'resolved' }>): Diagnostic {
  const option = match.option;
  const what = def.optionsFrom === 'owners' ? `owner ${option.value} (${ownerText(option)})` : def.optionsFrom === 'teams' ? `team ${option.value} (${option.label})` : match.via === 'case' ? `option \`${option.value}\` in another case` : `the label of option \`${option.value}\``;
  const message = `\`${clip(text)}\` is ${what} of ${describeProperty(def)}; hslist sends ${option.value} to HubSpot, which compares internal values exactly.`;
  const fixes = replaceFixes(value, [{ value: option.value, distance: 0, matched: text }], formatOptionValue);
  return diagnostic('option-label', message, value, 'info', fixes);
}

function ambiguousDiagnostic(value: Value, text: string, def: PropertyDef, options: PropertyOption[]): Diagnostic {
  const listed = options.map((o) => `\`${o.value}\`${o.description ? ` (${o.description})` : ''}`).join(', ');
  const message = `\`${clip(text)}\` names ${options.length} options of ${describeProperty(def)}: ${listed}. Write the internal value of the one you mean.`;
  return diagnostic('ambiguous-option', message, value, 'error', replaceFixes(value, options.map((o) => ({ value: o.value, distance: 0, matched: text })), formatOptionValue));
}

function unknownDiagnostic(value: Value, text: string, def: PropertyDef): Diagnostic {
  if (def.optionsFrom === 'owners' && /^\d+$/.test(text)) {
    const message = `No owner ${text} among the portal's ${def.options.length} owners pulled into the schema; HubSpot matches no contact with it unless the owner is newer than the pull (hslist schema pull).`;
    return diagnostic('unknown-owner', message, value, 'warning');
  }
  if (def.optionsFrom === 'teams' && /^\d+$/.test(text)) {
    const message = `No team ${text} among the portal's ${def.options.length} teams pulled with the owners; HubSpot matches no contact with it unless the team is newer than the pull (hslist schema pull).`;
    return diagnostic('unknown-team', message, value, 'warning');
  }
  const initials = def.optionsFrom !== undefined ? undefined : optionByInitials(text, def);
  if (initials) {
    const write = formatOptionValue(initials.value);
    const message = `\`${clip(text)}\` reads as the initials of "${initials.label}", option \`${initials.value}\` of ${describeProperty(def)}; filters compare internal values exactly, so write \`${write}\`.`;
    return diagnostic('unknown-option', message, value, 'error', replaceFixes(value, [{ value: initials.value, distance: 0, matched: text }], formatOptionValue));
  }
  // Initials shared by two labels (`na`: North America, North Asia) are offered as both.
  const aliases = (o: PropertyOption) =>
    [o.label, ...(def.optionsFrom === 'owners' ? (o.description ? [o.description] : []) : [initialsOf(o.label)])].filter((a): a is string => a !== undefined);
  const suggestions = suggest(text, def.options.map((o) => ({ value: o.value, aliases: aliases(o) })));
  const what = def.optionsFrom === 'owners' ? 'an owner (id, name or email) of' : def.optionsFrom === 'teams' ? 'a team (id or name) of' : 'an option of';
  const message = withDidYouMean(`\`${clip(text)}\` is not ${what} ${describeProperty(def)}`, suggestions);
  return diagnostic('unknown-option', message, value, 'error', replaceFixes(value, suggestions, formatOptionValue));
}

/** `mql` for "Marketing Qualified Lead": the abbreviation people write for a label of two or more words. */
function initialsOf(label: string): string | undefined {
  const words = label.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  return words.length >= 2 ? words.map((w) => w[0]).join('').toLowerCase() : undefined;
}

/** The one option whose label's initials `text` is; two labels with the same initials get a did-you-mean instead. */
function optionByInitials(text: string, def: PropertyDef): PropertyOption | undefined {
  const lower = text.toLowerCase();
  const matches = def.options.filter((o) => initialsOf(o.label) === lower);
  return matches.length === 1 ? matches[0] : undefined;
}

function ownerText(option: PropertyOption): string {
  const name = option.label !== option.description ? option.label : '';
  return [name, option.description].filter(Boolean).join(', ') + (option.hidden ? ', deactivated' : '');
}

function teamIdDiagnostic(value: Value, def: PropertyDef): Diagnostic | undefined {
  const text = valueText(value);
  if (/^\d+$/.test(text)) return undefined;
  const message = `${describeProperty(def)} holds team ids, so HubSpot would compare \`${clip(text)}\` with ids and match no contact. Write the team's id, or run hslist schema pull (or "hslist: Refresh schema") so teams can be named (they come with the owners).`;
  return diagnostic('team-not-id', message, value, 'error');
}

function ownerIdDiagnostic(value: Value, def: PropertyDef): Diagnostic | undefined {
  const text = valueText(value);
  if (/^\d+$/.test(text)) return undefined;
  const message = `${describeProperty(def)} holds owner ids, so HubSpot would compare \`${clip(text)}\` with ids and match no contact. Write the owner's id, or run hslist schema pull (or "hslist: Refresh schema") so owners can be named.`;
  return diagnostic('owner-not-id', message, value, 'error');
}

export function checkOptions(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition, property } of propertyConditions(ctx.file, ctx.schema)) {
    if (!property || typeClassOf(property.type) !== 'enumeration' || operatorProblem(condition, property)) continue;
    const check = checksOptions(property) ? optionDiagnostic : holdsOwnerIds(property) ? ownerIdDiagnostic : holdsBareTeamIds(property) ? teamIdDiagnostic : undefined;
    if (!check) continue;
    for (const value of operandValues(condition)) {
      const problem = check(value, property);
      if (problem) out.push(problem);
    }
  }
  return out;
}
