// The workspace's named value sets (`values name = (…)`) and named conditions (`condition name { … }`):
// their definitions by name, compared case-insensitively as list names are, and every place that uses
// one by name, so that checks, the compiler, hover, go to definition, find references and rename read
// one table. Built from the syntax trees; a tree is reused while its file's text is unchanged, so is
// what was found in it.

import { movedFrom, type FileNode, type ListNode, type NamedConditionNode, type PropertyCondition, type Span, type ValueSetNode } from '@hslist/grammar';
import type { ObjectTypeName } from '../schema-types';
import { forEachCondition } from '../walk';

export type DefinitionKind = 'valueSet' | 'condition';

export interface ValueSetSymbol {
  name: string;
  path: string;
  node: ValueSetNode;
}

export interface ConditionSymbol {
  name: string;
  path: string;
  node: NamedConditionNode;
}

/** A block whose criteria may use definitions: a list or a named condition. */
export type CriteriaBlock = ListNode | NamedConditionNode;

export interface DefinitionReference {
  kind: DefinitionKind;
  /** The name as written. */
  name: string;
  path: string;
  /** The name where it is used. */
  span: Span;
  /** The list or named condition whose criteria hold the use. */
  from: CriteriaBlock;
  /** Contacts, or companies inside `associated company where`. */
  objectType: ObjectTypeName;
  /** For a value set: the property condition it gives its values to. */
  condition?: PropertyCondition;
}

export interface Definitions {
  /** Lowercased name → definitions in path and offset order (the first one counts; the others are reported). */
  valueSets: Map<string, ValueSetSymbol[]>;
  conditions: Map<string, ConditionSymbol[]>;
  references: DefinitionReference[];
  /**
   * The text of every definition, in order: what compiled lists depend on besides their own text. Equal
   * fingerprints mean equal definitions, so cached compilations stay valid.
   */
  fingerprint: string;
}

export const NO_DEFINITIONS: Definitions = { valueSets: new Map(), conditions: new Map(), references: [], fingerprint: '' };

export function definitionKey(name: string): string {
  return name.toLowerCase();
}

/** Lists and named conditions of a file: the blocks with criteria. */
export function criteriaBlocks(file: FileNode): CriteriaBlock[] {
  return [...file.lists, ...(file.conditions ?? [])];
}

export function findValueSet(definitions: Definitions, name: string): ValueSetSymbol | undefined {
  return definitions.valueSets.get(definitionKey(name))?.[0];
}

export function findCondition(definitions: Definitions, name: string): ConditionSymbol | undefined {
  return definitions.conditions.get(definitionKey(name))?.[0];
}

/** Uses found in a tree, by tree (reused while the file's text is unchanged). */
const usesByTree = new WeakMap<FileNode, { path: string; references: DefinitionReference[] }>();

function usesIn(path: string, tree: FileNode): DefinitionReference[] {
  const cached = usesByTree.get(tree);
  if (cached?.path === path) return cached.references;
  const references: DefinitionReference[] = [];
  for (const from of criteriaBlocks(tree)) {
    if (usesNothing(from)) continue;
    const before = references.length;
    forEachCondition(from.where, 'contacts', (c, objectType) => {
      if (c.kind === 'conditionRef') references.push({ kind: 'condition', name: c.name.text, path, span: spanOf(c.name), from, objectType });
      const operands = c.kind === 'property' ? c.operands : undefined;
      if (c.kind === 'property' && operands?.kind === 'list' && operands.valueSet) {
        references.push({ kind: 'valueSet', name: operands.valueSet.text, path, span: spanOf(operands.valueSet), from, objectType, condition: c });
      }
    });
    if (references.length === before && from.kind === 'list') listsUsingNothing.add(from);
  }
  usesByTree.set(tree, { path, references });
  return references;
}

/**
 * Lists that use no definition. Most lists use none, and an edit moves most lists of a file (copies,
 * block-memo.ts): a copy of such a list uses none either, and is not walked again. (A use points into the
 * list's tree, so lists that have uses are walked.)
 */
const listsUsingNothing = new WeakSet<ListNode>();

function usesNothing(block: CriteriaBlock): boolean {
  if (block.kind !== 'list') return false;
  if (listsUsingNothing.has(block)) return true;
  const origin = movedFrom(block);
  if (!origin || !listsUsingNothing.has(origin.list)) return false;
  listsUsingNothing.add(block);
  return true;
}

function spanOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

function add<T extends { name: string }>(table: Map<string, T[]>, symbol: T): void {
  const key = definitionKey(symbol.name);
  const defs = table.get(key);
  if (defs) defs.push(symbol);
  else table.set(key, [symbol]);
}

/** The definitions and uses of `files`, which come in path order. */
export function collectDefinitions(files: { path: string; text: string; tree: FileNode }[]): Definitions {
  const definitions: Definitions = { valueSets: new Map(), conditions: new Map(), references: [], fingerprint: '' };
  const texts: string[] = [];
  for (const { path, text, tree } of files) {
    for (const node of tree.valueSets ?? []) {
      add(definitions.valueSets, { name: node.name.text, path, node });
      texts.push(path, text.slice(node.start, node.end));
    }
    for (const node of tree.conditions ?? []) {
      add(definitions.conditions, { name: node.name.text, path, node });
      texts.push(path, text.slice(node.start, node.end));
    }
    definitions.references.push(...usesIn(path, tree));
  }
  definitions.fingerprint = texts.join('\u0000');
  return definitions;
}
