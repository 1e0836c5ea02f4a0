// Salesforce's SOAP dialect for the Metadata API endpoint (/services/Soap/m/vXX.X): reading a request
// envelope (the session id in `SessionHeader`, one call element in the body) and writing answers and faults
// as the Metadata API WSDL shapes them (namespace http://soap.sforce.com/2006/04/metadata, `xsi:type` on
// each component, `xsi:nil` for an absent one). Faults are HTTP 500 with `sf:<CODE>` and "CODE: message".

import type { ServerResponse } from 'node:http';
import { parseStringPromise, processors } from 'xml2js';

export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue | Record<string, string> | undefined;
  /** Attributes (xml2js's key), e.g. `{"xsi:type": "CustomField"}`. */
  $?: Record<string, string>;
}

export interface SoapRequest {
  /** The call: `readMetadata`, `createMetadata`, … */
  call: string;
  args: XmlElement;
  sessionId?: string;
}

function isElement(value: unknown): value is XmlElement {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request envelope, or a sentence saying why it is none. */
export async function readSoapRequest(body: string): Promise<SoapRequest | { error: string }> {
  let parsed: unknown;
  try {
    parsed = await parseStringPromise(body, { explicitArray: false, tagNameProcessors: [processors.stripPrefix] });
  } catch (error) {
    return { error: `the request is not XML: ${(error as Error).message.split('\n')[0]}` };
  }
  const envelope = isElement(parsed) ? parsed.Envelope : undefined;
  const soapBody = isElement(envelope) ? envelope.Body : undefined;
  if (!isElement(soapBody)) return { error: 'the request has no SOAP Envelope with a Body' };
  const call = Object.keys(soapBody).find((key) => key !== '$');
  if (call === undefined) return { error: 'the SOAP Body names no call' };
  const header = isElement(envelope) ? envelope.Header : undefined;
  const session = isElement(header) && isElement(header.SessionHeader) ? header.SessionHeader.sessionId : undefined;
  const args = soapBody[call];
  return { call, args: isElement(args) ? args : {}, ...(typeof session === 'string' ? { sessionId: session } : {}) };
}

/** Repeated elements come as an array, a single one as itself: always a list here. */
export function many(value: XmlValue | Record<string, string> | undefined): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as XmlValue];
}

/** The text of a leaf element (`<label>Region</label>` → "Region"); undefined when absent or not a leaf. */
export function text(value: XmlValue | Record<string, string> | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isElement(value) && typeof value._ === 'string') return value._;
  if (isElement(value) && Object.keys(value).every((k) => k === '$')) return value.$?.['xsi:nil'] === 'true' ? undefined : '';
  return undefined;
}

export function child(value: XmlValue | Record<string, string> | undefined): XmlElement | undefined {
  return isElement(value) ? value : undefined;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** What an answer is made of: a leaf, a list (repeated elements), or an element with children and attributes. */
export type XmlOut = string | number | boolean | null | XmlOut[] | { [name: string]: XmlOut | undefined; '@'?: Record<string, string> };

export function toXml(name: string, value: XmlOut | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (typeof value !== 'object') return `<${name}>${escape(String(value))}</${name}>`;
  const attributes = Object.entries(value['@'] ?? {}).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const children = Object.entries(value).filter(([k]) => k !== '@').map(([k, v]) => toXml(k, v as XmlOut | undefined)).join('');
  return `<${name}${attributes}>${children}</${name}>`;
}

function envelope(body: string): string {
  return '<?xml version="1.0" encoding="UTF-8"?>'
    + `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="${METADATA_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export interface SoapReply {
  status: number;
  xml: string;
}

/** `<{call}Response><result>…</result></{call}Response>`, one `result` element per item. */
export function soapResult(call: string, results: XmlOut[] | XmlOut): SoapReply {
  return { status: 200, xml: envelope(toXml(`${call}Response`, { result: results })) };
}

/** `prefix`: `sf` for Salesforce's own codes, `soapenv:Client` for a request the endpoint cannot read. */
export function soapFault(errorCode: string, message: string, prefix = 'sf'): SoapReply {
  const code = prefix === 'sf' ? `sf:${errorCode}` : prefix;
  return { status: 500, xml: envelope(`<soapenv:Fault><faultcode>${escape(code)}</faultcode><faultstring>${escape(`${errorCode}: ${message}`)}</faultstring></soapenv:Fault>`) };
}

export function sendSoap(res: ServerResponse, reply: SoapReply): void {
  res.writeHead(reply.status, { 'Content-Type': 'text/xml;charset=UTF-8', 'Content-Length': Buffer.byteLength(reply.xml) });
  res.end(reply.xml);
}
