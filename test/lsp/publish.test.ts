// Publishing from the editor, over a real stdio connection to the built server, against the HubSpot
// emulator: the client hands over the connection when asked (as the VS Code client does from its
// secret storage). The plan request, its lenses before and after apply, apply's cancellable progress,
// a stale plan refused, drift and the criteria for a diff, pull, and no account. Expected values come
// from the emulator (its lists, their ids and criteria) and from plain predicates over the contact
// data, never from the engine under test.

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@hslist/grammar';
import { createHubSpotAccount, type HubSpotAccountOptions } from '../../server/src/hubspot/account/account';
import { compileList } from '../../server/src/hubspot/compile';
import { defaultSchema } from '../../server/src/language/schema';
import type { ApplyAnswer, ApplyOutcomeView, CriteriaAnswer, PlanAnswer, PlanView, PortalListsAnswer, PullAnswer } from '../../server/src/lsp/publish/protocol';
import { startHubSpotEmulator, type HubSpotEmulator } from '../../server/src/sandbox/hubspot/server';
import { contactsCsv, generateContacts } from './preview-data';
import { lspSession } from './support/session';
import { until } from './support/until';

const TOKEN = 'pat-na1-editor-publish-4b1d';
const LISTS = (poles: string) => [
  'list "Poles" {', '  type: active', `  where ${poles}`, '}', '',
  'list "Big customers" {', '  type: active', '  where lifecyclestage is any of (customer, opportunity)', '}', '',
  'list "Broken" {', '  type: active', '  where nosuchproperty is known', '}', '',
].join('\n');
const POLAND = 'country is "Poland"';
const POLAND_OR_SPAIN = 'country is any of ("Poland", "Spain")';
const SYNC = 'sync salesforce {\n  inclusion list: "Poles"\n}\n';

