// The pulled Salesforce schema (`.hslist/schema/salesforce/lead.json` and `contact.json`, written by
// salesforce/schema-pull.ts) as completion's field list. Pure: takes the parsed JSON of each file.

import type { SalesforceFieldInfo } from './completion-values';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Fields of every object, merged by name; files that are not a pulled schema are skipped (named in `problems`). */
export function salesforceFieldsFrom(files: { file: string; json: unknown }[], problems: string[] = []): SalesforceFieldInfo[] {
  const byName = new Map<string, SalesforceFieldInfo>();
  for (const { file, json } of files) {
    if (!isRecord(json) || typeof json.name !== 'string' || !Array.isArray(json.fields)) {
      problems.push(`${file}: not a Salesforce schema written by hslist (expected "name" and "fields").`);
      continue;
    }
    for (const f of json.fields) {
      if (!isRecord(f) || typeof f.name !== 'string') continue;
      const known = byName.get(f.name.toLowerCase());
      if (known) {
        known.objects.push(json.name);
        continue;
      }
      const label = typeof f.label === 'string' ? f.label : f.name;
      byName.set(f.name.toLowerCase(), { name: f.name, label, type: typeof f.type === 'string' ? f.type : 'unknown', objects: [json.name] });
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
