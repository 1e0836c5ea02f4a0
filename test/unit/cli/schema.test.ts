// `hslist schema pull` against both emulators, in-process with the environment it would get from a shell.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../server/src/cli/main';
import { startSandbox, type Sandbox } from '../../../server/src/sandbox/sandbox';
import { workspace, type CliRun } from './cli-support';

async function hslistWith(env: NodeJS.ProcessEnv, cwd: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd, out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

const SYNC = `sync salesforce {
  hubspot creates in salesforce: lead
  map jobtitle to Titel: two way
}
`;

describe('hslist schema pull', () => {
  let sandbox: Sandbox;
  let hubspotEnv: NodeJS.ProcessEnv;
  let salesforceEnv: NodeJS.ProcessEnv;

  before(async () => {
    sandbox = await startSandbox({ seed: 3, contacts: 60 });
    hubspotEnv = { HSLIST_HUBSPOT_TOKEN: sandbox.env.HSLIST_HUBSPOT_TOKEN, HSLIST_HUBSPOT_BASE_URL: sandbox.env.HSLIST_HUBSPOT_BASE_URL };
    salesforceEnv = { HSLIST_SF_INSTANCE_URL: sandbox.env.HSLIST_SF_INSTANCE_URL, HSLIST_SF_ACCESS_TOKEN: sandbox.env.HSLIST_SF_ACCESS_TOKEN };
  });
  after(() => sandbox.stop());
  afterEach(() => sandbox.hubspot.faults.clear());

  it('writes both schemas into .hslist/schema/ at the workspace root and says what it wrote', async () => {
    const root = workspace({ 'hslist.json': '{}', 'lists/sync.hslist': SYNC });
    const run = await hslistWith({ ...hubspotEnv, ...salesforceEnv }, join(root, 'lists'), 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^HubSpot \(127\.0\.0\.1:\d+\): \d+ contact properties, \d+ company properties, \d+ lists, 7 owners, 4 forms, 7 pages, 6 marketing emails, 7 subscription definitions, \d+ deal properties, \d+ ticket properties, \d+ association labels → .*contacts\.json, .*companies\.json, .*lists\.json, .*owners\.json, .*forms\.json, .*pages\.json, .*marketing-emails\.json, .*subscriptions\.json, .*deals\.json, .*tickets\.json, .*association-labels\.json$/m);
    assert.match(run.out, /^Salesforce \(http:\/\/127\.0\.0\.1:\d+\): 2\d Lead fields, 2\d Contact fields → .*salesforce\/lead\.json, .*salesforce\/contact\.json$/m);
    assert.deepEqual(readdirSync(join(root, '.hslist', 'schema')).sort(), ['association-labels.json', 'companies.json', 'contacts.json', 'deals.json', 'forms.json', 'lists.json', 'marketing-emails.json', 'owners.json', 'pages.json', 'salesforce', 'subscriptions.json', 'tickets.json']);
    assert.deepEqual(readdirSync(join(root, '.hslist', 'schema', 'salesforce')).sort(), ['contact.json', 'lead.json'], 'no temporary files left');
    const contacts = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'contacts.json'), 'utf8'));
    assert.ok(contacts.results.some((p: { name: string }) => p.name === 'renewal_date'), "the portal's custom property was pulled");
  });

  it('after a pull, hslist check validates against both pulled schemas', async () => {
    const root = workspace({ 'sync.hslist': SYNC, 'renewals.hslist': 'list "Renewals" {\n  where renewal_date is known\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /renewals\.hslist:2:9: error unknown-property/, 'the bundled schema has no renewal_date');
    assert.doesNotMatch(before.out, /unknown-salesforce-field/, 'no Salesforce schema, no Salesforce checks');
    assert.equal((await hslistWith({ ...hubspotEnv, ...salesforceEnv }, root, 'schema', 'pull')).code, 0);
    const after = await hslistWith({}, root, 'check');
    assert.doesNotMatch(after.out, /unknown-property/);
    assert.match(after.out, /sync\.hslist:3:19: error unknown-salesforce-field Lead has no field `Titel`.*did you mean `Title`\?/);
  });

  it('owners: active and deactivated are pulled, and a list may name them; a token without the owners scope pulls the rest', async () => {
    const root = workspace({ 'owned.hslist': 'list "Jan\'s" {\n  where hubspot_owner_id is "Jan Kowalski"\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /owned\.hslist:2:29: error owner-not-id /, 'without the owners, a name would match no contact');
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull')).code, 0);
    const owners = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'owners.json'), 'utf8')).results as { id: string; archived: boolean }[];
    assert.deepEqual(owners.map((o) => o.id), ['101', '102', '103', '104', '105', '106', '107']);
    assert.equal(owners.find((o) => o.id === '106')?.archived, true);
    const after = await hslistWith({}, root, 'check');
    assert.equal(after.code, 0, after.out);
    assert.match(after.out, /owned\.hslist:2:29: info option-label `Jan Kowalski` is owner 101/);
    const compiled = JSON.parse((await hslistWith({}, root, 'compile', 'owned.hslist')).out);
    assert.deepEqual(compiled[0].filterBranch.filterBranches[0].filters[0].operation.values, ['101']);
    // The owners' teams come with them: a team may be named too, and compiles to its id.
    writeFileSync(join(root, 'team.hslist'), 'list "Sales team" {\n  where hubspot_team_id is "Sales Poland"\n}\n');
    const teamCheck = await hslistWith({}, root, 'check');
    assert.match(teamCheck.out, /team\.hslist:2:28: info option-label `Sales Poland` is team 9001 \(Sales Poland\)/);
    const team = JSON.parse((await hslistWith({}, root, 'compile', 'team.hslist')).out);
    assert.deepEqual(team[0].filterBranch.filterBranches[0].filters[0].operation.values, ['9001']);

    const scopeless = workspace({});
    sandbox.hubspot.faults.add({ type: 'status', status: 403, method: 'GET', path: '/crm/v3/owners', count: 1 });
    const run = await hslistWith(hubspotEnv, scopeless, 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /note: owners not pulled: the token may not read them \(HubSpot said 403; the private app needs the crm\.objects\.owners\.read scope\)/);
    assert.deepEqual(readdirSync(join(scopeless, '.hslist', 'schema')).sort(), ['association-labels.json', 'companies.json', 'contacts.json', 'deals.json', 'forms.json', 'lists.json', 'marketing-emails.json', 'pages.json', 'subscriptions.json', 'tickets.json']);
  });
  it('forms: pulled by name and id, and a list may name one (compiled to its id); a token without the forms scope pulls the rest', async () => {
    const root = workspace({ 'demo.hslist': 'list "Webinar" {\n  where submitted form "Webinar registration" in last 90 days\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /demo\.hslist:2:24: error form-not-id /, 'without the forms, a name would match no submission');
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull')).code, 0);
    const forms = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'forms.json'), 'utf8')).results as { id: string; name: string }[];
    assert.deepEqual(forms.map((f) => f.name), ['Contact us', 'Ebook download', 'Newsletter signup', 'Webinar registration']);
    const demo = forms.find((f) => f.name === 'Webinar registration')!;
    assert.equal(demo.id, '3f1c2b9a-5d4e-4a7b-9c1d-2e8f6a0b7c35', 'the id the emulator gives its submissions, and examples/ names');
    const after = await hslistWith({}, root, 'check');
    assert.equal(after.code, 0, after.out);
    const compiled = JSON.parse((await hslistWith({}, root, 'compile', 'demo.hslist')).out);
    assert.equal(compiled[0].filterBranch.filterBranches[0].filters[0].formId, demo.id);

    const scopeless = workspace({});
    sandbox.hubspot.faults.add({ type: 'status', status: 403, method: 'GET', path: '/marketing/v3/forms', count: 1 });
    const run = await hslistWith(hubspotEnv, scopeless, 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /note: forms not pulled: the token may not read them \(HubSpot said 403; the private app needs the forms scope\), so forms can be given by id only/);
    assert.deepEqual(readdirSync(join(scopeless, '.hslist', 'schema')).sort(), ['association-labels.json', 'companies.json', 'contacts.json', 'deals.json', 'lists.json', 'marketing-emails.json', 'owners.json', 'pages.json', 'subscriptions.json', 'tickets.json']);
  });

  it('pages: landing and website pages, live and archived, pulled by name; a list may name one (compiled to its id); a token without the scope pulls the rest', async () => {
    const root = workspace({ 'page.hslist': 'list "Ebook readers" {\n  where submitted form "Ebook download" on page "Ebook" or submitted any form on page "Pricing"\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /page\.hslist:2:49: error page-not-id /, 'without the pages, a name cannot be sent');
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull')).code, 0);
    const pages = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'pages.json'), 'utf8')).results as { id: string; name: string; url: string; kind: string; archived: boolean }[];
    assert.deepEqual(pages.map((p) => `${p.name} #${p.id} ${p.kind}${p.archived ? ' archived' : ''}`), [
      'Contact us #51000002 website page', 'Ebook #52000002 landing page', 'Home #51000003 website page', 'Pricing #52000003 landing page',
      'Pricing #51000001 website page', 'Pricing 2023 #51000004 website page archived', 'Webinar registration #52000001 landing page',
    ]);
    assert.equal(pages.find((p) => p.id === '52000002')?.url, 'https://info.example.com/ebook');
    const after = await hslistWith({}, root, 'check');
    assert.equal(after.code, 1, after.out);
    assert.match(after.out, /page\.hslist:2:87: error ambiguous-page "Pricing" names 2 pages: "Pricing" \(#52000003, landing page\), "Pricing" \(#51000001, website page\)/);
    writeFileSync(join(root, 'page.hslist'), 'list "Ebook readers" {\n  where submitted form "Ebook download" on page "Ebook" or submitted any form on page #51000001\n}\n');
    assert.equal((await hslistWith({}, root, 'check')).code, 0);
    const compiled = JSON.parse((await hslistWith({}, root, 'compile', 'page.hslist')).out);
    assert.deepEqual(compiled[0].filterBranch.filterBranches.map((b: { filters: { filterType: string; pageId: string }[] }) => `${b.filters[0].filterType} ${b.filters[0].pageId}`), ['FORM_SUBMISSION_ON_PAGE 52000002', 'FORM_SUBMISSION_ON_PAGE 51000001']);

    const scopeless = workspace({});
    sandbox.hubspot.faults.add({ type: 'status', status: 403, method: 'GET', path: '/cms/v3/pages/site-pages', count: 1 });
    const run = await hslistWith(hubspotEnv, scopeless, 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /note: pages not pulled: the token may not read them \(HubSpot said 403; the private app needs the content \(or content\.landing_pages\.read and content\.site_pages\.read\) scope\), so pages can be given by id only/);
    assert.ok(!existsSync(join(scopeless, '.hslist', 'schema', 'pages.json')));
    assert.ok(existsSync(join(scopeless, '.hslist', 'schema', 'forms.json')), 'the rest is pulled');
  });

  it('marketing emails: pulled live and archived with their ids; a name with its app compiles to its campaign id with a warning; a token without the scope pulls the rest', async () => {
    const root = workspace({ 'mail.hslist': 'list "Readers" {\n  where marketing email "November newsletter" of app #113 opened\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /mail\.hslist:2:25: error unknown-marketing-email Marketing emails are not pulled/);
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull')).code, 0);
    const emails = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'marketing-emails.json'), 'utf8')).results as { id: string; name: string; archived: boolean; emailCampaignIds: string[] }[];
    assert.deepEqual(emails.map((e) => `${e.name} ${e.id}${e.archived ? ' archived' : ''}`), [
      'December newsletter 150005', 'November newsletter 150001', 'November newsletter 150006 archived', 'Product update 150003', 'Product update 150004', 'Webinar invitation 150002',
    ]);
    assert.deepEqual(emails.find((e) => e.id === '150002')?.emailCampaignIds, ['250002', '250012']);
    const after = await hslistWith({}, root, 'check');
    assert.equal(after.code, 0, after.out);
    assert.match(after.out, /mail\.hslist:2:25: warning marketing-email-by-name Marketing email "November newsletter" compiles to its email campaign id #250001 of app #113 \(its own id is #150001\)\. HubSpot's documents do not say/);
    const compiled = await hslistWith({}, root, 'compile', 'mail.hslist');
    assert.equal(compiled.code, 0, compiled.err);
    assert.match(compiled.out, /"filterType": "EMAIL_EVENT",\s+"appId": "113",\s+"emailId": "250001"/);

    const scopeless = workspace({});
    sandbox.hubspot.faults.add({ type: 'status', status: 403, method: 'GET', path: '/marketing/v3/emails', count: 1 });
    const run = await hslistWith(hubspotEnv, scopeless, 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /note: marketing emails not pulled: the token may not read them \(HubSpot said 403; the private app needs the marketing\.email\.read \(or content\) scope\), so marketing emails can be given by id only/);
    assert.ok(!existsSync(join(scopeless, '.hslist', 'schema', 'marketing-emails.json')));
  });

  it('subscriptions: the definitions are pulled with channel and state, and a list may name one (compiled to its id); a token without the scope pulls the rest', async () => {
    const root = workspace({ 'news.hslist': 'list "Readers" {\n  where opted in to email subscriptions ("Newsletter", #321981152) and not opted out of sms subscription "Order alerts"\n}\n' });
    const before = await hslistWith({}, root, 'check');
    assert.match(before.out, /news\.hslist:2:42: error subscription-not-id /, 'without the definitions, a name cannot be sent');
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull')).code, 0);
    const definitions = JSON.parse(readFileSync(join(root, '.hslist', 'schema', 'subscriptions.json'), 'utf8')).results as { id: string; name: string; communicationMethod: string; archived: boolean; businessUnitId: string }[];
    assert.deepEqual(definitions.map((d) => `${d.name} ${d.id} ${d.communicationMethod}${d.archived ? ' archived' : ''}`), [
      'Events 81537801 EMAIL', 'Events 81537802 EMAIL', 'Newsletter 81537745 EMAIL', 'Newsletter (2019) 81530001 EMAIL archived', 'Order alerts 4711 SMS', 'Product updates 321981152 EMAIL', 'Support chat 4712 WHATSAPP',
    ]);
    assert.equal(definitions[0].businessUnitId, '0');
    const after = await hslistWith({}, root, 'check');
    assert.equal(after.code, 0, after.out);
    const compiled = JSON.parse((await hslistWith({}, root, 'compile', 'news.hslist')).out);
    const filters = compiled[0].filterBranch.filterBranches.map((b: { filters: { subscriptionIds: string[] }[] }) => b.filters.map((f) => f.subscriptionIds));
    assert.deepEqual(filters, [[['81537745', '321981152'], ['4711']], [['81537745', '321981152'], ['4711']]], 'names became ids; `not opted out` is opted in or neither');
    writeFileSync(join(root, 'events.hslist'), 'list "Events" {\n  where opted in to email subscription "Events"\n}\n');
    assert.match((await hslistWith({}, root, 'check')).out, /events\.hslist:2:40: error ambiguous-subscription "Events" names 2 email subscriptions: "Events" \(#81537801, email, business unit 0\), "Events" \(#81537802, email, business unit 0\)/);

    const scopeless = workspace({});
    sandbox.hubspot.faults.add({ type: 'status', status: 403, method: 'GET', path: '/communication-preferences/v4/definitions', count: 1 });
    const run = await hslistWith(hubspotEnv, scopeless, 'schema', 'pull');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /note: subscription definitions not pulled: the token may not read them \(HubSpot said 403; the private app needs the communication_preferences\.read scope\), so subscriptions can be given by id only/);
    assert.deepEqual(readdirSync(join(scopeless, '.hslist', 'schema')).sort(), ['association-labels.json', 'companies.json', 'contacts.json', 'deals.json', 'forms.json', 'lists.json', 'marketing-emails.json', 'owners.json', 'pages.json', 'tickets.json']);
  });

  it('either side alone works', async () => {
    const hubspotOnly = workspace({});
    assert.equal((await hslistWith(hubspotEnv, hubspotOnly, 'schema', 'pull')).code, 0);
    assert.deepEqual(readdirSync(join(hubspotOnly, '.hslist', 'schema')).sort(), ['association-labels.json', 'companies.json', 'contacts.json', 'deals.json', 'forms.json', 'lists.json', 'marketing-emails.json', 'owners.json', 'pages.json', 'subscriptions.json', 'tickets.json']);
    const salesforceOnly = workspace({});
    const run = await hslistWith(salesforceEnv, salesforceOnly, 'schema', 'pull');
    assert.equal(run.code, 0);
    assert.doesNotMatch(run.out, /HubSpot/);
    assert.deepEqual(readdirSync(join(salesforceOnly, '.hslist', 'schema')), ['salesforce']);
  });

  it('--out writes somewhere else', async () => {
    const root = workspace({});
    assert.equal((await hslistWith(hubspotEnv, root, 'schema', 'pull', '--out', 'pulled')).code, 0);
    assert.ok(existsSync(join(root, 'pulled', 'contacts.json')));
    assert.ok(!existsSync(join(root, '.hslist')));
  });

  it('no credentials at all: exit 2 naming the variables', async () => {
    const run = await hslistWith({}, workspace({}), 'schema', 'pull');
    assert.equal(run.code, 2);
    for (const variable of ['HSLIST_HUBSPOT_TOKEN', 'HSLIST_SF_INSTANCE_URL', 'HSLIST_SF_ACCESS_TOKEN', 'HSLIST_SF_USERNAME']) assert.match(run.err, new RegExp(variable));
  });

  it('incomplete Salesforce credentials or bad usage: exit 2 before any request', async () => {
    const seen = sandbox.hubspot.requests.length;
    const partial = await hslistWith({ ...hubspotEnv, HSLIST_SF_INSTANCE_URL: 'http://127.0.0.1:9' }, workspace({}), 'schema', 'pull');
    assert.equal(partial.code, 2);
    assert.match(partial.err, /set HSLIST_SF_ACCESS_TOKEN/);
    assert.equal(sandbox.hubspot.requests.length, seen);
    for (const argv of [['schema'], ['schema', 'push'], ['schema', 'pull', 'here'], ['schema', 'pull', '--nope']]) {
      assert.equal((await hslistWith(hubspotEnv, workspace({}), ...argv)).code, 2, argv.join(' '));
    }
  });

  it('a refused token: one sentence with the status and the service message, exit 1, no token, no stack', async () => {
    const root = workspace({});
    const run = await hslistWith({ ...hubspotEnv, HSLIST_HUBSPOT_TOKEN: 'wrong-token-1234', HSLIST_SF_INSTANCE_URL: salesforceEnv.HSLIST_SF_INSTANCE_URL, HSLIST_SF_ACCESS_TOKEN: 'wrong-sf-token-5678' }, root, 'schema', 'pull');
    assert.equal(run.code, 1);
    assert.equal(run.out, '');
    // First the hosts it calls (one line each), then one sentence per refused side.
    const lines = run.err.trim().split('\n').filter((line) => !/^(HubSpot|Salesforce): http:\/\/127\.0\.0\.1:\d+$/.test(line));
    assert.equal(lines.length, 2, run.err);
    assert.match(lines[0], /^hslist schema pull: HubSpot schema not pulled: HubSpot said 401 Unauthorized: Authentication credentials not found/);
    assert.match(lines[1], /^hslist schema pull: Salesforce schema not pulled: Salesforce said 401 INVALID_SESSION_ID: Session expired or invalid/);
    assert.doesNotMatch(run.err, /wrong-token-1234|wrong-sf-token-5678|\n\s+at /);
    assert.ok(!existsSync(join(root, '.hslist')), 'nothing written');
  });

  it('all-or-nothing per side: a failure on the second HubSpot object keeps the old files, Salesforce still lands', async () => {
    const root = workspace({});
    const cache = join(root, '.hslist', 'schema');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'contacts.json'), '{"results": []}\n');
    sandbox.hubspot.faults.add({ type: 'status', status: 400, path: '/crm/v3/properties/companies' });
    const run = await hslistWith({ ...hubspotEnv, ...salesforceEnv }, root, 'schema', 'pull');
    assert.equal(run.code, 1);
    assert.match(run.err, /HubSpot schema not pulled: HubSpot said 400 Bad Request/);
    assert.match(run.out, /^Salesforce .*Lead fields/m);
    assert.equal(readFileSync(join(cache, 'contacts.json'), 'utf8'), '{"results": []}\n', 'contacts.json untouched');
    assert.ok(!existsSync(join(cache, 'companies.json')));
    assert.deepEqual(readdirSync(cache).sort(), ['contacts.json', 'salesforce'], 'no temporary files left');
  });
});
