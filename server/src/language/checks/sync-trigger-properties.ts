// `unmapped-list-property` (info, on the property's name): a property the inclusion list's criteria read that
// no mapping syncs. A change of an unmapped property never triggers a sync by itself (rule T4, HubSpot's
// "What triggers a sync with Salesforce"); the contact then syncs only when it is added to the list or at its
// next mapped change, and Salesforce users cannot see the value that let it in. Mapped means a mapping of the
// sync block whose rule syncs (a mapping without a rule counts: its rule is chosen in HubSpot's UI) or one
// of HubSpot's default mappings (rule M4) it does not turn off; `don't sync` is Assumed not to trigger.

import { type ListNode, type SyncNode, diagnostic, settingValueString } from '@hslist/grammar';
import { findList, type WorkspaceIndex } from '../symbols';
import { forEachCondition } from '../walk';
import type { PathDiagnostic } from './list-references';
import { findSetting } from './settings';
import { DEFAULT_MAPPINGS } from './sync-salesforce-required';
import { syncTarget } from './sync-salesforce-target';
import { normaliseRule } from './sync-block';

function syncsAtAll(rule: string | undefined): boolean {
  return rule === undefined || !['don\'t sync', 'do not sync'].includes(normaliseRule(rule));
}

/** HubSpot properties (lower-cased) whose changes can trigger a sync under this block. */
export function mappedProperties(sync: SyncNode): Set<string> {
  const mapped = new Set<string>();
  const turnedOff = new Set<string>();
  for (const m of sync.mappings) {
    const rule = m.rule ? settingValueString(m.rule) : undefined;
    (syncsAtAll(rule) ? mapped : turnedOff).add(m.hubspotProperty.text.toLowerCase());
  }
  for (const object of syncTarget(sync).objects) {
    for (const property of Object.values(DEFAULT_MAPPINGS[object])) {
      if (property !== null && !turnedOff.has(property)) mapped.add(property);
    }
  }
  return mapped;
}

function checkList(path: string, list: ListNode, mapped: Set<string>, listName: string): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  const seen = new Set<string>();
  forEachCondition(list.where, 'contacts', (condition, objectType) => {
    if (condition.kind !== 'property' || objectType !== 'contacts') return;
    const name = condition.property.text.toLowerCase();
    if (mapped.has(name) || seen.has(name)) return;
    seen.add(name);
    const message = `\`${condition.property.text}\` decides membership of the inclusion list "${listName}" but is not mapped to a Salesforce field: a change to it never triggers a sync by itself (rule T4), and Salesforce users cannot see why a contact is in the list.`;
    out.push({ ...diagnostic('unmapped-list-property', message, condition.property, 'info'), path });
  });
  return out;
}

export function checkTriggerProperties(index: WorkspaceIndex): PathDiagnostic[] {
  const sync = index.syncBlocks[0];
  const value = sync ? findSetting(sync.node.settings, 'inclusion list')?.value : undefined;
  if (!sync || value?.kind !== 'string') return [];
  const symbol = findList(index, value.value);
  if (!symbol) return [];
  return checkList(symbol.path, symbol.node, mappedProperties(sync.node), symbol.name);
}
