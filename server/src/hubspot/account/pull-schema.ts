// `pullHubSpotSchema(account, dir)`: writes the portal's contact and company properties as
// `contacts.json` / `companies.json` in the Properties API response shape (`{ "results": [...] }`),
// sorted by name with sorted keys and two-space indentation, so re-pulling an unchanged portal
// produces no diff.

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { CrmObjectType, HubSpotAccount } from './types';

export interface PulledSchema {
  files: string[];
  counts: Record<CrmObjectType, number>;
}

export async function pullHubSpotSchema(account: HubSpotAccount, dir: string): Promise<PulledSchema> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  const counts = { contacts: 0, companies: 0 };
  for (const objectType of ['contacts', 'companies'] as const) {
    const properties = [...(await account.getProperties(objectType))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const file = path.join(dir, `${objectType}.json`);
    await fs.writeFile(file, stableJson({ results: properties }), 'utf8');
    files.push(file);
    counts[objectType] = properties.length;
  }
  return { files, counts };
}

/** JSON with object keys sorted (arrays keep their order: options have a display order). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
