// The Metadata API's CRUD calls on POST /services/Soap/m/vXX.X, as jsforce's `conn.metadata` sends them:
// readMetadata, createMetadata and updateMetadata of CustomField components on Lead and Contact (at most 10
// a call). The session id comes in the SOAP header; a bad one is Salesforce's INVALID_SESSION_ID fault. Each
// call counts against the daily request budget, as REST calls do.

import type { TakenFaults } from './faults';
import { createCustomField, readCustomField, updateCustomField, type SaveError } from './metadata-fields';
import { child, many, soapFault, soapResult, text, type SoapReply, type SoapRequest, type XmlOut } from './soap-xml';
import type { SalesforceOrgState } from './state';

const MAX_COMPONENTS = 10;
const SUPPORTED_TYPE = 'CustomField';

export function handleMetadataCall(state: SalesforceOrgState, request: SoapRequest, faults: TakenFaults): SoapReply {
  if (request.sessionId === undefined || !state.tokens.has(request.sessionId)) {
    return soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session');
  }
  if (state.apiUsage >= state.dailyRequestLimit) return soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  state.apiUsage++;
  switch (request.call) {
    case 'readMetadata': return readMetadata(state, request);
    case 'createMetadata':
    case 'updateMetadata': return writeMetadata(state, request, faults);
    default: return soapFault('INVALID_OPERATION', `the emulator does not answer the Metadata API call ${request.call}`, 'soapenv:Client');
  }
}

function readMetadata(state: SalesforceOrgState, request: SoapRequest): SoapReply {
  const type = text(request.args.type);
  if (type !== SUPPORTED_TYPE) return soapFault('INVALID_TYPE', `the emulator reads only ${SUPPORTED_TYPE} components, not ${type ?? '(none)'}`);
  const names = many(request.args.fullNames).map((n) => text(n) ?? '');
  if (names.length > MAX_COMPONENTS) return soapFault('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COMPONENTS} records in a single call`);
  // Fields the user cannot see are still read: the Metadata API is not subject to field-level security.
  return soapResult('readMetadata', { records: names.map((name) => readCustomField(state.schema, name)) });
}

function writeMetadata(state: SalesforceOrgState, request: SoapRequest, faults: TakenFaults): SoapReply {
  const components = many(request.args.metadata).map(child);
  if (components.length > MAX_COMPONENTS) return soapFault('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_COMPONENTS} records in a single call`);
  const results: XmlOut[] = [];
  for (const component of components) {
    const fullName = component ? text(component.fullName) ?? '' : '';
    const type = component?.$?.['xsi:type']?.replace(/^.*:/, '');
    if (!component || type !== SUPPORTED_TYPE) {
      results.push(saveResult(fullName, { statusCode: 'INVALID_TYPE', message: `the emulator writes only ${SUPPORTED_TYPE} components, not ${type ?? '(no xsi:type)'}` }));
      continue;
    }
    if (faults.refusal) { results.push(saveResult(fullName, faults.refusal)); continue; }
    if (faults.ignoreWrite) { results.push(saveResult(fullName)); continue; }
    const done = request.call === 'createMetadata' ? createCustomField(state.schema, component) : updateCustomField(state.schema, component);
    if ('statusCode' in done) { results.push(saveResult(fullName, done)); continue; }
    if (request.call === 'createMetadata' && !state.newFieldsVisible) state.hiddenFields.add(`${done.object}.${done.field.name}`.toLowerCase());
    results.push(saveResult(`${done.object}.${done.field.name}`));
  }
  return soapResult(request.call, results);
}

function saveResult(fullName: string, error?: SaveError): XmlOut {
  return error ? { errors: [{ message: error.message, statusCode: error.statusCode }], fullName, success: false } : { fullName, success: true };
}
