// Cross-file checks of named value sets and conditions:
//   `unknown-value-set`, `unknown-condition`: a use with no definition in the workspace (did-you-mean);
//   `duplicate-value-set`, `duplicate-condition`: a name defined twice (case-insensitively), at the second;
//   `condition-cycle`: named conditions that use each other in a cycle;
//   `condition-in-association`: a named condition inside `associated company where` (it is about contacts);
//   `value-type-mismatch`, `unknown-option`, `invalid-date`…: a value set's values checked against the
//     property of each use, as literals written there would be, reported at the use.

import { propertiesOf } from '../schema';
import { diagnostic, type Diagnostic, type PropertyCondition } from '@hslist/grammar';
import { clip } from '../clip';
import { suggest, SuggestBudget, withDidYouMean } from '../did-you-mean';
import { describeLocationFrom } from '../positions';
import type { Schema } from '../schema-types';
import { fileOf, type WorkspaceIndex } from '../symbols';
import { NO_DEFINITIONS, definitionKey, findCondition, findValueSet, type DefinitionReference, type Definitions } from '../definitions/table';
import { replaceFixes } from './context';
import { stronglyConnected } from './list-cycles';
import type { PathDiagnostic } from './list-references';
import { operatorProblem } from './operator-type';
import { checksOptions, optionDiagnostic } from './options';
import { conditionValueProblems } from './values';

const WHAT = { valueSet: 'value set', condition: 'condition' } as const;

function at(path: string, d: Diagnostic): PathDiagnostic {
  return { ...d, path };
}

/** Where `offset` of file `path` is, as a message in file `from` names it. */
function locationOf(index: WorkspaceIndex, from: string, path: string, offset: number): string {
  const file = fileOf(index, path);
  return file ? describeLocationFrom(from, path, file.lineIndex, offset) : path;
}

/** Table cells of did-you-mean over definition names per analysis (see did-you-mean.ts). */
const SUGGEST_CELLS = 1_000_000;

function checkUnknown(definitions: Definitions): PathDiagnostic[] {
  const budget = new SuggestBudget(SUGGEST_CELLS);
  const names = { valueSet: [...definitions.valueSets.values()].map((d) => ({ value: d[0].name })), condition: [...definitions.conditions.values()].map((d) => ({ value: d[0].name })) };
  const out: PathDiagnostic[] = [];
  for (const ref of definitions.references) {
    const defined = ref.kind === 'valueSet' ? findValueSet(definitions, ref.name) : findCondition(definitions, ref.name);
    if (defined) continue;
    const suggestions = budget.cached(`${ref.kind}\0${definitionKey(ref.name)}`, () => suggest(ref.name, names[ref.kind], 3, budget));
    const base = `${ref.kind === 'valueSet' ? 'Value set' : 'Condition'} \`${clip(ref.name)}\` is not defined in any .hslist file of the workspace`;
    const message = withDidYouMean(base, suggestions) + otherKindHint(definitions, ref);
    out.push(at(ref.path, diagnostic(`unknown-${ref.kind === 'valueSet' ? 'value-set' : 'condition'}`, message, ref.span, 'error', replaceFixes(ref.span, suggestions))));
  }
  return out;
}

/** When the name is defined as the other kind: say how that kind is used. */
function otherKindHint(definitions: Definitions, ref: DefinitionReference): string {
  if (ref.kind === 'condition' && findValueSet(definitions, ref.name)) return ` \`${ref.name}\` is a value set: use it where a list of values goes (\`is any of ${ref.name}\`).`;
  if (ref.kind === 'valueSet' && findCondition(definitions, ref.name)) return ` \`${ref.name}\` is a named condition: use it as a condition (\`condition ${ref.name}\`).`;
  return '';
}

function checkDuplicates(index: WorkspaceIndex, definitions: Definitions): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  const tables = [['valueSet', definitions.valueSets], ['condition', definitions.conditions]] as const;
  for (const [kind, table] of tables) {
    for (const defs of table.values()) {
      for (const dup of defs.slice(1)) {
        const where = locationOf(index, dup.path, defs[0].path, defs[0].node.name.start);
        const message = `The ${WHAT[kind]} \`${clip(dup.name)}\` is already defined at ${where}; names of ${WHAT[kind]}s are unique in the workspace, regardless of case.`;
        out.push(at(dup.path, diagnostic(`duplicate-${kind === 'valueSet' ? 'value-set' : 'condition'}`, message, dup.node.name)));
      }
    }
  }
  return out;
}

