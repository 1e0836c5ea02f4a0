// The settings sheet: what the sync block says that no public API sets (HubSpot publishes none for the
// Salesforce integration's settings), each with the place in HubSpot's UI and the value to set there. `hslist
// apply` records each item in the state file as "to set by hand"; `hslist settings confirm` records that the
// user set it. hslist never claims one as done otherwise, and a changed value is to set by hand again.

import type { SyncSettings } from '../sync/settings';
import type { PortalState } from './state-file';

const CONTACTS_TAB = 'Settings > Integrations > Connected apps > Salesforce > Contacts tab';

export interface SheetItem {
  /** Stable key in the state file. */
  key: string;
  what: string;
  /** The place in HubSpot's UI. */
  where: string;
  value: string;
}

export interface SheetLine extends SheetItem {
  status: 'to set by hand' | 'confirmed';
  /** When the user confirmed it (ISO). */
  confirmedAt?: string;
}

export interface SettingState {
  value: string;
  confirmedAt?: string;
}

const RULE_WORDS: Record<string, string> = { 'prefer-salesforce': 'Prefer Salesforce unless blank', 'always-salesforce': 'Always use Salesforce', 'two-way': 'Two-way', 'dont-sync': "Don't sync" };

export function sheetItems(settings: SyncSettings): SheetItem[] {
  const items: SheetItem[] = [];
  if (settings.inclusionList !== undefined) items.push({ key: 'inclusion-list', what: 'Inclusion list', where: `${CONTACTS_TAB} > Limit sync ("Limiting what syncs") dropdown`, value: settings.inclusionList });
  if (settings.salesforceCreatesContacts !== undefined) {
    items.push({ key: 'salesforce-creates-contacts', what: 'When a Salesforce lead or contact is created or updated', where: `${CONTACTS_TAB} > Creating and updating contacts`, value: settings.salesforceCreatesContacts ? 'Create or update the contact' : 'Do nothing' });
  }
  if (settings.createsIn !== undefined) {
    items.push({ key: 'hubspot-creates-in', what: 'When a HubSpot contact is created or updated', where: `${CONTACTS_TAB} > Creating and updating contacts`, value: settings.createsIn === 'Lead' ? 'Create or update the lead' : 'Create or update the contact' });
  }
  for (const m of settings.mappings) {
    if (m.rule === undefined) continue;
    items.push({ key: `mapping:${m.property}:${m.field.toLowerCase()}`, what: `Sync rule of ${m.property} ↔ ${m.field}`, where: `${CONTACTS_TAB} > Contact property mappings (add the mapping if it is new, or edit it)`, value: RULE_WORDS[m.rule] });
  }
  return items;
}

/** Each item with what the state file says of it. */
export function sheetLines(items: SheetItem[], portal: PortalState | undefined): SheetLine[] {
  return items.map((item) => {
    const recorded = portal?.settings?.[item.key];
    const confirmed = recorded?.value === item.value && recorded.confirmedAt !== undefined;
    return confirmed ? { ...item, status: 'confirmed', confirmedAt: recorded.confirmedAt } : { ...item, status: 'to set by hand' };
  });
}

/** Records every item not confirmed with its value as "to set by hand"; true when the state changed. */
export function recordSheet(portal: PortalState, items: SheetItem[]): boolean {
  const settings = (portal.settings ??= {});
  let changed = false;
  for (const item of items) {
    if (settings[item.key]?.value === item.value) continue;
    settings[item.key] = { value: item.value };
    changed = true;
  }
  return changed;
}

/** Marks the items (all when `keys` is empty) as set by the user, now; returns the keys confirmed. */
export function confirmSheet(portal: PortalState, items: SheetItem[], keys: string[], now: Date): string[] {
  const settings = (portal.settings ??= {});
  const chosen = keys.length === 0 ? items : items.filter((i) => keys.includes(i.key));
  for (const item of chosen) settings[item.key] = { value: item.value, confirmedAt: now.toISOString() };
  return chosen.map((i) => i.key);
}
