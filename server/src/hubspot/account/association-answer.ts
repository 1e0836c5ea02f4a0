// One answer of the v4 associations batch read (`POST /crm/v4/associations/{from}/{to}/batch/read`),
// read from its bytes into flat arrays: each result's contact id, its links (the record's id, whether
// the association is the primary one, the USER_DEFINED type ids that are its labels) and its paging
// cursor. At 100,000 contacts a full fetch reads a hundred of these answers of ~190 KB each; through
// JSON.parse each was one large string and an object for every result, link and association type, most
// of what the companies' read allocated and the top of the fetch's peak (issue 15).
//
// What is read, as HubSpot's reference of the batch read gives the answer
// (https://developers.hubspot.com/docs/api-reference/legacy/crm/associations/associate-records/batch/get-associations):
// `results[]` of `{ from: { id }, to: [{ toObjectId, associationTypes: [{ category, typeId, label }] }], paging: { next: { after } } }`,
// `paging` only when the contact has more. The reference writes `toObjectId` as a string and the API
// sends a number: either is read. Every other field (`status`, `startedAt`, `label` …) is passed over,
// but the whole body must be JSON: a body cut short or malformed is an error, never a partial answer.
//
// `errors`: HubSpot answers a contact with no associations of the type with no result and an error of
// subCategory `crm.associations.NO_ASSOCIATIONS_FOUND` ("No company is associated with contact 1.",
// status 207; HubSpot's reference lists the `errors` items but not this subCategory: it is what the API
// sends, as integrations that read it report). That error means "none" and is passed over. Any other
// error means HubSpot could not read some contact's associations: the answer is then an error naming the
// host, the error's category and message, never those contacts shown with no associations.

import { JsonBytes, JsonSyntaxError, KnownStrings } from '../../files/json-bytes';
import { HubSpotAccountError } from './errors';
import { type BatchErrorItem, type BatchFailures, batchFailuresError, countFailure } from './batch-errors';

