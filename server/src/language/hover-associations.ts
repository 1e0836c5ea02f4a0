// Hover text for association conditions: which records they look at and the HubSpot ids they become.

import type { AssociationCondition, AssociationCountCondition } from '@hslist/grammar';
import { associationByWord } from './associations';
import { countRange } from '../hubspot/compile/associations';

export function associationHelp(c: AssociationCondition): string {
  const kind = associationByWord(c.objectType.text);
  if (!kind) return `\`${c.objectType.text}\` is not an object contacts are associated with here (company, deal or ticket).`;
  const which = c.label ? `associated with the label #${c.label.text}` : c.primary ? 'that is its primary company' : 'associated with the contact';
  const type = c.label ? `USER_DEFINED association type ${c.label.text}` : `HUBSPOT_DEFINED association type ${c.primary && kind.primaryTypeId !== undefined ? kind.primaryTypeId : kind.typeId}`;
  return [
    `**Associated ${kind.word}**: the contact matches when some ${kind.word} ${which} meets the criteria after \`where\` (no ${kind.word}: no match).`,
    '',
    `HubSpot: an \`ASSOCIATION\` branch to object type \`${kind.objectTypeId}\`, ${type}.`,
  ].join('\n');
}

export function countHelp(c: AssociationCountCondition): string {
  const kind = associationByWord(c.objectType.text);
  const range = countRange(c.comparison);
  if (!kind || typeof range === 'string') return 'A count of associated records (see the problem reported here).';
  const [min, max] = range;
  const bounds = max === undefined ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
  const type = c.primary && kind.primaryTypeId !== undefined ? kind.primaryTypeId : kind.typeId;
  return [
    `**Number of associated ${c.primary ? 'primary ' : ''}${kind.plural}**: ${bounds}.`,
    '',
    `HubSpot: \`NUM_ASSOCIATIONS\` of association type ${type} with a \`NUM_OCCURRENCES\` count (a contact with none has 0).`,
  ].join('\n');
}
