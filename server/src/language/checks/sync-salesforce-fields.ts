// `unknown-salesforce-field`: the Salesforce side of `map P to F` must be a field of the object the sync
// creates (Lead for `hubspot creates in salesforce: lead`, Contact for `contact`, either without the
// setting). Did-you-mean over that object's field names and labels; a field that exists only on the other
// object is named as such, since that is the likeliest mix-up (MailingCity on a lead sync, say).

import { type MappingNode, type SyncNode, diagnostic, type Diagnostic } from '@hslist/grammar';
import { suggest, withDidYouMean, type Candidate } from '../did-you-mean';
import { findSalesforceField, SALESFORCE_OBJECTS, type SalesforceObjectName, type SalesforceSchema } from '../salesforce-schema';
import { budgetOf, replaceFixes, type FileCheckContext } from './context';
import { syncTarget, type SyncTarget } from './sync-salesforce-target';

function fieldCandidates(sf: SalesforceSchema, objects: SalesforceObjectName[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const object of objects) {
    for (const field of sf.objects[object].fields.values()) {
      if (seen.has(field.name.toLowerCase())) continue;
      seen.add(field.name.toLowerCase());
      out.push({ value: field.name, aliases: [field.label] });
    }
  }
  return out;
}

function noSuchField(objects: SalesforceObjectName[], name: string): string {
  return objects.length === 1 ? `${objects[0]} has no field \`${name}\`` : `Neither ${objects.join(' nor ')} has a field \`${name}\``;
}

function checkMapping(ctx: FileCheckContext, sf: SalesforceSchema, target: SyncTarget, mapping: MappingNode): Diagnostic[] {
  const name = mapping.salesforceField.text;
  if (target.objects.some((object) => findSalesforceField(sf, object, name))) return [];
  const elsewhere = SALESFORCE_OBJECTS.filter((o) => !target.objects.includes(o) && findSalesforceField(sf, o, name));
  const suggestions = suggest(name, fieldCandidates(sf, target.objects), 3, budgetOf(ctx));
  const fixes = replaceFixes(mapping.salesforceField, suggestions);
  if (elsewhere.length > 0 && target.setting) {
    const base = `\`${name}\` is a ${elsewhere[0]} field, but this sync creates ${target.objects[0].toLowerCase()}s (${target.setting}) and ${target.objects[0]} has no such field`;
    return [diagnostic('unknown-salesforce-field', withDidYouMean(base, suggestions), mapping.salesforceField, 'error', fixes)];
  }
  const base = `${noSuchField(target.objects, name)} in the Salesforce schema (${sf.source})`;
  return [diagnostic('unknown-salesforce-field', withDidYouMean(base, suggestions), mapping.salesforceField, 'error', fixes)];
}

export function checkSalesforceFields(ctx: FileCheckContext): Diagnostic[] {
  const sf = ctx.salesforceSchema;
  if (!sf) return [];
  return ctx.file.syncBlocks.flatMap((sync: SyncNode) => {
    const target = syncTarget(sync);
    return sync.mappings.flatMap((m) => checkMapping(ctx, sf, target, m));
  });
}
