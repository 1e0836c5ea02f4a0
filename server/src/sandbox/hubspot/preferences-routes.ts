// Communication Preferences v4 (HubSpot's spec PublicApiSpecs/Communication Preferences/Subscriptions/Rollouts/176901/v4/subscriptions.json):
// `GET /communication-preferences/v4/definitions` (the portal's subscription types, as ActionResponseWithResults
// of SubscriptionDefinition, `businessUnitId` filtering them, `includeTranslations` adding an empty list), and
// the two batch reads the live preview uses:
// `POST /communication-preferences/v4/statuses/batch/read?channel=EMAIL` (each subscriber's status per
// email subscription) and `…/statuses/batch/unsubscribe-all/read?channel=EMAIL` (the portal-wide status).
// Subscribers are email addresses (`subscriberIdString`). `channel` takes only EMAIL, as the spec's enum
// says. An address no contact holds is an error of the batch (207 with `errors`), the others are answered.
// The emulator's statuses are those set by hand on a contact (admin route): OPT_IN, OPT_OUT and NOT_OPTED
// go on the wire as SUBSCRIBED, UNSUBSCRIBED and NOT_SPECIFIED; an EMAIL status without a subscription
// id is the portal-wide one.

import type { PortalContact, SubscriptionStatus } from '../data/hubspot-records';
import { SANDBOX_SUBSCRIPTIONS, type SandboxSubscription } from '../data/hubspot-subscriptions';
import { asArray, asJson } from './evaluate-types';
import { batchAnswer, ok, route, validationError, type Route, type RouteRequest, type RouteResult } from './http-kit';
import type { EmulatorState } from './state';

const WIRE_STATUS: Record<SubscriptionStatus['status'], string> = { OPT_IN: 'SUBSCRIBED', OPT_OUT: 'UNSUBSCRIBED', NOT_OPTED: 'NOT_SPECIFIED' };

type Answer = (contact: PortalContact, subscriber: string, at: string) => Record<string, unknown>;

const CREATED = '2024-01-15T09:00:00.000Z';

export function preferencesRoutes(state: EmulatorState, definitions: readonly SandboxSubscription[] = SANDBOX_SUBSCRIPTIONS): Route[] {
  const nameOf = (id: string) => definitions.find((d) => d.id === id)?.name ?? `Subscription ${id}`;
  return [
    route('GET', '/communication-preferences/v4/definitions', (r) => {
      const unit = r.query.get('businessUnitId');
      if (unit !== null && !/^\d+$/.test(unit)) return validationError(`businessUnitId must be an integer; got "${unit}".`, [{ message: 'businessUnitId must be an integer', in: 'businessUnitId' }]);
      // Every sandbox subscription belongs to the default business unit, 0.
      const results = unit === null || unit === '0' ? definitions.map((d) => definitionView(d, r.query.get('includeTranslations') === 'true')) : [];
      const at = new Date(state.now()).toISOString();
      return ok({ status: 'COMPLETE', results, requestedAt: at, startedAt: at, completedAt: at });
    }),
    route('POST', '/communication-preferences/v4/statuses/batch/read', (r) => batchRead(state, r, (contact, subscriber, at) => ({
      subscriberIdString: subscriber,
      statuses: emailStatuses(contact).filter((s) => s.subscriptionId !== undefined).map((s) => ({
        channel: 'EMAIL', source: 'Set by the emulator', status: WIRE_STATUS[s.status], subscriberIdString: subscriber,
        subscriptionId: Number(s.subscriptionId), subscriptionName: nameOf(s.subscriptionId as string), timestamp: at,
      })),
    }))),
    route('POST', '/communication-preferences/v4/statuses/batch/unsubscribe-all/read', (r) => batchRead(state, r, (contact, subscriber, at) => ({
      subscriberIdString: subscriber,
      wideStatuses: emailStatuses(contact).filter((s) => s.subscriptionId === undefined).map((s) => ({
        channel: 'EMAIL', status: WIRE_STATUS[s.status], subscriberIdString: subscriber, timestamp: at, wideStatusType: 'PORTAL_WIDE',
      })),
    }))),
  ];
}

function definitionView(d: SandboxSubscription, translations: boolean): Record<string, unknown> {
  return { ...d, businessUnitId: 0, isDefault: false, isInternal: false, createdAt: CREATED, updatedAt: CREATED, ...(translations ? { subscriptionTranslations: [] } : {}) };
}

function emailStatuses(contact: PortalContact): SubscriptionStatus[] {
  return (contact.subscriptions ?? []).filter((s) => s.channel === 'EMAIL');
}

function batchRead(state: EmulatorState, request: RouteRequest, answer: Answer): RouteResult {
  const channel = request.query.get('channel');
  if (channel !== 'EMAIL') return validationError(`channel must be EMAIL; got "${channel ?? ''}".`, [{ message: 'channel must be EMAIL', in: 'channel' }]);
  const inputs = asArray(asJson(request.body).inputs);
  if (inputs.length === 0 || inputs.some((i) => typeof i !== 'string')) return validationError('inputs must be a non-empty array of email addresses.');
  const byEmail = contactsByEmail(state);
  const at = new Date(state.now()).toISOString();
  const results: Record<string, unknown>[] = [];
  const errors: Record<string, unknown>[] = [];
  for (const subscriber of inputs as string[]) {
    const contact = byEmail.get(subscriber.toLowerCase());
    if (contact) results.push(answer(contact, subscriber, at));
    else errors.push({ status: 'error', category: 'OBJECT_NOT_FOUND', message: `No contact has the email address ${subscriber}.`, context: { subscriberIdString: [subscriber] }, errors: [], links: {} });
  }
  const envelope = { status: 'COMPLETE', results, requestedAt: at, startedAt: at, completedAt: at };
  return batchAnswer(envelope, errors);
}

function contactsByEmail(state: EmulatorState): Map<string, PortalContact> {
  const found = new Map<string, PortalContact>();
  for (const contact of state.contacts.values()) {
    const email = contact.properties.email;
    if (!contact.archived && email) found.set(email.toLowerCase(), contact);
  }
  return found;
}
