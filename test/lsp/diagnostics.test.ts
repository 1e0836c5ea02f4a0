// Diagnostics over a real stdio connection: files never opened are checked, a change in one file
// re-publishes the files that refer to it, files changed on disk are read again, and the schema is
// reloaded when hslist.json changes.

import { strict as assert } from 'node:assert';
import { unlinkSync } from 'node:fs';
import { uriOf } from './support/lsp-client';
import { FILES } from './support/fixture';
import { lspSession } from './support/session';

const codes = (d: { code?: string | number }[]) => d.map((x) => x.code);

describe('lsp: diagnostics', () => {
  const lsp = lspSession({ perTest: true });

  it('publishes problems of a file that was never opened, with the did-you-mean in the message', async () => {
    const diagnostics = await lsp.client.diagnostics(uriOf(lsp.path('broken.hslist')), (d) => d.length > 0);
    assert.deepEqual(codes(diagnostics), ['unknown-property']);
    assert.match(diagnostics[0].message, /email/);
    assert.deepEqual(diagnostics[0].range, { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } });
  });

  it('re-publishes file B when file A renames away the list B refers to, and clears it when A comes back', async () => {
    const qualified = uriOf(lsp.path('lists/qualified.hslist'));
    const internalPath = lsp.path('lists/internal.hslist');
    const { uri } = lsp.client.open(internalPath, FILES['lists/internal.hslist']);
    await lsp.client.diagnosticsOfVersion(uri, 1);
    const renamed = FILES['lists/internal.hslist'].replace('list "Internal"', 'list "Staff"');
    lsp.client.change(uri, renamed);
    const broken = await lsp.client.diagnostics(qualified, (d) => d.some((x) => x.code === 'unknown-list'));
    assert.match(broken.find((x) => x.code === 'unknown-list')!.message, /"Internal"/);
    lsp.client.change(uri, FILES['lists/internal.hslist']);
    await lsp.client.diagnostics(qualified, (d) => d.length === 0);
  });

  it('publishes each edited version of an open document, syntax errors included', async () => {
    const path = lsp.path('lists/qualified.hslist');
    const { uri } = lsp.client.open(path, FILES['lists/qualified.hslist']);
    assert.deepEqual(await lsp.client.diagnosticsOfVersion(uri, 1), []);
    const version = lsp.client.change(uri, FILES['lists/qualified.hslist'].replace('email is known', 'email is known )'));
    const diagnostics = await lsp.client.diagnosticsOfVersion(uri, version);
    assert.ok(diagnostics.some((d) => d.code === 'syntax-error'), JSON.stringify(codes(diagnostics)));
  });

  it('reads files created, changed and deleted on disk, and the editor text wins over the disk while open', async () => {
    const extra = lsp.fixture.write('extra.hslist', 'list "Extra" {\n  where in list "Nowhere"\n}\n');
    lsp.client.filesChanged([{ path: extra, type: 1 }]);
    await lsp.client.diagnostics(uriOf(extra), (d) => codes(d).includes('unknown-list'));
    lsp.fixture.write('extra.hslist', 'list "Extra" {\n  where in list "Internal"\n}\n');
    lsp.client.filesChanged([{ path: extra, type: 2 }]);
    await lsp.client.diagnostics(uriOf(extra), (d) => d.length === 0);
    const { uri } = lsp.client.open(extra, 'list "Extra" {\n  where in list "Open only"\n}\n');
    await lsp.client.diagnosticsOfVersion(uri, 1).then((d) => assert.deepEqual(codes(d), ['unknown-list']));
    lsp.client.filesChanged([{ path: extra, type: 2 }]);
    lsp.client.close(uri);
    await lsp.client.diagnostics(uri, (d, p) => d.length === 0 && p.version === undefined);
    unlinkSync(extra);
    lsp.client.filesChanged([{ path: extra, type: 3 }]);
    // Deleted: its list is gone from the workspace, so renaming "Internal" away leaves one complaint.
    const internal = lsp.client.open(lsp.path('lists/internal.hslist'), FILES['lists/internal.hslist'].replace('"Internal"', '"Gone"'));
    await lsp.client.diagnosticsOfVersion(internal.uri, 1);
    const symbols = await lsp.client.request<{ name: string }[]>('workspace/symbol', { query: 'Extra' });
    assert.deepEqual(symbols.map((s) => s.name), []);
  });

  it('a folder whose name ends in .hslist (the schema pull\'s .hslist/) is not read as a file', async () => {
    // VS Code reports the folder a schema pull creates under the watcher's **/*.hslist glob.
    const folder = lsp.path('.hslist');
    const extra = lsp.fixture.write('extra.hslist', 'list "Extra" {\n  where in list "Nowhere"\n}\n');
    lsp.client.filesChanged([{ path: folder, type: 1 }, { path: extra, type: 1 }]);
    await lsp.client.diagnostics(uriOf(extra), (d) => codes(d).includes('unknown-list'));
    lsp.client.filesChanged([{ path: folder, type: 2 }]);
    lsp.fixture.write('extra.hslist', 'list "Extra" {\n  where in list "Internal"\n}\n');
    lsp.client.filesChanged([{ path: extra, type: 2 }]);
    await lsp.client.diagnostics(uriOf(extra), (d) => d.length === 0);
    assert.equal(lsp.client.latest.get(uriOf(folder))?.diagnostics.length ?? 0, 0, JSON.stringify(lsp.client.latest.get(uriOf(folder))));
  });

  it('a half-typed sync block in one file does not stop diagnostics of the others', async () => {
    const half = lsp.fixture.write('half.hslist', 'sync salesforce {\n map jobtitle to\n :\n }\n');
    lsp.client.filesChanged([{ path: half, type: 1 }]);
    await lsp.client.diagnostics(uriOf(half), (d) => codes(d).includes('syntax-error'));
    await lsp.client.diagnostics(uriOf(lsp.path('broken.hslist')), (d) => codes(d).includes('unknown-property'));
    // Typed into an open document, every shape of the half-typed mapping is still analysed.
    const { uri } = lsp.client.open(lsp.path('lists/qualified.hslist'), FILES['lists/qualified.hslist']);
    const text = 'sync salesforce {\n  map jobtitle to Title: two way\n}\n';
    let version = 1;
    for (let cut = 1; cut < text.length; cut += 3) version = lsp.client.change(uri, FILES['lists/qualified.hslist'] + text.slice(0, cut));
    const last = await lsp.client.diagnosticsOfVersion(uri, version);
    assert.ok(!codes(last).includes('internal-check-error'), JSON.stringify(codes(last)));
    await lsp.client.diagnostics(uriOf(lsp.path('broken.hslist')), (d) => codes(d).includes('unknown-property'));
  });

  it('registers its file watcher dynamically', async () => {
    await lsp.client.request('hslist/ping', {});
    const watcher = lsp.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watcher, 'no watcher registration');
    const globs = (watcher.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/*.hslist') && globs.includes('**/hslist.json'), globs.join(', '));
  });

  it('reloads the schema when hslist.json names a portal schema, and checks against it', async () => {
    const broken = uriOf(lsp.path('broken.hslist'));
    await lsp.client.diagnostics(broken, (d) => codes(d).includes('unknown-property'));
    const emial = { name: 'emial', label: 'Emial', type: 'string', fieldType: 'text', options: [] };
    lsp.fixture.write('portal-schema.json', JSON.stringify({ contacts: [emial], companies: [] }));
    const config = lsp.fixture.write('hslist.json', '{ "schema": "portal-schema.json" }\n');
    lsp.client.filesChanged([{ path: config, type: 2 }]);
    await lsp.client.diagnostics(broken, (d) => d.length === 0);
    // Against the portal schema `email` is unknown now, in files that were never opened.
    await lsp.client.diagnostics(uriOf(lsp.path('lists/qualified.hslist')), (d) => codes(d).includes('unknown-property'));
  });
});