/** Condition → condition uses between first definitions, each with the use that makes it. */
function conditionGraph(definitions: Definitions): { keys: string[]; out: { to: number; ref: DefinitionReference }[][] } {
  const keys = [...definitions.conditions.keys()];
  const ids = new Map(keys.map((k, i) => [k, i]));
  const out: { to: number; ref: DefinitionReference }[][] = keys.map(() => []);
  for (const ref of definitions.references) {
    if (ref.kind !== 'condition' || ref.from.kind !== 'namedCondition') continue;
    const from = ids.get(definitionKey(ref.from.name.text));
    const to = ids.get(definitionKey(ref.name));
    if (from === undefined || to === undefined || findCondition(definitions, ref.from.name.text)?.node !== ref.from) continue;
    out[from].push({ to, ref });
  }
  return { keys, out };
}

/** Names from `start` back to `goal` along a shortest path (breadth-first; condition graphs are small). */
function pathBack(out: { to: number }[][], start: number, goal: number): number[] {
  const previous = new Map<number, number>([[start, start]]);
  const queue = [start];
  for (let head = 0; head < queue.length && !previous.has(goal); head++) {
    for (const { to } of out[queue[head]]) {
      if (!previous.has(to)) {
        previous.set(to, queue[head]);
        queue.push(to);
      }
    }
  }
  const path = [goal];
  for (let node = goal; node !== start; node = previous.get(node) as number) path.unshift(previous.get(node) as number);
  return path;
}

function checkConditionCycles(definitions: Definitions): PathDiagnostic[] {
  const graph = conditionGraph(definitions);
  const component = stronglyConnected(graph.out);
  const out: PathDiagnostic[] = [];
  const name = (node: number) => `\`${clip(findCondition(definitions, graph.keys[node])?.name ?? graph.keys[node])}\``;
  graph.out.forEach((edges, from) => {
    for (const { to, ref } of edges) {
      if (component[to] !== component[from]) continue;
      const path = [from, ...(to === from ? [from] : pathBack(graph.out, to, from))].slice(0, 8).map(name);
      out.push(at(ref.path, diagnostic('condition-cycle', `Named conditions use each other in a cycle: ${path.join(' → ')}.`, ref.span)));
    }
  });
  return out;
}

function checkConditionScope(definitions: Definitions): PathDiagnostic[] {
  return definitions.references
    .filter((ref) => ref.kind === 'condition' && ref.objectType === 'companies')
    .map((ref) => {
      const message = `A named condition is about contacts, so \`condition ${clip(ref.name)}\` cannot be used inside \`associated company where\`; write the company's conditions there.`;
      return at(ref.path, diagnostic('condition-in-association', message, ref.span));
    });
}

/** The use with the set's values written in, each at the span of the use. */
function withValues(condition: PropertyCondition, values: PropertyCondition['operands'] & { kind: 'list' }): PropertyCondition {
  return { ...condition, operands: values };
}

function checkValueSetValues(index: WorkspaceIndex, definitions: Definitions, schema: Schema): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  for (const ref of definitions.references) {
    const set = ref.kind === 'valueSet' ? findValueSet(definitions, ref.name) : undefined;
    const use = ref.condition;
    const property = use && propertiesOf(schema, ref.objectType).get(use.property.text);
    if (!set || !use || !property || use.operands.kind !== 'list' || operatorProblem(use, property)) continue;
    const operands = { ...use.operands, values: set.node.values.map((v) => ({ ...v, start: ref.span.start, end: ref.span.end })) };
    const resolved = withValues(use, operands);
    const problems = [...conditionValueProblems(resolved, property, { schema }, ref.objectType)];
    if (checksOptions(property)) for (const v of operands.values) problems.push(...[optionDiagnostic(v, property)].filter((d): d is Diagnostic => d !== undefined));
    const where = locationOf(index, ref.path, set.path, set.node.name.start);
    for (const p of problems) {
      // The fixes would edit the use; the value to change is in the definition.
      const { fixes: _fixes, ...rest } = p;
      void _fixes;
      out.push(at(ref.path, { ...rest, message: `Value set \`${clip(set.name)}\` (${where}): ${p.message}` }));
    }
  }
  return out;
}

export function checkDefinitions(index: WorkspaceIndex, schema: Schema): PathDiagnostic[] {
  const definitions = index.definitions ?? NO_DEFINITIONS;
  return [
    ...checkUnknown(definitions),
    ...checkDuplicates(index, definitions),
    ...checkConditionCycles(definitions),
    ...checkConditionScope(definitions),
    ...checkValueSetValues(index, definitions, schema),
  ];
}
