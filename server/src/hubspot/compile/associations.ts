// `associated <object> where …` → ASSOCIATION branches, and `number of associated <objects> <n>` →
// NUM_ASSOCIATIONS with a NUM_OCCURRENCES count. A count's `not` is the complementary count: one
// filter, or two OR-ed ones for `not (… is between A and B)`, or `nobody` when no count is left.

import type { AssociationCountCondition, CountComparison, Value } from '@hslist/grammar';
import { associationByWord, type AssociationKind } from '../../language/associations';
import type { Filter, NumOccurrencesRefineBy } from '../filter-branch';

/** [min, max] of the counts a comparison accepts (max undefined: no upper bound), or a sentence saying why not. */
export function countRange(c: CountComparison): [number, number | undefined] | string {
  const whole = (v: Value | undefined): number | undefined => (v?.kind === 'number' && Number.isInteger(v.value) && v.value >= 0 ? v.value : undefined);
  const low = whole(c.low);
  if (low === undefined) return 'a count is a whole number, 0 or more';
  switch (c.operator) {
    case '>': return [low + 1, undefined];
    case '>=': return [low, undefined];
    case '<': return low === 0 ? 'no count is less than 0' : [0, low - 1];
    case '<=': return [0, low];
    case 'is': return [low, low];
    case 'is between': {
      const high = whole(c.high);
      if (high === undefined) return 'a count is a whole number, 0 or more';
      return high < low ? `the range ${low} to ${high} is empty` : [low, high];
    }
  }
}

export function countKind(c: AssociationCountCondition): AssociationKind | string {
  const kind = associationByWord(c.objectType.text);
  if (!kind) return `\`${c.objectType.text}\` is not an object contacts are associated with here (company, deal or ticket)`;
  if (c.primary && kind.primaryTypeId === undefined) return `only a company can be the contact's primary ${kind.word}`;
  return kind;
}

function occurrences(min: number, max: number | undefined): NumOccurrencesRefineBy {
  return { type: 'NUM_OCCURRENCES', ...(min > 0 ? { minOccurrences: min } : {}), ...(max !== undefined ? { maxOccurrences: max } : {}) };
}

function numAssociations(kind: AssociationKind, primary: boolean, min: number, max: number | undefined): Filter {
  return {
    filterType: 'NUM_ASSOCIATIONS',
    associationTypeId: primary && kind.primaryTypeId !== undefined ? kind.primaryTypeId : kind.typeId,
    associationCategory: 'HUBSPOT_DEFINED',
    coalescingRefineBy: occurrences(min, max),
  };
}

/** The filter of a count, or (negated) the filters whose OR is its complement; [] when nothing is left. */
export function countFilters(kind: AssociationKind, primary: boolean, [min, max]: [number, number | undefined], negated: boolean): Filter[] {
  if (!negated) return [numAssociations(kind, primary, min, max)];
  const below = min > 0 ? [numAssociations(kind, primary, 0, min - 1)] : [];
  const above = max !== undefined ? [numAssociations(kind, primary, max + 1, undefined)] : [];
  return [...below, ...above];
}
