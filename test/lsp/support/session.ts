// One language server on one workspace for a describe block (or for each of its tests): the files are
// written to a temp folder, the built server is started on it, and both are stopped and removed after,
// whatever failed. Every LSP test file starts its server this way, so none repeats the setup.

import type { CodeLens } from 'vscode-languageserver-protocol';
import { FILES, Fixture } from './fixture';
import { LspClient, type StartOptions } from './lsp-client';
import { until } from './until';

export interface SessionOptions extends StartOptions {
  /** The workspace's files (default: the shared fixture); a function when they depend on an earlier hook (an emulator's URL). */
  files?: Record<string, string> | (() => Record<string, string>);
  /** A fresh workspace and server for every test instead of one for the block. */
  perTest?: boolean;
  /** Runs once the server is up, before the tests: hand over a connection, open a document. */
  ready?: (session: LspSession) => void | Promise<void>;
}

export interface LspSession {
  readonly client: LspClient;
  readonly fixture: Fixture;
  /** The workspace folder. */
  readonly root: string;
  /** A path inside the workspace. */
  path(rel: string): string;
  /** The code lenses of a document ([] for none). */
  lenses(uri: string): Promise<CodeLens[]>;
  /** Waits until a code lens of the document has this title. */
  lensTitled(uri: string, title: string, ms?: number): Promise<CodeLens>;
}

/** Registers the hooks in the calling `describe`; read `client` and the rest from inside its tests and hooks. */
export function lspSession(options: SessionOptions = {}): LspSession {
  let fixture: Fixture | undefined;
  let client: LspClient | undefined;
  const session: LspSession = {
    get client() {
      if (!client) throw new Error('the language server is not started yet (read it inside a test or a later hook)');
      return client;
    },
    get fixture() {
      if (!fixture) throw new Error('the workspace is not written yet');
      return fixture;
    },
    get root() {
      return session.fixture.root;
    },
    path: (rel) => session.fixture.path(rel),
    lenses: async (uri) => (await session.client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [],
    lensTitled: (uri, title, ms) => until(async () => (await session.lenses(uri)).find((l) => l.command?.title === title), `lens "${title}"`, ms),
  };
  const start = async (): Promise<void> => {
    const files = typeof options.files === 'function' ? options.files() : (options.files ?? FILES);
    fixture = new Fixture(files);
    client = await LspClient.start(fixture.root, options);
    await options.ready?.(session);
  };
  const stop = async (): Promise<void> => {
    await client?.stop();
    fixture?.remove();
    client = undefined;
    fixture = undefined;
  };
  if (options.perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    before(start);
    after(stop);
  }
  return session;
}
