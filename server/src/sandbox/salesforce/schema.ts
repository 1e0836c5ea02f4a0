// The emulated org's object schema: Lead and Contact with the standard fields hslist reads, plus one
// custom multi-select picklist. Everything else (describe JSON, SOQL type checks, the data generator)
// is derived from these tables, so the three never disagree.

export type SfFieldType =
  | 'id' | 'string' | 'email' | 'picklist' | 'multipicklist' | 'boolean' | 'double' | 'int' | 'currency'
  | 'date' | 'datetime' | 'reference' | 'textarea' | 'phone' | 'url';

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface SfFieldDef {
  name: string;
  label: string;
  type: SfFieldType;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  custom: boolean;
  picklistValues: PicklistEntry[];
  /** Salesforce refuses values outside the picklist (a custom picklist created restricted). */
  restrictedPicklist?: boolean;
  referenceTo: string[];
  /** What the Metadata API holds beyond describe, for custom fields (metadata-fields.ts). */
  metadata?: CustomFieldExtras;
}

export interface CustomFieldExtras {
  /** The Metadata API field type: Text, Picklist, MultiselectPicklist, Checkbox, … */
  type: string;
  description?: string;
  precision?: number;
  scale?: number;
  visibleLines?: number;
  defaultValue?: string;
  sorted?: boolean;
}

export type SfObjectName = 'Lead' | 'Contact';

export interface SfObjectDef {
  name: SfObjectName;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: SfFieldDef[];
}

function picklist(values: readonly string[], defaultValue?: string): PicklistEntry[] {
  return values.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
export const INDUSTRIES = [
  'Agriculture', 'Banking', 'Biotechnology', 'Communications', 'Construction', 'Consulting', 'Education',
  'Electronics', 'Energy', 'Finance', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Manufacturing',
  'Media', 'Not For Profit', 'Retail', 'Technology', 'Telecommunications', 'Transportation', 'Other',
];
export const RATINGS = ['Hot', 'Warm', 'Cold'];
export const INTERESTS = ['Analytics', 'Automation', 'CRM', 'Email Marketing', 'Integrations', 'Reporting'];

type Options = Partial<Omit<SfFieldDef, 'name' | 'label' | 'type'>>;

/** Defaults describe an ordinary optional, editable standard field. */
function field(name: string, label: string, type: SfFieldType, options: Options = {}): SfFieldDef {
  return {
    name, label, type,
    length: options.length ?? 0,
    nillable: options.nillable ?? true,
    createable: options.createable ?? true,
    updateable: options.updateable ?? true,
    defaultedOnCreate: options.defaultedOnCreate ?? false,
    custom: options.custom ?? false,
    picklistValues: options.picklistValues ?? [],
    referenceTo: options.referenceTo ?? [],
    ...(options.metadata ? { metadata: options.metadata } : {}),
  };
}

const systemField = { nillable: false, createable: false, updateable: false, defaultedOnCreate: true };
const required = { nillable: false };

function commonHead(): SfFieldDef[] {
  return [
    field('Id', 'Record ID', 'id', { ...systemField, length: 18 }),
    field('IsDeleted', 'Deleted', 'boolean', systemField),
    field('FirstName', 'First Name', 'string', { length: 40 }),
    field('LastName', 'Last Name', 'string', { ...required, length: 80 }),
    field('Email', 'Email', 'email', { length: 80 }),
    field('Title', 'Title', 'string', { length: 128 }),
    field('LeadSource', 'Lead Source', 'picklist', { length: 255, picklistValues: picklist(LEAD_SOURCES) }),
    field('Phone', 'Phone', 'phone', { length: 40 }),
    field('HasOptedOutOfEmail', 'Email Opt Out', 'boolean', { nillable: false, defaultedOnCreate: true }),
    field('OwnerId', 'Owner ID', 'reference', { length: 18, nillable: false, defaultedOnCreate: true, referenceTo: ['User'] }),
    field('Description', 'Description', 'textarea', { length: 32000 }),
  ];
}

function commonTail(): SfFieldDef[] {
  return [
    field('CreatedDate', 'Created Date', 'datetime', systemField),
    field('LastModifiedDate', 'Last Modified Date', 'datetime', systemField),
    field('LastActivityDate', 'Last Activity', 'date', { createable: false, updateable: false }),
  ];
}

const LEAD: SfObjectDef = {
  name: 'Lead', label: 'Lead', labelPlural: 'Leads', keyPrefix: '00Q',
  fields: [
    ...commonHead(),
    field('Company', 'Company', 'string', { ...required, length: 255 }),
    // Real orgs default Status on create; the task's field model treats it as required, so it is not defaulted here.
    field('Status', 'Lead Status', 'picklist', { ...required, length: 255, picklistValues: picklist(LEAD_STATUSES, LEAD_STATUSES[0]) }),
    field('Country', 'Country', 'string', { length: 80 }),
    field('State', 'State/Province', 'string', { length: 80 }),
    field('City', 'City', 'string', { length: 40 }),
    field('Industry', 'Industry', 'picklist', { length: 255, picklistValues: picklist(INDUSTRIES) }),
    field('AnnualRevenue', 'Annual Revenue', 'currency', { length: 0 }),
    field('NumberOfEmployees', 'Employees', 'int', { length: 0 }),
    field('Rating', 'Rating', 'picklist', { length: 255, picklistValues: picklist(RATINGS) }),
    field('Website', 'Website', 'url', { length: 255 }),
    field('IsConverted', 'Converted', 'boolean', { nillable: false, defaultedOnCreate: true, updateable: false }),
    field('Interests__c', 'Interests', 'multipicklist', { length: 4099, custom: true, picklistValues: picklist(INTERESTS), metadata: { type: 'MultiselectPicklist', visibleLines: 4 } }),
    ...commonTail(),
  ],
};

const CONTACT: SfObjectDef = {
  name: 'Contact', label: 'Contact', labelPlural: 'Contacts', keyPrefix: '003',
  fields: [
    ...commonHead(),
    field('AccountId', 'Account ID', 'reference', { length: 18, referenceTo: ['Account'] }),
    field('Department', 'Department', 'string', { length: 80 }),
    field('MailingCountry', 'Mailing Country', 'string', { length: 80 }),
    field('MailingState', 'Mailing State/Province', 'string', { length: 80 }),
    field('MailingCity', 'Mailing City', 'string', { length: 40 }),
    field('Birthdate', 'Birthdate', 'date'),
    ...commonTail(),
  ],
};

export type SfObjects = Record<SfObjectName, SfObjectDef>;

/** The schema every emulated org starts from; each org works on its own copy (`cloneObjects`), which metadata writes change. */
export const OBJECTS: SfObjects = { Lead: LEAD, Contact: CONTACT };

export function cloneObjects(objects: SfObjects = OBJECTS): SfObjects {
  const copy = (object: SfObjectDef): SfObjectDef => ({ ...object, fields: object.fields.map(cloneField) });
  return { Lead: copy(objects.Lead), Contact: copy(objects.Contact) };
}

export function cloneField(field: SfFieldDef): SfFieldDef {
  return { ...field, picklistValues: field.picklistValues.map((v) => ({ ...v })), referenceTo: [...field.referenceTo], ...(field.metadata ? { metadata: { ...field.metadata } } : {}) };
}

/** Case-insensitive object lookup, as SOQL and the REST paths resolve names. */
export function findObject(name: string, objects: SfObjects = OBJECTS): SfObjectDef | undefined {
  const key = Object.keys(objects).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : objects[key as SfObjectName];
}

export function findField(object: SfObjectDef, name: string): SfFieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}
