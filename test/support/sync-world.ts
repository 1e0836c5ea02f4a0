// The small world the sync tests count by hand: five HubSpot contacts (a CSV export), three Salesforce
// records (an export with field API names, and the same records for the Salesforce emulator), the sync
// block over an inclusion list of Polish leads, and the pulled Lead and Contact describes. Shared by the
// CLI's sync-plan tests and the editor's Salesforce tests, so that their figures are comparable.

import type { SalesforceRecord } from '../../server/src/sandbox/data/salesforce-org';

export const SYNC_CONTACTS = `Record ID,Email,First Name,Last Name,Company Name,Job Title,Country/Region,Lifecycle Stage,Last Modified Date
1,ada@lovelace.org,Ada,Lovelace,Acme,CEO,Poland,Lead,2025-05-01 10:00
2,bob@example.com,Bob,Builder,Bobco,,Germany,Lead,2025-05-01 10:00
3,,Cy,Nomail,Cyco,,Poland,Lead,2025-05-01 10:00
4,dee@corp.pl,Dee,Kowalska,Corp,,Poland,Customer,2025-05-01 10:00
5,eve@corp.pl,Eve,Nowak,,,Poland,Lead,2025-05-01 10:00
`;

const MODIFIED = '2025-01-01T00:00:00.000+0000';

export const SYNC_SALESFORCE_CSV = `Id,Email,LastModifiedDate,LastName,Company,Title
00Q000000000001AAA,ADA@lovelace.org,${MODIFIED},Lovelace,Acme,CTO
00Q000000000002AAA,zed@new.org,${MODIFIED},Zed,Newco,Dev
003000000000001AAA,dee@corp.pl,${MODIFIED},Kowalska,,
`;

/** The export's three records as the Salesforce emulator holds them. */
export const SYNC_SALESFORCE_RECORDS: SalesforceRecord[] = [
  { type: 'Lead', fields: { Id: '00Q000000000001AAA', Email: 'ADA@lovelace.org', LastModifiedDate: MODIFIED, LastName: 'Lovelace', Company: 'Acme', Title: 'CTO', IsConverted: false } },
  { type: 'Lead', fields: { Id: '00Q000000000002AAA', Email: 'zed@new.org', LastModifiedDate: MODIFIED, LastName: 'Zed', Company: 'Newco', Title: 'Dev', IsConverted: false } },
  { type: 'Contact', fields: { Id: '003000000000001AAA', Email: 'dee@corp.pl', LastModifiedDate: MODIFIED, LastName: 'Kowalska' } },
];

export const POLISH_LEADS = `list "Polish leads" {
  where email is known
    and lifecyclestage is lead
    and country is "Poland"
}
`;

export const SYNC_BLOCK = `sync salesforce {
  inclusion list: "Polish leads"
  salesforce creates hubspot contacts: yes
  hubspot creates in salesforce: lead
  map jobtitle to Title: two way
}
`;

/** The inclusion list and the sync block, one file. */
export const SYNC_TEXT = `${POLISH_LEADS}
${SYNC_BLOCK}`;

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, label: name, type, nillable: true, createable: true, updateable: true, defaultedOnCreate: false, picklistValues: [], ...extra });

/** The pulled describes (`.hslist/schema/salesforce/lead.json`, `contact.json`). */
export const LEAD_DESCRIBE = { name: 'Lead', label: 'Lead', fields: [field('Email', 'email'), field('LastName', 'string', { nillable: false }), field('Company', 'string', { nillable: false }), field('Title', 'string'), field('Country', 'string'), field('Status', 'picklist', { nillable: false, picklistValues: [{ value: 'Open', label: 'Open', active: true, defaultValue: true }] })] };
export const CONTACT_DESCRIBE = { name: 'Contact', label: 'Contact', fields: [field('Email', 'email'), field('LastName', 'string', { nillable: false }), field('Title', 'string'), field('MailingCountry', 'string')] };
