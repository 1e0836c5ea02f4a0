// Salesforce's way of reporting a problem at a place in a query: the offending line, a caret under the
// column, "ERROR at Row:R:Column:C", then the description.

import type { SoqlError } from './ast';

export function positionedMessage(source: string, offset: number, description: string): string {
  const before = source.slice(0, offset);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = offset - lineStart + 1;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd);
  return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${description}`;
}

export function soqlError(code: SoqlError['errorCode'], source: string, offset: number, description: string): SoqlError {
  return { errorCode: code, message: positionedMessage(source, offset, description) };
}

export function noSuchColumn(source: string, offset: number, field: string, object: string): SoqlError {
  return soqlError('INVALID_FIELD', source, offset,
    `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to ` +
    `append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
}

export function unsupportedObject(source: string, offset: number, object: string): SoqlError {
  return soqlError('INVALID_TYPE', source, offset,
    `sObject type '${object}' is not supported. If you are attempting to use a custom object, be sure to append ` +
    `the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`);
}
