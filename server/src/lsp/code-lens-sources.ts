// More than one feature puts code lenses on a list's line (the preview's counts, the publish state),
// but a language server has one `textDocument/codeLens` handler. The preview registers it and adds
// the lenses of every source registered here; a failing source costs only its own lenses.

import type { CodeLens } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { describeError } from './guard';

export type CodeLensSource = (uri: string) => CodeLens[];

const sources = new WeakMap<ServerContext, CodeLensSource[]>();

export function addCodeLensSource(ctx: ServerContext, source: CodeLensSource): void {
  sources.set(ctx, [...(sources.get(ctx) ?? []), source]);
}

export function extraCodeLenses(ctx: ServerContext, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const source of sources.get(ctx) ?? []) {
    try {
      lenses.push(...source(uri));
    } catch (error) {
      ctx.connection.console.error(`hslist: code lenses failed: ${describeError(error)}`);
    }
  }
  return lenses;
}
