// The hslist language server. Started by the VS Code client from dist/server.js over IPC, or over
// stdio with `--stdio` (tests, benchmarks, other editors). Every feature lives in its own file next
// to this one, over the pure functions of server/src/language; this file only wires them.

import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { registerAccountHosts } from './account-hosts';
import { registerCodeActions } from './code-actions';
import { COMMANDS, registerCommands, SERVER_NAME } from './commands';
import { registerCompletion } from './completion';
import type { ClientAbilities, ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { registerFolding } from './folding';
import { registerFormatting } from './formatting';
import { describeError } from './guard';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './semantic-tokens';
import { pathOfUri, WorkspaceState } from './state';
import { PREVIEW_CAPABILITIES, registerPreview } from './preview/register';
import { registerPublish } from './publish/register';
import { registerSymbols } from './symbols';
import { registerWatcher, registerWatcherDynamically } from './watcher';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const state = new WorkspaceState();
state.onProblem = (message) => connection.console.warn(`hslist: ${message}`);

function abilitiesOf(params: InitializeParams): ClientAbilities {
  const caps = params.capabilities;
  return {
    snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };
}

function foldersOf(params: InitializeParams): string[] {
  const folders = params.workspaceFolders?.map((f) => pathOfUri(f.uri)) ?? [];
  if (folders.length === 0 && params.rootUri) folders.push(pathOfUri(params.rootUri));
  return folders.filter((f) => f.startsWith('/') || /^[A-Za-z]:/.test(f));
}

function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [' ', '"', '(', ','] },
      hoverProvider: true,
      ...PREVIEW_CAPABILITIES,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      executeCommandProvider: { commands: Object.values(COMMANDS) },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: SERVER_NAME },
  };
}

let ctx: ServerContext | undefined;

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { diagnosticsIntervalMs?: unknown };
  const interval = typeof options.diagnosticsIntervalMs === 'number' ? options.diagnosticsIntervalMs : undefined;
  ctx = { connection, documents, state, publisher: new DiagnosticsPublisher(connection, state, interval), client: abilitiesOf(params) };
  try {
    state.scan(foldersOf(params));
    for (const problem of state.settings.problems) connection.console.warn(`hslist: ${problem}`);
  } catch (error) {
    connection.console.error(`hslist: reading the workspace failed: ${describeError(error)}`);
  }
  for (const register of [registerCompletion, registerHover, registerNavigation, registerSymbols, registerFolding,
    registerFormatting, registerSemanticTokens, registerCodeActions, registerCommands, registerWatcher, registerPreview, registerAccountHosts, registerPublish]) register(ctx);
  return initializeResult();
});

connection.onInitialized(() => {
  if (!ctx) return;
  registerWatcherDynamically(ctx);
  ctx.publisher.schedule();
});

documents.onDidChangeContent((change) => {
  state.setOpen(change.document.uri, change.document.getText(), change.document.version);
  ctx?.publisher.schedule();
});

documents.onDidClose((e) => {
  state.close(e.document.uri);
  ctx?.publisher.schedule();
});

process.on('uncaughtException', (error) => connection.console.error(`hslist: uncaught: ${describeError(error)}`));

documents.listen(connection);
connection.listen();
