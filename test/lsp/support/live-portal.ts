// A language server session on a workspace previewing the HubSpot emulator's portal: `hslist.json` points the
// contacts at it, the client holds its token, and `lists.hslist` is open with `text`. Shared by the editor tests
// of live data sources (email events, page views).

import { lspSession, type LspSession } from './session';

export function livePortalSession(portal: () => { url: string; token: string }, text: string): { lsp: LspSession; uri: () => string } {
  let uri: string | undefined;
  const lsp = lspSession({
    files: () => ({ 'hslist.json': JSON.stringify({ contacts: 'hubspot', hubspot: { baseUrl: portal().url } }) }),
    ready: ({ client, path }) => {
      client.hubspotConnection = { accessToken: portal().token, baseUrl: portal().url };
      uri = client.open(path('lists.hslist'), text).uri;
    },
  });
  return {
    lsp,
    uri: () => {
      if (uri === undefined) throw new Error('lists.hslist is not open yet');
      return uri;
    },
  };
}
