// What a cell of HubSpot's export must look like to be read as the API's value (Assumed readings,
// docs/preview.md § The CRM export): the export is asked for internal values (`exportInternalValuesOptions`
// VALUES), which HubSpot's exports guide describes as internal option values and "timestamps instead of
// human-readable dates". A cell that still reads as the human form (an option's label, "Yes", a date
// written out as text) means the file is not what was asked for, and the whole export is set aside
// rather than read as no value or as another value.

import type { PropertyDef } from '../../language/schema-types';
import { typeClassOf } from '../../language/operators';
import { parseBoolean, parseEnumeration, parseNumber } from '../values';

/** Epoch milliseconds (the Assumed timestamp), or the API's own forms: a date, an ISO 8601 date-time with its zone. */
const TIMESTAMP = /^-?\d+$|^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Why the cell cannot be read as the property's internal value, or undefined when it can (empty: no value). */
export function exportCellProblem(def: PropertyDef, cell: string): string | undefined {
  if (cell === '') return undefined;
  switch (typeClassOf(def.type)) {
    case 'number':
      return Number.isNaN(parseNumber(cell)) ? `"${cell}" is not a number` : undefined;
    case 'bool':
      return parseBoolean(cell) === undefined ? `"${cell}" is not true or false` : undefined;
    case 'date':
      return timestampProblem(cell);
    case 'enumeration':
      return labelInsteadOfValue(def, cell);
    default:
      return undefined;
  }
}

export function timestampProblem(cell: string): string | undefined {
  return cell === '' || TIMESTAMP.test(cell) ? undefined : `"${cell}" is not a timestamp (the export was asked for internal values)`;
}

/** An item that is some option's label and no option's value: the export wrote labels. */
function labelInsteadOfValue(def: PropertyDef, cell: string): string | undefined {
  for (const item of parseEnumeration(cell)) {
    if (def.options.some((o) => o.value === item)) continue;
    const option = def.options.find((o) => o.label === item);
    if (option) return `"${item}" is the label of option "${option.value}", not an internal value (the export was asked for internal values)`;
  }
  return undefined;
}