/** HubSpot's "Contact with Primary Company" association type (HUBSPOT_DEFINED). */
const PRIMARY_COMPANY_TYPE = 1;
/** The subCategory of the error HubSpot gives a contact without associations of the type: none, not a failure. */
export const NO_ASSOCIATIONS_FOUND = 'crm.associations.NO_ASSOCIATIONS_FOUND';
/** The answer's keys (its errors' too: one per contact without associations) and the types' categories: read as these strings, not made for each item. */
const KNOWN = new KnownStrings(['results', 'from', 'id', 'to', 'toObjectId', 'associationTypes', 'category', 'typeId', 'label', 'paging', 'next', 'after', 'link', 'HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'errors', 'subCategory', 'message', 'status', 'OBJECT_NOT_FOUND', NO_ASSOCIATIONS_FOUND, 'context', 'fromObjectId', 'fromObjectType', 'toObjectType']);
/** The labels of a link without any (shared: most links have none). */
export const NO_LABELS: readonly string[] = Object.freeze([]);

export interface AssociationAnswer {
  /** Each result's contact id, as HubSpot wrote it. */
  from: string[];
  /** Result r's links are `start[r]` up to `start[r + 1]` of the arrays below. */
  start: number[];
  /** Each link's record id. */
  to: string[];
  /** Each link: 1 when it is the primary one (HUBSPOT_DEFINED type 1), else 0. */
  primary: number[];
  /** Each link's labels (the shared NO_LABELS for none). */
  labels: (readonly string[])[];
  /** Result index → the cursor its contact is asked again with (more associations than one answer holds). */
  after: Map<number, string>;
}

/** The answer in `bytes`; an answer without a `results` array, or a result without `from` and `to`, is an error naming `what`. */
export function readAssociationAnswer(bytes: Buffer, host: string, what: string): AssociationAnswer {
  const answer = emptyAnswer();
  const json = new JsonBytes(bytes, KNOWN);
  const top: TopFields = { results: false, failures: { count: 0 } };
  try {
    if (json.peek() === 'object') readTop(json, answer, host, top);
    else json.skipValue();
    json.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw shapeError(`HubSpot at ${host} answered ${what} with something that is not JSON (${error.message})`);
    throw error;
  }
  if (!top.results) throw shapeError(`HubSpot at ${host} answered ${what} without a "results" array`);
  if (top.failures.count > 0) throw batchFailuresError(host, what, top.failures, 'no associations', 'the contacts it names would otherwise show no associations');
  return answer;
}

/** What the top object says besides its results: whether `results` was an array, and its errors other than "no associations". */
interface TopFields {
  results: boolean;
  failures: BatchFailures;
}

function emptyAnswer(): AssociationAnswer {
  return { from: [], start: [0], to: [], primary: [], labels: [], after: new Map() };
}

/** The top object's `results` read into `answer`, and its `errors` counted into `top`. */
function readTop(json: JsonBytes, answer: AssociationAnswer, host: string, top: TopFields): void {
  json.beginObject();
  for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
    if (key === 'errors') {
      // A key given twice: JSON.parse keeps the last, and so does this.
      top.failures = readFailures(json);
      continue;
    }
    if (key !== 'results') {
      json.skipValue();
      continue;
    }
    Object.assign(answer, emptyAnswer());
    top.results = json.peek() === 'array';
    if (!top.results) {
      json.skipValue();
      continue;
    }
    json.beginArray();
    while (json.nextElement()) readResult(json, answer, host);
  }
}

/** The `errors` array's items other than "no associations" (anything that is not an array: none). */
function readFailures(json: JsonBytes): BatchFailures {
  const failures: BatchFailures = { count: 0 };
  if (json.peek() !== 'array') {
    json.skipValue();
    return failures;
  }
  json.beginArray();
  while (json.nextElement()) countFailure(failures, readError(json), (error) => error.subCategory === NO_ASSOCIATIONS_FOUND);
  return failures;
}

/** One error's category, subCategory and message (strings only; an item that is not an object has none). */
function readError(json: JsonBytes): BatchErrorItem {
  const error: BatchErrorItem = {};
  if (!openedObject(json)) return error;
  for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
    if (key === 'category') error.category = readStringOrSkip(json);
    else if (key === 'subCategory') error.subCategory = readStringOrSkip(json);
    else if (key === 'message') error.message = readStringOrSkip(json);
    else json.skipValue();
  }
  return error;
}

function readResult(json: JsonBytes, answer: AssociationAnswer, host: string): void {
  let from: string | undefined;
  let linked = false;
  let after: string | undefined;
  if (json.peek() !== 'object') return malformedResult(host);
  json.beginObject();
  for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
    if (key === 'from') from = readFromId(json);
    else if (key === 'to') {
      // A key given twice: JSON.parse keeps the last, and so does this (the earlier links are taken back).
      if (linked) takeBackLinks(answer);
      linked = json.peek() === 'array';
      if (!linked) json.skipValue();
      else {
        json.beginArray();
        while (json.nextElement()) readLink(json, answer, host);
      }
    } else if (key === 'paging') after = readAfter(json);
    else json.skipValue();
  }
  if (from === undefined || !linked) return malformedResult(host);
  answer.from.push(from);
  answer.start.push(answer.to.length);
  if (after !== undefined) answer.after.set(answer.from.length - 1, after);
}

/** `from.id` (a string or a number, as HubSpot writes either); undefined when there is none. */
function readFromId(json: JsonBytes): string | undefined {
  if (!openedObject(json)) return undefined;
  let id: string | undefined;
  for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
    if (key === 'id') id = idText(json);
    else json.skipValue();
  }
  return id;
}

function readLink(json: JsonBytes, answer: AssociationAnswer, host: string): void {
  let id: string | undefined;
  const types = LINK_TYPES;
  types.primary = 0;
  types.labels = NO_LABELS;
  if (json.peek() === 'object') {
    json.beginObject();
    for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
      if (key === 'toObjectId') id = idText(json);
      else if (key !== 'associationTypes') json.skipValue();
      else if (json.peek() === 'array') readTypes(json, types);
      else {
        // Not a list of types: none, as a reading of JSON.parse's objects would take it.
        json.skipValue();
        types.primary = 0;
        types.labels = NO_LABELS;
      }
    }
  } else json.skipValue();
  if (id === undefined) throw shapeError(`HubSpot at ${host} sent an association without "toObjectId"`);
  answer.to.push(id);
  answer.primary.push(types.primary);
  answer.labels.push(types.labels);
}

