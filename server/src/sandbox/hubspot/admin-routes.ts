// Test-only endpoints under /__emulator/: seed or reset the portal, add records, arm faults, move the
// clock, read the request log. No auth, not rate limited, not logged.

import { newestChange, type LinkedRecord, type PortalContact } from '../data/hubspot-records';
import { asArray, asJson, type Json } from './evaluate-types';
import { faultProblem } from './fault-check';
import type { Fault, FaultInjector, FaultType } from './faults';
import { ok, route, validationError, type Route } from './http-kit';
import type { EmulatorState } from './state';

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  query: string;
  /** Request headers without Authorization. */
  headers: Record<string, string>;
  /**
   * SHA-256 (hex) of the bearer token the request carried, absent without one: tests can tell whether
   * a given token arrived (hash it and compare) while the log never holds a token.
   */
  bearerSha256?: string;
  body: unknown;
  /** The status sent; `reset`: the connection was closed unanswered; `held`: never answered. */
  status?: number | 'reset' | 'held';
  /** The fault that shaped the answer, if any (a delay alone is not named). */
  fault?: FaultType;
  /** The real handler's status when it ran under a fault (e.g. `reset` with `after`: 200, the list was created). */
  handled?: number;
}

export interface EmulatorControl {
  state: EmulatorState;
  faults: FaultInjector;
  requests: LoggedRequest[];
  seed(seed: number, contacts: number): void;
  reset(): void;
  advanceClock(ms: number): void;
}

export function adminRoutes(control: EmulatorControl): Route[] {
  return [
    route('GET', '/__emulator/requests', () => ok({ requests: control.requests })),
    route('DELETE', '/__emulator/requests', () => {
      control.requests.length = 0;
      return { status: 204 };
    }),
    route('POST', '/__emulator/reset', () => {
      control.reset();
      return { status: 204 };
    }),
    route('POST', '/__emulator/seed', (r) => {
      const body = asJson(r.body);
      control.seed(Number(body.seed ?? 1), Number(body.contacts ?? 100));
      return ok(summary(control.state));
    }),
    route('GET', '/__emulator/state', () => ok(summary(control.state))),
    route('POST', '/__emulator/contacts', (r) => {
      for (const input of asArray(asJson(r.body).contacts)) control.state.upsertContact(contactFrom(asJson(input), control.state.now()));
      return ok(summary(control.state));
    }),
    route('POST', '/__emulator/faults', (r) => {
      const faults = Array.isArray(r.body) ? r.body : [r.body];
      const problem = faults.map(faultProblem).find((p) => p !== undefined);
      if (problem) return validationError(problem);
      for (const fault of faults) control.faults.add(fault as Fault);
      return ok({ faults: control.faults.pending() });
    }),
    route('DELETE', '/__emulator/faults', () => {
      control.faults.clear();
      return { status: 204 };
    }),
    route('POST', '/__emulator/clock', (r) => {
      control.advanceClock(Number(asJson(r.body).advanceMs ?? 0));
      return ok({ now: new Date(control.state.now()).toISOString() });
    }),
  ];
}

function summary(state: EmulatorState): Json {
  return { contacts: state.contacts.size, companies: state.companies.size, lists: state.lists.size, folders: state.folders.count(), schema: state.schema.source };
}

/** A hand-written contact: `{id, properties, history?, companyIds?, companyLabels?, formSubmissions?, subscriptions?, emailEvents?, pageViews?, webinars?, ctaEvents?, adViews?, deals?, tickets?}`. */
export function contactFrom(input: Json, nowMs: number): PortalContact {
  const at = new Date(nowMs).toISOString();
  const id = String(input.id);
  const properties: Record<string, string | null> = { ...(asJson(input.properties) as Record<string, string | null>), hs_object_id: id };
  const history = asJson(input.history) as PortalContact['history'];
  // A `lastmodifieddate` older than a change the history records is raised to it, as HubSpot keeps it.
  const newest = newestChange(history);
  if (properties.lastmodifieddate && Date.parse(properties.lastmodifieddate) < newest) properties.lastmodifieddate = new Date(newest).toISOString();
  return {
    id,
    properties,
    history,
    createdAt: String(properties.createdate ?? at),
    updatedAt: String(properties.lastmodifieddate ?? at),
    archived: input.archived === true,
    companyIds: asArray(input.companyIds).map(String),
    formSubmissions: asArray(input.formSubmissions) as PortalContact['formSubmissions'],
    ...(input.subscriptions !== undefined ? { subscriptions: asArray(input.subscriptions) as PortalContact['subscriptions'] } : {}),
    ...(input.emailEvents !== undefined ? { emailEvents: asArray(input.emailEvents) as PortalContact['emailEvents'] } : {}),
    ...(input.pageViews !== undefined ? { pageViews: asArray(input.pageViews) as PortalContact['pageViews'] } : {}),
    ...(input.webinars !== undefined ? { webinars: asArray(input.webinars) as PortalContact['webinars'] } : {}),
    ...(input.ctaEvents !== undefined ? { ctaEvents: asArray(input.ctaEvents) as PortalContact['ctaEvents'] } : {}),
    ...(input.adViews !== undefined ? { adViews: asArray(input.adViews) as PortalContact['adViews'] } : {}),
    ...(input.companyLabels !== undefined ? { companyLabels: companyLabelsFrom(input.companyLabels) } : {}),
    ...(input.deals !== undefined ? { deals: asArray(input.deals).map(linkedFrom) } : {}),
    ...(input.tickets !== undefined ? { tickets: asArray(input.tickets).map(linkedFrom) } : {}),
    staticListNames: [],
  };
}

/** `{"<companyId>": ["<typeId>", …]}`: labels of the contact's company associations. */
function companyLabelsFrom(input: unknown): Record<string, string[]> {
  return Object.fromEntries(Object.entries(asJson(input)).map(([id, labels]) => [id, asArray(labels).map(String)]));
}

/** `{id, properties, associationLabels?}`: an associated deal or ticket of a hand-written contact. */
function linkedFrom(input: unknown): LinkedRecord {
  const o = asJson(input);
  const labels = asArray(o.associationLabels).map(String);
  return { id: String(o.id), properties: asJson(o.properties) as Record<string, string | null>, ...(labels.length > 0 ? { associationLabels: labels } : {}) };
}
