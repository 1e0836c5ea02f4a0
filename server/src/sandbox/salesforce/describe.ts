// Describe payloads in the REST API's shape (GET /sobjects, /sobjects/{T}/describe), built from schema.ts.

import { OBJECTS, type SfFieldDef, type SfObjectDef } from './schema';

const SOAP_TYPES: Record<SfFieldDef['type'], string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', email: 'xsd:string', picklist: 'xsd:string',
  multipicklist: 'xsd:string', textarea: 'xsd:string', phone: 'xsd:string', url: 'xsd:string',
  boolean: 'xsd:boolean', double: 'xsd:double', currency: 'xsd:double', int: 'xsd:int', date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function urls(version: string, object: SfObjectDef): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${object.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function objectFlags(object: SfObjectDef, version: string): Record<string, unknown> {
  return {
    name: object.name, label: object.label, labelPlural: object.labelPlural, keyPrefix: object.keyPrefix,
    custom: false, customSetting: false, queryable: true, createable: true, updateable: true, deletable: true,
    retrieveable: true, searchable: true, layoutable: true, replicateable: true, triggerable: true,
    undeletable: true, mergeable: true, activateable: false, feedEnabled: true, urls: urls(version, object),
  };
}

export function describeGlobal(version: string): unknown {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: Object.values(OBJECTS).map((object) => objectFlags(object, version)),
  };
}

export function describeObject(object: SfObjectDef, version: string): unknown {
  return {
    ...objectFlags(object, version),
    fields: object.fields.map(describeField),
    childRelationships: [],
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All leads', name: 'everything' }],
    namedLayoutInfos: [],
    actionOverrides: [],
    listviewable: null,
    lookupLayoutable: null,
    networkScopeFieldName: null,
    sobjectDescribeOption: 'FULL',
  };
}

function describeField(field: SfFieldDef): unknown {
  const numeric = field.type === 'double' || field.type === 'currency';
  return {
    name: field.name, label: field.label, type: field.type, soapType: SOAP_TYPES[field.type], length: field.length,
    byteLength: field.length * 3, precision: numeric ? 18 : 0, scale: numeric ? 2 : 0, digits: field.type === 'int' ? 9 : 0,
    nillable: field.nillable, createable: field.createable, updateable: field.updateable,
    defaultedOnCreate: field.defaultedOnCreate, custom: field.custom, calculated: false, calculatedFormula: null,
    filterable: field.type !== 'textarea', sortable: field.type !== 'textarea' && field.type !== 'multipicklist',
    groupable: !['textarea', 'multipicklist', 'double', 'currency', 'datetime'].includes(field.type),
    unique: false, externalId: false, caseSensitive: false, idLookup: field.type === 'id' || field.name === 'Email',
    nameField: false, encrypted: false, deprecatedAndHidden: false, autoNumber: false, htmlFormatted: false,
    defaultValue: null, inlineHelpText: null,
    picklistValues: field.picklistValues.map((entry) => ({ ...entry, validFor: null })),
    restrictedPicklist: field.restrictedPicklist === true, dependentPicklist: false, controllerName: null,
    referenceTo: field.referenceTo, relationshipName: field.referenceTo.length > 0 ? field.name.replace(/Id$/, '') : null,
  };
}
