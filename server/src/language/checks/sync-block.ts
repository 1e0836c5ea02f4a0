// The sync block of one file: `unknown-sync-target`, `duplicate-sync-block` (one per file),
// `unknown-sync-setting`, `duplicate-setting`, `invalid-sync-value`; and its field mappings:
// `invalid-sync-rule`, `unknown-property`, `duplicate-mapping`, `unmappable-property` (rule M3).

import { type MappingNode, type SyncNode, diagnostic, type Diagnostic, settingValueString } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { describeProperty } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';
import { unknownPropertyDiagnostic } from './properties';
import { checkSettingKeys, findSetting, settingText, settingWord } from './settings';

export const SYNC_SETTINGS = ['inclusion list', 'salesforce creates hubspot contacts', 'hubspot creates in salesforce'] as const;

/** Allowed words per setting, with what each means in HubSpot's UI. */
export const SYNC_VALUES: Record<string, Record<string, string>> = {
  'salesforce creates hubspot contacts': { yes: 'Create or update the contact', no: 'Do nothing' },
  'hubspot creates in salesforce': { lead: 'Create or update the lead', contact: 'Create or update the contact' },
};

/** Sync rules, by their normalised spelling, to the rule's name in HubSpot's UI. */
export const SYNC_RULES: Record<string, string> = {
  'prefer salesforce unless blank': 'Prefer Salesforce unless blank',
  'always salesforce': 'Always use Salesforce',
  'two way': 'Two-way',
  "don't sync": "Don't sync",
  'do not sync': "Don't sync",
};

export function normaliseRule(text: string): string {
  return text.toLowerCase().replace(/[’`]/g, "'").replace(/[\s-]+/g, ' ').trim();
}

function checkTarget(sync: SyncNode): Diagnostic[] {
  if (sync.target.text.toLowerCase() === 'salesforce') return [];
  const message = `Unknown sync target \`${sync.target.text}\`; hslist describes the HubSpot–Salesforce integration, \`sync salesforce\`.`;
  return [diagnostic('unknown-sync-target', message, sync.target, 'error', replaceFixes(sync.target, [{ value: 'salesforce', distance: 0, matched: '' }]))];
}

function checkValues(sync: SyncNode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inclusion = findSetting(sync.settings, 'inclusion list');
  if (inclusion && inclusion.value?.kind !== 'string') {
    const message = '`inclusion list` takes the list\'s name in double quotes, e.g. "Qualified for Salesforce".';
    out.push(diagnostic('invalid-sync-value', message, inclusion.value ?? inclusion.key));
  }
  for (const [key, allowed] of Object.entries(SYNC_VALUES)) {
    const setting = findSetting(sync.settings, key);
    if (!setting || (settingWord(setting.value) ?? '') in allowed) continue;
    const options = Object.entries(allowed).map(([w, ui]) => `\`${w}\` ("${ui}")`).join(' or ');
    const written = setting.value ? settingText(setting.value) : '';
    const suggestions = written ? suggest(written, Object.keys(allowed).map((value) => ({ value }))) : [];
    const base = `\`${key}\` takes ${options}${written ? `, not \`${written}\`` : ''}`;
    const span = setting.value ?? setting.key;
    out.push(diagnostic('invalid-sync-value', withDidYouMean(base, suggestions), span, 'error', setting.value ? replaceFixes(span, suggestions) : undefined));
  }
  return out;
}

function checkRule(mapping: MappingNode): Diagnostic[] {
  if (!mapping.rule) return [];
  const written = settingValueString(mapping.rule);
  if (normaliseRule(written) in SYNC_RULES) return [];
  const rules = ['prefer salesforce unless blank', 'always salesforce', 'two way', "don't sync"];
  const suggestions = suggest(normaliseRule(written), rules.map((value) => ({ value })));
  const base = `Unknown sync rule \`${written}\`; use ${rules.map((r) => `\`${r}\``).join(', ')}`;
  return [diagnostic('invalid-sync-rule', withDidYouMean(base, suggestions), mapping.rule, 'error', replaceFixes(mapping.rule, suggestions))];
}

function checkMappingProperty(ctx: FileCheckContext, mapping: MappingNode): Diagnostic[] {
  const def = ctx.schema.objects.contacts.get(mapping.hubspotProperty.text);
  if (!def) return [unknownPropertyDiagnostic(ctx, 'contacts', mapping.hubspotProperty)];
  if (def.referencedObjectType?.toUpperCase() !== 'OWNER') return [];
  const ownerNote = def.name === 'hubspot_owner_id' ? ' (the contact owner syncs through the built-in Owner ID mapping)' : '';
  const message = `${describeProperty(def)} is a HubSpot user property, and the Salesforce integration cannot map user properties${ownerNote}.`;
  return [diagnostic('unmappable-property', message, mapping.hubspotProperty)];
}

function checkDuplicateMappings(mappings: MappingNode[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byProperty = new Set<string>();
  const byField = new Set<string>();
  for (const m of mappings) {
    const property = m.hubspotProperty.text.toLowerCase();
    const field = m.salesforceField.text.toLowerCase();
    if (byProperty.has(property)) {
      out.push(diagnostic('duplicate-mapping', `\`${m.hubspotProperty.text}\` is already mapped in this sync block; a HubSpot property maps once.`, m.hubspotProperty));
    } else if (byField.has(field)) {
      out.push(diagnostic('duplicate-mapping', `Salesforce field \`${m.salesforceField.text}\` already has a mapping in this sync block; two properties cannot write one field.`, m.salesforceField));
    }
    byProperty.add(property);
    byField.add(field);
  }
  return out;
}

export function checkSyncBlocks(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  ctx.file.syncBlocks.forEach((sync, i) => {
    if (i > 0) {
      const message = 'A file holds at most one sync block; merge this one into the first.';
      out.push(diagnostic('duplicate-sync-block', message, sync.target));
    }
    out.push(...checkTarget(sync));
    out.push(...checkSettingKeys(sync.settings, SYNC_SETTINGS, 'unknown-sync-setting', 'sync'));
    out.push(...checkValues(sync));
    for (const m of sync.mappings) out.push(...checkRule(m), ...checkMappingProperty(ctx, m));
    out.push(...checkDuplicateMappings(sync.mappings));
  });
  return out;
}
