// Checks on conditions that are not about a property's type (form names and ids: forms.ts):
//   `including-unknown-ignored` (warning): `including unknown` on `is known` / `is unknown` and on
//     history and updated-at operators, where HubSpot ignores the no-value flag (docs/semantics.md);
//   `invalid-number`: the day count of `submitted form ... in last N days`;
//   `invalid-list-id`: `in list #id` where the id is not all digits.

import { type Condition, type SurfaceOperator, diagnostic, type Diagnostic } from '@hslist/grammar';
import { OPERATOR_TABLE, isHistoryOperator } from '../operators';
import { allConditions } from '../walk';
import type { FileCheckContext } from './context';
import { checkCount } from './literals';

/** Phrases whose every HubSpot operation ignores `includeObjectsWithNoValueSet`. */
function ignoresNoValueFlag(surface: SurfaceOperator): boolean {
  const rows = OPERATOR_TABLE.filter((r) => r.surface === surface);
  return rows.length > 0 && rows.every((r) => r.operationType === 'ALL_PROPERTY' || isHistoryOperator(r.operator));
}

function conditionProblems(condition: Condition): Diagnostic[] {
  switch (condition.kind) {
    case 'property': {
      if (!condition.includeUnknown || !ignoresNoValueFlag(condition.operator)) return [];
      const message = `\`including unknown\` has no effect on \`${condition.operator}\`, which judges whether the property has (or had) a value, not its current value.`;
      const fix = { title: 'Remove `including unknown`', edits: [{ start: Math.max(condition.operands.end, condition.operatorSpan.end), end: condition.includeUnknown.end, newText: '' }] };
      return [diagnostic('including-unknown-ignored', message, condition.includeUnknown, 'warning', [fix])];
    }
    case 'formSubmission': {
      const out: Diagnostic[] = [];
      const count = checkCount(condition.withinLastDays, 'days');
      if (count) out.push(count);
      return out;
    }
    case 'inList': {
      if (condition.target.by !== 'id' || /^#?\d+$/.test(condition.target.text)) return [];
      const message = `List id \`${condition.target.text}\` must be digits only, as HubSpot list ids are (e.g. #123).`;
      return [diagnostic('invalid-list-id', message, condition.target)];
    }
    default:
      return [];
  }
}

export function checkConditions(ctx: FileCheckContext): Diagnostic[] {
  return allConditions(ctx.file).flatMap(({ condition }) => conditionProblems(condition));
}
