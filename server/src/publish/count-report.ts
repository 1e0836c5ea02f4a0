// How `hslist count` and VS Code's "Count in HubSpot" word the counts: one text, one JSON shape.

import type { CountSelection } from './count-requests';
import type { CountResult } from './hubspot-count';

export function countText(portalId: string, selection: CountSelection, result: CountResult): string {
  const lines = [`HubSpot's own count in portal ${portalId} (each list created as a temporary list, counted once processed, then deleted):`];
  const width = Math.max(...[...result.outcomes, ...selection.refused].map((o) => o.name.length + 2));
  for (const o of result.outcomes) {
    const name = `"${o.name}"`.padEnd(width);
    lines.push(o.counted ? `  ${name}  ${o.size.toLocaleString('en-US')} contact${o.size === 1 ? '' : 's'}` : `  ${name}  not counted: ${o.reason}`);
  }
  for (const r of selection.refused) lines.push(`  ${`"${r.name}"`.padEnd(width)}  not counted: ${r.reason}`);
  for (const note of selection.notes) lines.push(`· ${note}`);
  for (const c of result.cleaned) lines.push(`· deleted ${c}, a temporary list an earlier run left behind`);
  return `${lines.join('\n')}\n`;
}

export function countJson(portalId: string, selection: CountSelection, result: CountResult): unknown {
  return {
    portalId,
    source: 'hubspot-temporary-list',
    lists: [
      ...result.outcomes.map((o) => (o.counted ? { name: o.name, size: o.size } : { name: o.name, counted: false, reason: o.reason })),
      ...selection.refused.map((r) => ({ name: r.name, counted: false, reason: r.reason })),
    ],
    notes: selection.notes,
    temporaryListsLeft: result.left,
    leftoversDeleted: result.cleaned,
  };
}
