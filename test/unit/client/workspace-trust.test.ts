// The extension's Restricted Mode declaration (package.json): it runs in an untrusted workspace with
// limited support, and VS Code ignores that workspace's own values of every setting naming a host a
// credential could be sent to. No live call happens there: the client hands over no token
// (hubspot-connection.test.ts) and "Refresh schema" refuses.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown; restrictedConfigurations?: unknown } };
  contributes: { configuration: { properties: Record<string, { scope?: string; default?: unknown }> } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const HOST_SETTINGS = ['hslist.hubspot.baseUrl', 'hslist.salesforce.instanceUrl'];

describe('client: workspace trust declaration', () => {
  it('declares limited support in untrusted workspaces, with a description', () => {
    const declaration = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(declaration?.supported, 'limited');
    assert.equal(typeof declaration?.description, 'string');
    assert.match(String(declaration?.description), /calls no connected HubSpot or Salesforce account/);
  });

  it('restricts exactly the settings that name a host, each of them a declared setting', () => {
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations;
    assert.deepEqual(restricted, HOST_SETTINGS);
    const properties = manifest.contributes.configuration.properties;
    const naming = Object.keys(properties).filter((key) => /(baseUrl|instanceUrl|Url)$/i.test(key));
    assert.deepEqual(naming.sort(), [...HOST_SETTINGS].sort(), 'every URL setting is restricted');
    for (const key of HOST_SETTINGS) {
      // `resource` scope is why a repository's own .vscode/settings.json can set them at all.
      assert.equal(properties[key].scope, 'resource', key);
      assert.equal(properties[key].default, '', `${key}: empty by default, so hslist.json or the default host applies`);
    }
  });
});
