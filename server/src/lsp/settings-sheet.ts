// `hslist.settingsSheet`: the sync block's settings sheet as Markdown for VS Code: each setting no public API
// sets, where it is in HubSpot's UI and its value, with what hslist.lock.json records for each portal (to
// set by hand, or confirmed with `hslist settings confirm`). Read-only; the same sheet `hslist plan` prints.

import { settingsSheetOf } from '../publish/session';
import { sheetLines } from '../publish/settings-sheet';
import { readStateFile } from '../publish/state-file';
import type { ServerContext } from './context';

export function settingsSheetMarkdown(ctx: ServerContext): string {
  const items = settingsSheetOf(ctx.state.analysis());
  if (items.length === 0) return '# Salesforce settings sheet\n\nThe workspace has no `sync salesforce { … }` block that sets anything.\n';
  const read = readStateFile(ctx.state.settings.config.root);
  const portals = read.ok ? Object.entries(read.state.portals) : [];
  const out = ['# Salesforce settings sheet', '', 'HubSpot publishes no API for these settings of the Salesforce integration: set each by hand in HubSpot, then run `hslist settings confirm`.', ''];
  for (const item of items) {
    out.push(`## ${item.what}`, '', `- **Value:** ${item.value}`, `- **Where:** ${item.where}`);
    for (const [portalId, portal] of portals) {
      const [line] = sheetLines([item], portal);
      out.push(`- Portal ${portalId}: ${line.status}${line.confirmedAt ? ` (${line.confirmedAt.slice(0, 10)})` : ''}`);
    }
    out.push('');
  }
  if (!read.ok) out.push(`_${read.message}_`, '');
  return out.join('\n');
}
