// Checks on `labeled "…"` / `labeled #id` of an association condition against the portal's labels
// (association-labels.json, written by `hslist schema pull`):
//   `label-not-id` (error): a label name while no labels are pulled: HubSpot's branch takes a type id;
//   `unknown-label` (error): a name no label of that object has (did-you-mean); (warning) an id missing from the pull;
//   `ambiguous-label` (error): a name two labels of that object share (a fix per label, writing its id).

import { diagnostic, type AssociationCondition, type Diagnostic } from '@hslist/grammar';
import { associationByWord } from '../associations';
import { labelsOf, matchLabel } from '../association-labels';
import { suggest, withDidYouMean } from '../did-you-mean';
import { allConditions } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

function labelProblem(condition: AssociationCondition, ctx: FileCheckContext): Diagnostic | undefined {
  const label = condition.label;
  const kind = associationByWord(condition.objectType.text);
  if (!label || !kind) return undefined;
  const match = matchLabel(label, kind.object, ctx.schema);
  const labels = labelsOf(ctx.schema, kind.object) ?? [];
  switch (match.kind) {
    case 'name':
      return undefined;
    case 'id': {
      if (!labelsOf(ctx.schema, kind.object) || match.label) return undefined;
      const message = `No label #${label.text} among the portal's ${labels.length} contact–${kind.word} association labels pulled into the schema; HubSpot matches no ${kind.word} by it unless the label is newer than the pull (hslist schema pull).`;
      return diagnostic('unknown-label', message, label, 'warning');
    }
    case 'no-catalogue': {
      const message = `HubSpot's association branch takes a label's id (\`labeled #12\`), so "${label.text}" cannot be sent. Write the label's id, or run hslist schema pull (or "hslist: Refresh schema") so labels can be named.`;
      return diagnostic('label-not-id', message, label, 'error');
    }
    case 'ambiguous': {
      const message = `"${label.text}" names ${match.labels.length} contact–${kind.word} association labels: ${match.labels.map((l) => `#${l.typeId}`).join(', ')}. Write the id of the one you mean.`;
      const fixes = replaceFixes(label, match.labels.map((l) => ({ value: `#${l.typeId}`, distance: 0, matched: label.text })));
      return diagnostic('ambiguous-label', message, label, 'error', fixes);
    }
    case 'unknown': {
      const suggestions = suggest(label.text, labels.map((l) => ({ value: l.label })), 3, ctx.suggestBudget);
      const message = withDidYouMean(`No contact–${kind.word} association label named "${label.text}" among the ${labels.length} pulled into the schema`, suggestions, (v) => `"${v}"`);
      return diagnostic('unknown-label', message, label, 'error', replaceFixes(label, suggestions, (v) => JSON.stringify(v)));
    }
  }
}

export function checkAssociationLabels(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    const problem = condition.kind === 'association' ? labelProblem(condition, ctx) : undefined;
    if (problem) out.push(problem);
  }
  return out;
}
