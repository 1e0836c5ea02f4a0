// `definition-with-errors`: a use of a named condition (or value set) whose definition has an error.
// The definition's own file shows the error; the use gets one too, so the list that uses it is seen as
// broken (not compiled, blocked in a plan) instead of being compiled from criteria that are wrong, and
// the message says where to look. A condition that uses a broken one is broken in turn (to a fixpoint).

import { diagnostic, type Diagnostic, type Span } from '@hslist/grammar';
import { clip } from '../clip';
import { describeLocationFrom, type LineIndex } from '../positions';
import { definitionKey, type DefinitionKind, type Definitions } from './table';

type PathDiagnostic = Diagnostic & { path: string };

interface Defined {
  path: string;
  node: Span;
}

/** The first error inside `span`, if any. */
function firstError(diagnostics: readonly Diagnostic[] | undefined, span: Span): Diagnostic | undefined {
  return diagnostics?.find((d) => d.severity === 'error' && d.start >= span.start && d.end <= span.end);
}

/**
 * Diagnostics for every use of a broken definition. `errorsOf(path)` gives a file's diagnostics so far;
 * `lineIndexOf(path)` places the error in the message.
 */
export function usesOfBrokenDefinitions(definitions: Definitions, errorsOf: (path: string) => readonly Diagnostic[] | undefined, lineIndexOf: (path: string) => LineIndex | undefined): PathDiagnostic[] {
  const firsts: [DefinitionKind, string, Defined][] = [
    ...[...definitions.valueSets].map(([key, defs]): [DefinitionKind, string, Defined] => ['valueSet', key, defs[0]]),
    ...[...definitions.conditions].map(([key, defs]): [DefinitionKind, string, Defined] => ['condition', key, defs[0]]),
  ];
  const added: PathDiagnostic[] = [];
  const broken = new Map<string, string>();
  const errors = (path: string) => [...(errorsOf(path) ?? []), ...added.filter((d) => d.path === path)];
  for (let changed = true; changed; ) {
    changed = false;
    for (const [kind, key, defined] of firsts) {
      const id = `${kind}\u0000${key}`;
      if (broken.has(id)) continue;
      const error = firstError(errors(defined.path), defined.node);
      if (!error) continue;
      const index = lineIndexOf(defined.path);
      broken.set(id, `${clip(error.message, 160)}`);
      changed = true;
      for (const ref of definitions.references) {
        const where = index ? describeLocationFrom(ref.path, defined.path, index, error.start) : defined.path;
        if (ref.kind !== kind || definitionKey(ref.name) !== key) continue;
        // A use that is itself an error already (a use on a cycle) needs no second one.
        if (errors(ref.path).some((d) => d.severity === 'error' && d.start === ref.span.start && d.end === ref.span.end)) continue;
        const what = kind === 'valueSet' ? 'value set' : 'condition';
        const message = `The ${what} \`${clip(ref.name)}\` has errors (${where}: ${broken.get(id)}); fix them before this can be compiled.`;
        added.push({ ...diagnostic('definition-with-errors', message, ref.span), path: ref.path });
      }
    }
  }
  return added;
}