describe('lsp: publishing to HubSpot from the editor', function () {
  this.timeout(90_000);
  const contacts = generateContacts(200, 11);
  let emulator: HubSpotEmulator;
  let connection: HubSpotAccountOptions;
  let uri: string;
  const updates: unknown[] = [];

  const plan = async (params: Record<string, unknown> = {}): Promise<PlanView> => {
    const answer = await lsp.client.request<PlanAnswer>('hslist/publish/plan', params);
    assert.equal(answer.state, 'planned', JSON.stringify(answer));
    return (answer as { plan: PlanView }).plan;
  };
  const entry = (view: PlanView, name: string) => view.entries.find((e) => e.name === name)!;
  const publishLenses = async () => (await lsp.lenses(uri))
    .filter((l) => l.command?.command === 'hslist.publish.lensAction');
  const lensOf = async (name: string) => (await publishLenses()).find((l) => l.command?.arguments?.[0] === name)?.command?.title;
  const lensBecomes = (name: string, title: string) => until(async () => ((await lensOf(name)) === title ? title : undefined), `lens of "${name}": "${title}"`, 30_000);
  const portal = () => createHubSpotAccount(connection);
  const state = () => JSON.parse(readFileSync(lsp.path('hslist.lock.json'), 'utf8')) as { portals: Record<string, { lists: Record<string, { listId: string }> }> };
  const progressOf = (title: string) => {
    const token = lsp.client.progress.find((p) => p.value.kind === 'begin' && p.value.title === title)?.token;
    return lsp.client.progress.filter((p) => p.token === token && token !== undefined).map((p) => p.value);
  };

  before(async () => {
    emulator = await startHubSpotEmulator({ seed: 23, contacts: 50, tokens: [TOKEN], processingDelayMs: 0 });
    connection = { accessToken: TOKEN, basePath: emulator.url, throttle: false };
  });
  const lsp = lspSession({
    workDoneProgress: true,
    files: () => ({
      'hslist.json': JSON.stringify({ timezone: 'UTC', contacts: 'contacts.csv', hubspot: { baseUrl: emulator.url } }),
      'contacts.csv': contactsCsv(contacts),
      'lists.hslist': LISTS(POLAND),
      'sync.hslist': SYNC,
    }),
    ready: ({ client, path }) => {
      client.hubspotConnection = { accessToken: TOKEN, baseUrl: emulator.url };
      client.connection.onNotification('hslist/publish/updated', (p: unknown) => updates.push(p));
      uri = client.open(path('lists.hslist'), LISTS(POLAND)).uri;
    },
  });
  after(() => emulator?.stop());

  it('plans every list as not published, one blocked, and names the portal\'s lists not in code', async () => {
    const view = await plan();
    assert.deepEqual(view.entries.map((e) => [e.name, e.status]), [['Poles', 'create'], ['Big customers', 'create'], ['Broken', 'blocked']]);
    assert.match(entry(view, 'Broken').reasons[0], /nosuchproperty/);
    assert.equal(entry(view, 'Poles').inclusion, true);
    assert.deepEqual([entry(view, 'Poles').uri, entry(view, 'Poles').line], [uri, 0]);
    const others = (await portal().searchLists()).filter((l) => l.objectTypeId === '0-1').map((l) => l.name).sort();
    assert.ok(others.length > 0, 'the seeded portal has lists of its own');
    assert.deepEqual(view.notInCode.map((l) => l.name).sort(), others);
    assert.match(view.text, /^Plan for HubSpot portal 4242001 at 127\.0\.0\.1:\d+/);
    assert.equal(await lensBecomes('Poles', 'not published'), 'not published');
    assert.match((await lensOf('Broken')) ?? '', /^blocked: .*nosuchproperty/);
  });

  it('a plan with impacts judges who would be members on the contact data, under a cancellable progress', async () => {
    const view = await plan({ impacts: true });
    const poles = contacts.filter((c) => c.country === 'Poland').length;
    assert.deepEqual(entry(view, 'Poles').impact && [entry(view, 'Poles').impact!.enter, entry(view, 'Poles').impact!.leave, entry(view, 'Poles').impact!.after], [poles, 0, poles]);
    assert.equal(entry(view, 'Poles').impact!.source, `contacts.csv (${contacts.length} contacts)`);
    assert.equal(view.judged, true);
    assert.match(view.text, new RegExp(`${poles} contacts would be members \\(judged on contacts\\.csv`));
    const events = progressOf('hslist: planning against HubSpot');
    assert.equal(events[0]?.cancellable, true);
    assert.equal(events.at(-1)?.kind, 'end');
  });

  it('apply reports progress, publishes, writes the state file, and the lenses turn to "in sync"', async () => {
    const before = await plan();
    const answer = await lsp.client.request<ApplyAnswer>('hslist/publish/apply', { force: false, expect: before.fingerprint });
    assert.equal(answer.state, 'applied', JSON.stringify(answer));
    const outcome = answer as ApplyOutcomeView;
    assert.deepEqual(outcome.applied.map((a) => a.name).sort(), ['Big customers', 'Poles']);
    assert.deepEqual(outcome.skipped.map((s) => s.name), ['Broken']);
    assert.match(outcome.text, /The inclusion list "Poles" is published/);
    const inHubSpot = new Map((await portal().searchLists()).map((l) => [l.name, l.listId]));
    const recorded = Object.values(state().portals)[0].lists;
    assert.deepEqual([recorded.Poles.listId, recorded['Big customers'].listId], [inHubSpot.get('Poles'), inHubSpot.get('Big customers')]);
    const events = progressOf('hslist: applying to HubSpot');
    assert.equal(events[0]?.cancellable, true);
    assert.ok(events.some((e) => e.kind === 'report' && /^2 of 2: "/.test(e.message ?? '')), JSON.stringify(events));
    assert.equal(events.at(-1)?.kind, 'end');
    await lensBecomes('Poles', `published #${inHubSpot.get('Poles')} · in sync`);
    await lensBecomes('Big customers', `published #${inHubSpot.get('Big customers')} · in sync`);
    assert.ok(updates.length > 0, 'the client heard that the plan changed');
  });

  it('refuses a plan that is no longer the one confirmed, and changes nothing', async () => {
    const count = (await portal().searchLists()).length;
    const answer = await lsp.client.request<ApplyAnswer>('hslist/publish/apply', { force: false, expect: 'an older plan' });
    assert.equal(answer.state, 'stale');
    assert.equal((await portal().searchLists()).length, count);
  });

  it('an edit turns the lens to "changed since publish" without asking HubSpot', async () => {
    const id = (await portal().findListByName('Poles'))!.listId;
    const requests = emulator.requests.length;
    lsp.client.change(uri, LISTS(POLAND_OR_SPAIN));
    await lensBecomes('Poles', `published #${id} · changed since publish`);
    assert.equal(emulator.requests.length, requests, 'no HubSpot request for an edit');
  });

  it('a change made in HubSpot shows as drifted after Refresh, with both criteria for the diff editor', async () => {
    const big = (await portal().findListByName('Big customers'))!;
    const [other] = parse('list "x" {\n  where lifecyclestage is "evangelist"\n}\n').file.lists;
    await portal().updateListFilters(big.listId, compileList(other, { schema: defaultSchema(), listIdFor: () => undefined, defaultTimezone: 'UTC' }).request!.filterBranch as never);
    const view = await plan({ refresh: true });
    assert.equal(entry(view, 'Big customers').status, 'drifted');
    assert.equal(entry(view, 'Big customers').hasDiff, true);
    await lensBecomes('Big customers', `published #${big.listId} · drifted in HubSpot`);
    const texts = await lsp.client.request<CriteriaAnswer>('hslist/publish/criteria', { name: 'Big customers' });
    assert.equal(texts.state, 'texts');
    const t = texts as Extract<CriteriaAnswer, { state: 'texts' }>;
    assert.match(t.fileText, /lifecyclestage is any of \(customer, opportunity\)/);
    assert.match(t.hubspotText, /lifecyclestage is "?evangelist"?/);
    assert.equal(t.listId, big.listId);
  });

  it('Cancel stops an apply part way; the state file stays true for what was done', async () => {
    const poles = (await portal().findListByName('Poles'))!;
    const view = await plan();
    assert.equal(entry(view, 'Poles').status, 'change');
    // Poles' change hangs in HubSpot; drifted "Big customers" goes with --force beside it (4 lists at a time).
    emulator.faults.add({ type: 'hold', method: 'PUT', path: `/crm/v3/lists/${poles.listId}/update-list-filters` });
    const tokensBefore = lsp.client.progressTokens.length;
    const applying = lsp.client.request<ApplyAnswer>('hslist/publish/apply', { force: true, expect: view.fingerprint });
    const token = await until(() => lsp.client.progressTokens.slice(tokensBefore).find((t) => lsp.client.progress.some((p) => p.token === t && p.value.kind === 'report' && /Applying/.test(p.value.message ?? ''))), 'the apply under way');
    await lsp.client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    const outcome = (await applying) as ApplyOutcomeView;
    assert.equal(outcome.state, 'applied');
    assert.equal(outcome.cancelled, true);
    assert.deepEqual(outcome.applied.map((a) => a.name), ['Big customers']);
    assert.deepEqual([...outcome.failed.map((f) => f.name), ...outcome.skipped.map((s) => s.name)].sort(), ['Broken', 'Poles']);
    assert.equal(Object.values(state().portals)[0].lists.Poles.listId, poles.listId);
    await lensBecomes('Poles', `published #${poles.listId} · changed since publish`);
    emulator.faults.clear();
  });

  it('apply --force after the cancel: every list in sync again', async () => {
    const view = await plan();
    const outcome = (await lsp.client.request<ApplyAnswer>('hslist/publish/apply', { force: true, expect: view.fingerprint })) as ApplyOutcomeView;
    assert.deepEqual(outcome.applied.map((a) => a.name).sort(), ['Poles']);
    const after = await plan();
    assert.deepEqual(after.entries.map((e) => [e.name, e.status]), [['Poles', 'unchanged'], ['Big customers', 'unchanged'], ['Broken', 'blocked']]);
  });

  it('pull writes a portal list into a file that checks clean, and records it', async () => {
    const listed = await lsp.client.request<PortalListsAnswer>('hslist/publish/portalLists', {});
    assert.equal(listed.state, 'listed');
    const [first] = (listed as Extract<PortalListsAnswer, { state: 'listed' }>).lists;
    const answer = await lsp.client.request<PullAnswer>('hslist/publish/pull', { listIds: [first.listId] });
    assert.equal(answer.state, 'pulled', JSON.stringify(answer));
    const pulled = answer as Extract<PullAnswer, { state: 'pulled' }>;
    assert.deepEqual(pulled.written.map((w) => [w.name, w.listId]), [[first.name, first.listId]]);
    const file = fileURLToPath(pulled.written[0].uri);
    assert.ok(existsSync(file));
    const opened = lsp.client.open(file, readFileSync(file, 'utf8'));
    assert.deepEqual(await lsp.client.diagnosticsOfVersion(opened.uri, opened.version), []);
    assert.equal(Object.values(state().portals)[0].lists[first.name].listId, first.listId);
    const view = await plan();
    assert.equal(entry(view, first.name).status, 'unchanged');
    assert.ok(!view.notInCode.some((l) => l.listId === first.listId));
  });

  it('without a connected account: the plan says so, no publish lenses, and the token never reaches the log', async () => {
    lsp.client.hubspotConnection = { unavailable: 'no HubSpot account is connected (run "hslist: Connect HubSpot account")' };
    await lsp.client.connection.sendNotification('hslist/publish/connectionChanged', {});
    const answer = await until(async () => {
      const a = await lsp.client.request<PlanAnswer>('hslist/publish/plan', {});
      return a.state === 'unavailable' ? a : undefined;
    }, 'the plan unavailable');
    assert.equal(answer.reason, 'not-connected');
    assert.match(answer.message, /no HubSpot account is connected/);
    assert.deepEqual(await publishLenses(), []);
    assert.ok(!lsp.client.log.some((line) => line.includes(TOKEN)), 'the token is not in the log');
  });
});
