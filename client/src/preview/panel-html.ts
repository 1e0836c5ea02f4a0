// The preview panel's HTML: a strict Content-Security-Policy (nothing remote, no inline script or
// style; the one script carries a fresh nonce), the stylesheet and script from media/.

import { randomBytes } from 'node:crypto';

export interface PanelAssets {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function panelHtml(assets: PanelAssets, nonce = newNonce()): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(assets.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(assets.styleUri)}">
<title>hslist preview</title>
</head>
<body>
<header>
  <div><h1 id="list-name">Preview</h1><span id="count" class="count"></span><span id="source" class="source"></span></div>
  <div class="tools">
    <input id="search" type="search" placeholder="Search id, email, name…" aria-label="Search matching contacts">
    <button id="export" type="button" title="Save the contacts of this view as CSV">Export CSV…</button>
  </div>
</header>
<section id="published" class="published" aria-label="Compared with the published list" hidden>
  <h2 id="published-heading"></h2>
  <ul id="published-lines"></ul>
  <p id="published-muted" class="muted"></p>
</section>
<div id="cancelled" class="cancelled" hidden><span id="cancelled-text"></span> <button id="reload" type="button">Reload</button></div>
<section class="funnel" aria-label="Funnel">
  <h2>Contacts left after each clause</h2>
  <div class="legend"><i></i>left after this clause and the ones above<i class="pale"></i>pass this clause alone</div>
  <svg id="funnel" role="img" aria-label="Funnel"></svg>
</section>
<div class="views" role="tablist" aria-label="Which contacts the table shows">
  <button id="view-matches" class="view" type="button" role="tab" data-view="matches" aria-selected="true">Matches</button>
  <button id="view-enter" class="view" type="button" role="tab" data-view="enter" aria-selected="false" disabled>Would enter</button>
  <button id="view-leave" class="view" type="button" role="tab" data-view="leave" aria-selected="false" disabled>Would leave</button>
  <button id="view-salesforce" class="view" type="button" role="tab" data-view="salesforce" aria-selected="false" disabled title="The Salesforce sync simulated on these contacts and a Salesforce export (hslist.salesforceData)">Salesforce</button>
</div>
<div id="status" class="status" role="status"></div>
<div class="table" role="grid" aria-label="Matching contacts">
  <div id="thead" class="row thead" role="row"></div>
  <div id="viewport" class="viewport"><div id="spacer" class="spacer"></div><div id="rows" class="rows" role="rowgroup"></div></div>
</div>
<section id="salesforce" class="salesforce" aria-label="Salesforce sync" hidden>
  <h2 id="salesforce-heading"></h2>
  <p id="salesforce-source" class="muted"></p>
  <div id="salesforce-groups"></div>
</section>
<script nonce="${nonce}" src="${escapeAttr(assets.scriptUri)}"></script>
</body>
</html>`;
}
