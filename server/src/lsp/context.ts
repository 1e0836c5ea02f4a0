// What every feature file gets: the connection, the open documents, the workspace state, and what
// the client can do. `fileOf` finds a document's analysis (fresh: it re-analyses after changes).

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis, WorkspaceAnalysis } from '../language/workspace';
import type { DiagnosticsPublisher } from './diagnostics';
import { pathOfUri, type WorkspaceState } from './state';

export interface ClientAbilities {
  snippets: boolean;
  watchedFilesRegistration: boolean;
  hierarchicalSymbols: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  state: WorkspaceState;
  publisher: DiagnosticsPublisher;
  client: ClientAbilities;
}

export interface FileAt {
  analysis: WorkspaceAnalysis;
  file: FileAnalysis;
  path: string;
}

export function fileOf(ctx: ServerContext, uri: string): FileAt | undefined {
  const path = pathOfUri(uri);
  const analysis = ctx.state.analysis();
  const file = analysis.files.get(path);
  return file ? { analysis, file, path } : undefined;
}
