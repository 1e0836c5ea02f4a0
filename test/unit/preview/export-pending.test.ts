// export-pending.ts: which export an earlier run left unread a full fetch may take up.

import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetExport, rememberExport, resumableExport, RESUME_WITHIN_MS } from '../../../server/src/preview/hubspot/export-pending';

const AT = Date.parse('2026-12-07T10:00:00Z');
const PROPERTIES = ['hs_object_id', 'lastmodifieddate', 'email', 'country'];

function remembered(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hslist-export-pending-'));
  rememberExport(dir, { portalId: '4242001', taskId: '7001', properties: PROPERTIES, startedAt: AT });
  return dir;
}

describe('preview: an export an earlier run left unread', () => {
  it('is taken up for the same portal and properties (in any order) while under 15 minutes old', () => {
    const dir = remembered();
    assert.equal(resumableExport(dir, '4242001', [...PROPERTIES].reverse(), AT + 60_000)?.taskId, '7001');
    assert.equal(resumableExport(dir, '4242001', PROPERTIES, AT + RESUME_WITHIN_MS)?.taskId, '7001', 'at 15 minutes');
    assert.equal(RESUME_WITHIN_MS, 15 * 60_000);
  });

  it('is left alone for another portal, other properties, once too old, or dated after now', () => {
    const dir = remembered();
    assert.equal(resumableExport(dir, '4242002', PROPERTIES, AT), undefined, 'another portal');
    assert.equal(resumableExport(dir, '4242001', [...PROPERTIES, 'phone'], AT), undefined, 'a property more');
    assert.equal(resumableExport(dir, '4242001', PROPERTIES.slice(1), AT), undefined, 'a property fewer');
    assert.equal(resumableExport(dir, '4242001', PROPERTIES, AT + RESUME_WITHIN_MS + 1), undefined, 'too old');
    assert.equal(resumableExport(dir, '4242001', PROPERTIES, AT - 1), undefined, 'a clock set back');
  });

  it('names no export once forgotten, when there is none, or when its file is not one', () => {
    const dir = remembered();
    forgetExport(dir);
    assert.equal(resumableExport(dir, '4242001', PROPERTIES, AT), undefined, 'forgotten');
    forgetExport(dir);
    const empty = mkdtempSync(join(tmpdir(), 'hslist-export-pending-'));
    assert.equal(resumableExport(empty, '4242001', PROPERTIES, AT), undefined, 'none');
    for (const text of ['{', '[]', JSON.stringify({ portalId: 4242001, taskId: '7001', properties: PROPERTIES, startedAt: AT }), JSON.stringify({ portalId: '4242001', taskId: '7001', properties: 'email', startedAt: AT })]) {
      writeFileSync(join(empty, 'hubspot-export-pending.json'), text);
      assert.equal(resumableExport(empty, '4242001', PROPERTIES, AT), undefined, text);
    }
  });
});
