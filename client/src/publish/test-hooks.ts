// What the extension-host tests can read and steer (only under an extension test runner: another
// extension must never answer Apply's question for the user). A modal there would block the test run,
// so modals take scripted answers, and an unscripted one is declined.

import type * as vscode from 'vscode';
import type { PlanAnswer } from '../../../server/src/lsp/publish/protocol';
import type { Ask } from './context';
import type { PublishTree } from './tree';
import type { PublishNode, RowModel } from './tree-model';

export interface AskedModal {
  message: string;
  detail?: string;
  items: string[];
  answer: string | undefined;
}

export interface TreeRow {
  label: string;
  description?: string;
  contextValue: string;
  icon: string;
  children?: TreeRow[];
}

export interface PublishTestHooks {
  /** The view's rows as it shows them (the not-in-code group with its children). */
  tree(): Promise<TreeRow[]>;
  /** The view's message (why there are no rows), if any. */
  message(): string | undefined;
  plan(): PlanAnswer | undefined;
  /** The answers the next modals get, in order (undefined: dismissed). */
  answerModals(answers: (string | undefined)[]): void;
  /** Every modal asked so far, with the answer it got. */
  asked(): AskedModal[];
}

export function scriptedAsk(): { ask: Ask; answer(answers: (string | undefined)[]): void; asked(): AskedModal[] } {
  const queue: (string | undefined)[] = [];
  const asked: AskedModal[] = [];
  const ask: Ask = (message: string, options: vscode.MessageOptions, ...items: string[]) => {
    const answer = queue.length > 0 ? queue.shift() : undefined;
    asked.push({ message, ...(options.detail ? { detail: options.detail } : {}), items, answer });
    return Promise.resolve(answer);
  };
  return { ask, answer: (answers) => queue.push(...answers), asked: () => [...asked] };
}

export async function treeRows(tree: PublishTree, rowOf: (node: PublishNode) => RowModel): Promise<TreeRow[]> {
  const toRow = async (node: PublishNode): Promise<TreeRow> => {
    const row = rowOf(node);
    const children = node.kind === 'not-in-code' ? await Promise.all((await tree.getChildren(node)).map(toRow)) : undefined;
    return { label: row.label, ...(row.description ? { description: row.description } : {}), contextValue: row.contextValue, icon: row.icon.id, ...(children ? { children } : {}) };
  };
  return Promise.all((await tree.getChildren()).map(toRow));
}
