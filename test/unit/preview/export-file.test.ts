// HubSpot's export file read strictly into columns (export-file.ts, export-rows.ts, export-values.ts):
// CSV text as HubSpot writes it with internal names and values, each way it can differ from what was
// asked named with its part, line and column; zips of several parts; and the export fetch's own checks
// (ids out of order, an id twice, a cancel while waiting) with an in-process stand-in for the account
// (the emulator's contract tests cover the real one).

import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ZipFile } from 'yazl';
import type { HubSpotAccount } from '../../../server/src/hubspot/account/types';
import { defaultSchema } from '../../../server/src/language/schema';
import { recordAt } from '../../../server/src/preview/explain';
import { PreviewCancelled } from '../../../server/src/preview/hubspot/abort';
import { readExportParts } from '../../../server/src/preview/hubspot/export-file';
import { ExportRows } from '../../../server/src/preview/hubspot/export-rows';
import { ExportNotUsed, fetchViaExport, type ExportPolicy } from '../../../server/src/preview/hubspot/fetch-export';
import { PreviewTooLarge } from '../../../server/src/preview/store-limits';

const schema = defaultSchema();
const ASKED = ['hs_object_id', 'lastmodifieddate', 'email', 'lifecyclestage', 'createdate', 'hs_email_optout'];
const defs = ['email', 'lifecyclestage', 'createdate', 'hs_email_optout'].map((p) => schema.objects.contacts.get(p)!);
const HEADER = ASKED.join(',');
const dir = mkdtempSync(join(tmpdir(), 'hslist-export-file-'));
let files = 0;

