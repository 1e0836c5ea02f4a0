// A list as HubSpot gets it: the phrases HubSpot has no filter for, written out as those it has. The compiler
// and the preview both start from this, so a preview judges exactly what would be published.
//   `is at least V` → `is any of (…)` in the property's option order (ordered.ts);
//   `marketing email any opened` → the contact property HubSpot keeps over all emails (any-email.ts; a list
//     resolved against the workspace has these written out already, which leaves them as they are);
//   `marketing email "Name" of app #A` → its email campaign ids, or'ed (email-names.ts).

import type { ListNode } from '@hslist/grammar';
import { writeAnyEmails } from './any-email';
import { writeEmailNames } from './email-names';
import { expandOrdered } from './ordered';
import type { Schema } from './schema-types';

export function writtenOut(list: ListNode, schema: Schema): ListNode {
  return writeEmailNames(writeAnyEmails(expandOrdered(list, schema)), schema);
}
