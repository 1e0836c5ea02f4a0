// A static list's members file (`members from: "people.csv"`) changed on disk: the server watches CSV
// files, and a change to one a list names checks the list again (its diagnostics) and previews it
// again (its count), without the .hslist being touched.

import { strict as assert } from 'node:assert';
import { lspSession } from './support/session';
import { contactsCsv, generateContacts } from './preview-data';

const LISTS = 'list "Speakers" {\n  type: static\n  members from: "people.csv"\n}\n';

describe('lsp: a static list\'s members file changed on disk', function () {
  this.timeout(60_000);
  const contacts = generateContacts(40).filter((c) => c.email !== '');
  const people = (n: number) => `email\n${contacts.slice(0, n).map((c) => c.email).join('\n')}\n`;
  let uri: string;
  const lsp = lspSession({
    files: { 'hslist.json': JSON.stringify({ timezone: 'UTC', contacts: 'contacts.csv' }), 'contacts.csv': contactsCsv(generateContacts(40)), 'people.csv': people(3) },
    ready: (session) => {
      uri = session.client.open(session.path('lists.hslist'), LISTS).uri;
    },
  });

  it('asks the client to watch CSV files', async () => {
    await lsp.client.request('hslist/ping', {});
    const watcher = lsp.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    const globs = (watcher?.registerOptions as { watchers: { globPattern: string }[] } | undefined)?.watchers.map((w) => w.globPattern) ?? [];
    assert.ok(globs.includes('**/*.csv'), globs.join(', '));
  });

  it('counts the members again when the file changes, and checks it again', async () => {
    await lsp.lensTitled(uri, '3 of 40 contacts');
    const path = lsp.fixture.write('people.csv', people(5));
    lsp.client.filesChanged([{ path, type: 2 }]);
    await lsp.lensTitled(uri, '5 of 40 contacts');
    lsp.fixture.write('people.csv', 'email\n');
    lsp.client.filesChanged([{ path, type: 2 }]);
    const diagnostics = await lsp.client.diagnostics(uri, (d) => d.some((x) => x.code === 'members-file-empty'));
    assert.match(diagnostics.find((x) => x.code === 'members-file-empty')!.message, /"people\.csv" has a header but no members/);
    lsp.fixture.write('people.csv', people(2));
    lsp.client.filesChanged([{ path, type: 2 }]);
    await lsp.client.diagnostics(uri, (d) => d.length === 0);
    await lsp.lensTitled(uri, '2 of 40 contacts');
  });
});
