// What the parser's error recovery leaves behind is a tree that matches ast.ts: a part a failed rule
// did not return is never left undefined in a node that needs it (the checks once crashed on a mapping
// without its Salesforce field), and an undefined that means something (`any form`) is never made up.

import assert from 'node:assert/strict';
import { parse } from '@hslist/grammar';

describe('grammar: trees after recovery', () => {
  it('a mapping whose Salesforce field is on the next line is left out, with its syntax error', () => {
    const { file, diagnostics } = parse('sync salesforce {\n map jobtitle to\n :\n map lastname to LastName: two way\n}\n');
    assert.deepEqual(file.syncBlocks[0].mappings.map((m) => [m.hubspotProperty.text, m.salesforceField.text]), [['lastname', 'LastName']]);
    assert.deepEqual(diagnostics.map((d) => d.code), ['syntax-error']);
  });

  it('a form condition whose target was lost is an error condition, not `submitted any form`', () => {
    const { file, diagnostics } = parse('list "A" {\n  where submitted 42 in last 3 days\n}\n');
    assert.equal(file.lists[0].where?.kind, 'error');
    assert.equal(diagnostics[0].code, 'syntax-error');
    const any = parse('list "A" {\n  where submitted any form in last 3 days\n}\n').file.lists[0].where;
    assert.deepEqual(any?.kind === 'formSubmission' ? [any.formId, any.withinLastDays?.kind] : [], [undefined, 'number']);
  });

  it('operands cut short in any phrase give error conditions, never half-built ones', () => {
    for (const where of ['x is between\n  and 3', 'x is any of (\n)', 'd is in this\n  month', 'd is before property\n  y', 'n is less than\n 3 days ago', 'x has ever been\n  (a)']) {
      const { file } = parse(`list "A" {\n  where ${where}\n}\n`);
      const walk = (e: unknown): void => {
        const node = e as { kind: string; operands?: unknown; operand?: unknown; inner?: unknown; property?: unknown };
        if (node.kind === 'and' || node.kind === 'or') (node.operands as unknown[]).forEach(walk);
        else if (node.kind === 'property') {
          assert.ok(node.property && node.operands, `${where}: ${JSON.stringify(node)}`);
          const operands = node.operands as Record<string, unknown>;
          // A calendar operand's count is optional (`is in this month`); every other part is required.
          const required = operands.kind === 'calendar' ? ['unit'] : ['value', 'low', 'high', 'count', 'property'];
          for (const key of required) if (key in operands) assert.ok(operands[key] !== undefined, `${where}: ${key}`);
        }
      };
      if (file.lists[0]?.where) walk(file.lists[0].where);
    }
  });
});