/** What one link's types say, filled by readTypes. */
interface LinkTypes {
  primary: number;
  labels: readonly string[];
}

/**
 * The one LinkTypes every link is read into (reading is synchronous, one link at a time): a pair made
 * for each of a 100,000-contact fetch's links, and taken apart again, was a fifth of what reading the
 * associations' answers allocated, in the burst of reads that sets the fetch's peak (issue 15).
 */
const LINK_TYPES: LinkTypes = { primary: 0, labels: NO_LABELS };

/** Whether one of the types is the primary company's, and the USER_DEFINED type ids (the labels), into `into`. */
function readTypes(json: JsonBytes, into: LinkTypes): void {
  let primary = 0;
  let labels: string[] | undefined;
  json.beginArray();
  while (json.nextElement()) {
    if (json.peek() !== 'object') {
      json.skipValue();
      continue;
    }
    let category: unknown;
    let typeId: string | number | undefined;
    json.beginObject();
    for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
      if (key === 'category') category = readStringOrSkip(json);
      else if (key === 'typeId') typeId = typeIdOf(json);
      else json.skipValue();
    }
    if (category === 'USER_DEFINED' && typeId !== undefined) (labels ??= []).push(String(typeId));
    if (category === 'HUBSPOT_DEFINED' && typeId === PRIMARY_COMPANY_TYPE) primary = 1;
  }
  into.primary = primary;
  into.labels = labels ?? NO_LABELS;
}

/** A string value; anything else is passed over (undefined). */
function readStringOrSkip(json: JsonBytes): string | undefined {
  if (json.peek() === 'string') return json.readString();
  json.skipValue();
  return undefined;
}

/** A type id as JSON.parse gives it (a number or a string); anything else is no type id. */
function typeIdOf(json: JsonBytes): string | number | undefined {
  const kind = json.peek();
  if (kind === 'number') return json.readNumber();
  if (kind === 'string') return json.readString();
  json.skipValue();
  return undefined;
}

/** An id (a string, or a number written as String(number) writes it); null, objects and the rest: none. */
function idText(json: JsonBytes): string | undefined {
  const kind = json.peek();
  if (kind === 'string') return json.readString();
  if (kind === 'number') return json.readNumberAsString();
  json.skipValue();
  return undefined;
}

function readAfter(json: JsonBytes): string | undefined {
  if (!openedObject(json)) return undefined;
  let after: string | undefined;
  for (let key = json.nextKey(); key !== undefined; key = json.nextKey()) {
    if (key !== 'next') {
      json.skipValue();
      continue;
    }
    after = undefined;
    if (!openedObject(json)) continue;
    for (let inner = json.nextKey(); inner !== undefined; inner = json.nextKey()) {
      if (inner !== 'after') json.skipValue();
      else if (json.peek() === 'string') after = json.readString() || undefined;
      else if (json.peek() === 'number') after = json.readNumberAsString();
      else {
        json.skipValue();
        after = undefined;
      }
    }
  }
  return after;
}

/** Whether the next value is an object, then begun; any other value is passed over. */
function openedObject(json: JsonBytes): boolean {
  if (json.peek() !== 'object') {
    json.skipValue();
    return false;
  }
  json.beginObject();
  return true;
}

/** The links of a result's earlier `to` (a key HubSpot would never write twice, read as JSON.parse would). */
function takeBackLinks(answer: AssociationAnswer): void {
  const kept = answer.start[answer.start.length - 1];
  answer.to.length = kept;
  answer.primary.length = kept;
  answer.labels.length = kept;
}

function malformedResult(host: string): never {
  throw shapeError(`HubSpot at ${host} sent an association result without "from" and "to"`);
}

/** HubSpot's answer is at fault, not the request: the kind a body that is not JSON gets for every other call (raw-request.ts). */
function shapeError(message: string): HubSpotAccountError {
  return new HubSpotAccountError('server', `${message}.`);
}