function fileOf(bytes: string | Buffer, name = `export-${++files}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string, maxRows = 100): Promise<ExportRows> {
  const rows = new ExportRows(ASKED, defs, maxRows);
  await readExportParts(path, (part) => rows.sinkFor(part));
  return rows;
}

async function problem(text: string | Buffer, maxRows = 100): Promise<string> {
  try {
    await read(fileOf(text, 'contacts.csv'), maxRows);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

function zipOf(entries: Record<string, string>, compress = true): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const ROWS = [
  '1,1735689600000,ana@x.io,lead,1704067200000,false',
  '2,1736294400000,"bo, jr@x.io",customer,2024-01-01T00:00:00Z,',
  '3,,,,,true',
];

describe('preview: HubSpot\'s export file into columns', () => {
  it('reads each row as the API\'s values: epoch milliseconds and ISO dates alike, empty cells as no value', async () => {
    const rows = await read(fileOf(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n`));
    assert.equal(rows.rows, 3);
    assert.equal(rows.newestModified, 1736294400000);
    const store = rows.builder.finish();
    assert.deepEqual(recordAt(store, 0).properties, { email: 'ana@x.io', lifecyclestage: 'lead', createdate: '2024-01-01T00:00:00.000Z', hs_email_optout: 'false' });
    assert.deepEqual(recordAt(store, 1).properties, { email: 'bo, jr@x.io', lifecyclestage: 'customer', createdate: '2024-01-01T00:00:00.000Z', hs_email_optout: null });
    assert.deepEqual(recordAt(store, 2).properties, { email: null, lifecyclestage: null, createdate: null, hs_email_optout: 'true' });
  });

  it('takes the columns in any order', async () => {
    const rows = await read(fileOf('email,hs_object_id,createdate,lastmodifieddate,hs_email_optout,lifecyclestage\nana@x.io,1,1704067200000,,,lead\n'));
    assert.equal(recordAt(rows.builder.finish(), 0).properties.lifecyclestage, 'lead');
  });

  it('refuses a header that is not the properties asked for: labels, a column missing, a column twice', async () => {
    assert.equal(await problem(`${HEADER.replace('email', 'Email')}\n`), 'HubSpot\'s export file contacts.csv line 1: column "Email" is not a property the export asked for (headers are asked as internal names)');
    assert.equal(await problem('hs_object_id,lastmodifieddate,email,createdate\n'), 'HubSpot\'s export file contacts.csv line 1: the header lacks "lifecyclestage", "hs_email_optout"');
    assert.equal(await problem(`${HEADER},email\n`), 'HubSpot\'s export file contacts.csv line 1: column "email" comes twice');
    assert.equal(await problem(''), 'HubSpot\'s export file contacts.csv is empty: it has no header line');
  });

  it('refuses labels and written-out dates where internal values were asked for, naming line and column', async () => {
    assert.equal(await problem(`${HEADER}\n${ROWS[0]}\n4,,d@x.io,Lead,,\n`), 'HubSpot\'s export file contacts.csv line 3, column lifecyclestage: "Lead" is the label of option "lead", not an internal value (the export was asked for internal values)');
    assert.equal(await problem(`${HEADER}\n4,,d@x.io,,2024-03-01 10:15,\n`), 'HubSpot\'s export file contacts.csv line 2, column createdate: "2024-03-01 10:15" is not a timestamp (the export was asked for internal values)');
    assert.equal(await problem(`${HEADER}\n4,,d@x.io,,,Yes\n`), 'HubSpot\'s export file contacts.csv line 2, column hs_email_optout: "Yes" is not true or false');
    assert.equal(await problem(`${HEADER}\n4,yesterday,d@x.io,,,\n`), 'HubSpot\'s export file contacts.csv line 2, column lastmodifieddate: "yesterday" is not a timestamp (the export was asked for internal values)');
  });

  it('refuses a row that is not a record: no id, a field short, bytes that are not UTF-8, more rows than HubSpot counted', async () => {
    assert.equal(await problem(`${HEADER}\n,,d@x.io,,,\n`), 'HubSpot\'s export file contacts.csv line 2, column hs_object_id: "" is not a record id');
    assert.match(await problem(`${HEADER}\n4,,d@x.io,lead\n`), /^HubSpot's export file contacts\.csv line 2 has 4 fields where the header has 6/);
    assert.equal(await problem(Buffer.concat([Buffer.from(`${HEADER}\n4,,`), Buffer.from([0xe9]), Buffer.from('@x.io,,,\n')])), 'HubSpot\'s export file contacts.csv holds bytes that are not UTF-8');
    assert.equal(await problem(`${HEADER}\n${ROWS.join('\n')}\n`, 2), 'HubSpot\'s export file contacts.csv has more rows than the 2 records HubSpot said the export holds (line 4)');
  });

  it('reads every CSV of a zip, each with its header line; refuses a zip holding anything else', async () => {
    const zip = fileOf(await zipOf({ 'part-1.csv': `${HEADER}\n${ROWS[0]}\n`, 'part-2.csv': `${HEADER}\n${ROWS[1]}\n${ROWS[2]}\n` }), 'parts.zip');
    const rows = await read(zip);
    assert.equal(rows.rows, 3);
    const store = rows.builder.finish();
    assert.deepEqual(Array.from({ length: 3 }, (_, row) => store.ids.at(row)), ['1', '2', '3']);
    const odd = fileOf(await zipOf({ 'part-1.csv': `${HEADER}\n`, 'readme.txt': 'hi' }), 'odd.zip');
    await assert.rejects(read(odd), /the export's zip holds readme\.txt, which is not a CSV file/);
    const cut = await zipOf({ 'part-1.csv': `${HEADER}\n${ROWS.join('\n')}\n` });
    await assert.rejects(read(fileOf(cut.subarray(0, cut.length - 30), 'cut.zip')), /the export's zip is not readable \(.*\): it may have been cut short/);
  });

  it('refuses a zip whose data was changed: a stored entry by its checksum, a compressed one by its data', async () => {
    const stored = await zipOf({ 'part-1.csv': `${HEADER}\n${ROWS.join('\n')}\n` }, false);
    const changed = Buffer.from(stored);
    changed[changed.indexOf('ana@x.io')] = 'b'.charCodeAt(0);
    await assert.rejects(read(fileOf(changed, 'changed.zip')), /^ExportFileError: HubSpot's export file part-1\.csv does not match its checksum in the zip: the file is damaged$/);
    const compressed = Buffer.from(await zipOf({ 'part-1.csv': `${HEADER}\n${ROWS.join('\n')}\n`.repeat(3) }));
    compressed[60] ^= 0x55;
    await assert.rejects(read(fileOf(compressed, 'damaged.zip')), /^ExportFileError: HubSpot's export file part-1\.csv could not be read: invalid/);
  });
});

/** An account that exports `csv` at once (in-process stand-in for the export calls only). */
function exporting(csv: string, recordCount: number, status = 'COMPLETE'): HubSpotAccount {
  const account: Pick<HubSpotAccount, 'startContactsExport' | 'exportStatus' | 'exportDetails' | 'downloadExport'> = {
    startContactsExport: async () => '7',
    exportStatus: async () => ({ status, ...(status === 'COMPLETE' ? { url: 'https://files.example/7.csv' } : {}), errors: [] }),
    exportDetails: async () => ({ exportState: 'DONE', recordCount }),
    downloadExport: async (_url, file) => {
      // The file holds contacts: the cache folder keeps it out of git before it is written.
      assert.ok(existsSync(join(dirname(file), '.gitignore')), 'a .gitignore beside the download');
      writeFileSync(file, csv);
      return csv.length;
    },
  };
  return account as HubSpotAccount;
}

const POLICY: ExportPolicy = { minContacts: 1, pollMs: 5, maxPollMs: 5, minWaitMs: 5_000 };

describe('preview: the export fetch\'s own checks', () => {
  it('ids out of order give a store in id order', async () => {
    const csv = `${HEADER}\n${[ROWS[2], ROWS[0], ROWS[1]].join('\n')}\n`;
    const { store } = await fetchViaExport({ account: exporting(csv, 3) }, defs, 3, dir, POLICY);
    assert.deepEqual(Array.from({ length: 3 }, (_, row) => store.ids.at(row)), ['1', '2', '3']);
    assert.equal(recordAt(store, 0).properties.email, 'ana@x.io');
  });

  it('an id twice sets the export aside', async () => {
    const csv = `${HEADER}\n${[ROWS[1], ROWS[0], ROWS[1].replace('bo, jr', 'other')].join('\n')}\n`;
    await assert.rejects(fetchViaExport({ account: exporting(csv, 3) }, defs, 3, dir, POLICY), (e: unknown) => e instanceof ExportNotUsed && /holds record id 2 twice/.test(e.message));
  });

  it('fewer records than the portal counts sets it aside: an export of not every contact', async () => {
    await assert.rejects(fetchViaExport({ account: exporting(`${HEADER}\n`, 0) }, defs, 500, dir, POLICY), /holds 0 contacts where the portal counts 500: not every contact/);
  });

  it('an export of more contacts than a preview holds is refused before its file is downloaded', async () => {
    const account = exporting('', 10_000_001);
    let downloads = 0;
    account.downloadExport = async () => (downloads++, 0);
    await assert.rejects(fetchViaExport({ account }, defs, 10_000_001, dir, POLICY), (e: unknown) => e instanceof PreviewTooLarge);
    assert.equal(downloads, 0);
  });

  it('a cancel while HubSpot prepares the export is a cancel, not a reason to read the pages', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(fetchViaExport({ account: exporting('', 0, 'PROCESSING'), signal: controller.signal }, defs, 3, dir, POLICY), (e: unknown) => e instanceof PreviewCancelled);
  });
});
