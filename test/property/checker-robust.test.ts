// The checker on the text of a user typing: half-typed blocks, sync blocks with tokens deleted, lines
// broken in the middle and files cut at every offset. No check ever throws (not even contained as an
// internal-check-error), every diagnostic stays inside the text, the editor features answer, and the
// analysis of the OTHER files of the workspace is exactly what it is without the broken file.

import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { complete } from '../../server/src/language/completion';
import { foldingRegions } from '../../server/src/language/folding';
import { hoverAt } from '../../server/src/language/hover';
import { listInfos } from '../../server/src/language/navigation-lists';
import { defaultSchema } from '../../server/src/language/schema';
import { salesforceSchemaFromJson } from '../../server/src/language/salesforce-schema';
import { semanticTokens } from '../../server/src/language/semantic-tokens';
import { documentOutline } from '../../server/src/language/symbols-outline';
import { analyzeWorkspace, type SourceFile } from '../../server/src/language/workspace';
import { arbBrokenFile, breakLinesBefore, deleteTokens, FULL_SYNC_BLOCK } from '../support/hslist-gen';

const schema = defaultSchema();
const field = (name: string, type: string) => ({ name, label: name, type, nillable: true, createable: true, updateable: true, defaultedOnCreate: false, picklistValues: [] });
const salesforceSchema = salesforceSchemaFromJson(
  { Lead: { name: 'Lead', label: 'Lead', fields: [field('LastName', 'string'), field('Title', 'string'), field('Status', 'picklist')] }, Contact: { name: 'Contact', label: 'Contact', fields: [field('LastName', 'string')] } },
  'test',
).schema!;

/** Files that neither name the broken file's lists nor hold a sync block: nothing in the broken file may change them. */
const OTHERS: SourceFile[] = [
  { path: 'zz-other-1.hslist', text: 'list "Other 1" {\n  where emial is known and in list "Other 2"\n}\n' },
  { path: 'zz-other-2.hslist', text: 'list "Other 2" {\n  type: static\n}\n\nlist "Other 3" {\n  where lifecyclestage is lead\n}\n' },
];
const BASELINE = analyzeWorkspace(OTHERS, schema, { salesforceSchema });

function checkRobust(text: string): void {
  const analysis = analyzeWorkspace([{ path: 'broken.hslist', text }, ...OTHERS], schema, { salesforceSchema });
  const file = analysis.files.get('broken.hslist')!;
  for (const d of file.diagnostics) {
    assert.ok(!d.code.startsWith('internal'), `${d.code}: ${d.message}\n${JSON.stringify(text)}`);
    assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `${JSON.stringify(d)} outside the text`);
  }
  for (const other of OTHERS) {
    assert.deepEqual(analysis.files.get(other.path)!.diagnostics, BASELINE.files.get(other.path)!.diagnostics, JSON.stringify(text));
  }
  semanticTokens(file.tree, text);
  documentOutline(file.tree, text);
  foldingRegions(file.tree, text);
  const lists = listInfos(analysis);
  for (const offset of [0, text.length >> 1, text.length]) {
    complete({ text, offset, schema, lists, salesforceFields: [] });
    hoverAt({ analysis, path: 'broken.hslist', offset, schema });
  }
}

describe('checker properties: broken text never breaks the checker', () => {
  it('valid programs with tokens deleted, lines broken and cut short', () => {
    fc.assert(fc.property(arbBrokenFile(), checkRobust), { numRuns: 400 });
  });

  it('the full sync block cut at every offset, and with each token deleted or moved to the next line', () => {
    const tokens = FULL_SYNC_BLOCK.split(/\s+/).length * 2;
    for (let cut = 0; cut <= FULL_SYNC_BLOCK.length; cut++) checkRobust(FULL_SYNC_BLOCK.slice(0, cut));
    for (let i = 0; i < tokens; i++) {
      checkRobust(deleteTokens(FULL_SYNC_BLOCK, [i]));
      checkRobust(breakLinesBefore(FULL_SYNC_BLOCK, [i]));
      checkRobust(breakLinesBefore(deleteTokens(FULL_SYNC_BLOCK, [i]), [i]));
    }
  });

  it('half-typed list blocks: every prefix of a list that uses each kind of condition', () => {
    const list = 'list "Half" {\n  type: active\n  timezone: "Europe/Warsaw"\n  where email is known and (country is any of ("Poland", "Germany") or annualrevenue is between 10 and 20)\n    and createdate is in last 3 months and not in list "Other 1" and associated company where numberofemployees > 10\n    and lifecyclestage has ever been lead and submitted any form in last 30 days and hs_lead_status was updated in last 7 days\n}\n';
    for (let cut = 0; cut <= list.length; cut++) checkRobust(list.slice(0, cut));
  });
});
