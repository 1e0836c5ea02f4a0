// A first, minimal hslist language server: proves the client ↔ server wiring end to end.
// Full document sync; on every change it parses the text with the grammar's `parse()` and publishes
// the parser's diagnostics; answers `hslist/ping`. The LSP features (completion, hover, checks,
// compile, ...) arrive later as one file each next to this one.
import {
  createConnection,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../../grammar/src/index';
import type { Diagnostic, Severity } from '../../../grammar/src/diagnostic';

const SERVER_NAME = 'hslist-language-server';
const COMMANDS = { compiledJson: 'hslist.compiledJson', refreshSchema: 'hslist.refreshSchema' } as const;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Full,
      executeCommandProvider: { commands: Object.values(COMMANDS) },
    },
    serverInfo: { name: SERVER_NAME },
  }),
);

documents.onDidChangeContent((change) => publishDiagnostics(change.document));
documents.onDidClose((e) => connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

connection.onRequest('hslist/ping', () => ({ pong: true, server: SERVER_NAME, documents: documents.all().length }));

// Placeholders until the compile and schema features land: a clear error the client shows as is.
connection.onExecuteCommand((params) => {
  const known = (Object.values(COMMANDS) as string[]).includes(params.command);
  const what = known ? `${params.command} is not available yet` : `unknown command ${params.command}`;
  return new ResponseError(-32601, what);
});

function publishDiagnostics(document: TextDocument): void {
  let diagnostics: LspDiagnostic[];
  try {
    diagnostics = parse(document.getText()).diagnostics.map((d) => toLspDiagnostic(document, d));
  } catch (error) {
    // The parser promises not to throw; if it does, say so in the log and in the file, once.
    const message = error instanceof Error ? error.message : String(error);
    connection.console.error(`parse failed for ${document.uri}: ${message}`);
    diagnostics = [internalError(`The hslist parser failed on this file: ${message}`)];
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function internalError(message: string): LspDiagnostic {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: DiagnosticSeverity.Error, code: 'internal-error', source: 'hslist', message };
}

/** The one place where the grammar's offsets become LSP line/character ranges. */
function toLspDiagnostic(document: TextDocument, d: Diagnostic): LspDiagnostic {
  return {
    range: { start: document.positionAt(d.start), end: document.positionAt(Math.max(d.start, d.end)) },
    severity: SEVERITIES[d.severity],
    code: d.code,
    source: 'hslist',
    message: d.message,
  };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

documents.listen(connection);
connection.listen();
