// Checks on the subscriptions of `opted in to email subscription …`: HubSpot's EMAIL_SUBSCRIPTION and
// COMMUNICATION_SUBSCRIPTION filters take ids. A file may name the subscription instead when the portal's
// definitions are pulled (subscriptions.json); the compiler then writes its id.
//   `subscription-not-id` (error): a name while no definitions are pulled, so it could not be sent;
//   `unknown-subscription` (error): a name no pulled definition has (did-you-mean); (warning) an id none has;
//   `ambiguous-subscription` (error): a name two live definitions of the channel share (a fix per id);
//   `subscription-channel` (error): a name only definitions of another channel have; (warning) an id of one;
//   `inactive-subscription` (warning): the definition is not active (archived) in HubSpot.

import { diagnostic, type Diagnostic, type SubscriptionCondition, type SubscriptionRef } from '@hslist/grammar';
import { suggest, withDidYouMean } from '../did-you-mean';
import { clip } from '../clip';
import { channelOf, type Channel } from '../../hubspot/compile/subscriptions';
import { channelOfDefinition, describeSubscription, matchSubscription, type SubscriptionDef } from '../schema-subscriptions';
import { allConditions, quoteString } from '../walk';
import { replaceFixes, type FileCheckContext } from './context';

const PULL = 'run hslist schema pull (or "hslist: Refresh schema")';

function inactive(def: SubscriptionDef, ref: SubscriptionRef): Diagnostic {
  const message = `Subscription ${describeSubscription(def)} is not active in HubSpot (archived); contacts keep their statuses, but no one can subscribe to it any more.`;
  return diagnostic('inactive-subscription', message, ref, 'warning');
}

function idProblems(ref: SubscriptionRef, def: SubscriptionDef | undefined, channel: Channel, definitions: readonly SubscriptionDef[]): Diagnostic[] {
  if (!def) {
    const message = `No subscription #${ref.text} among the portal's ${definitions.length} subscription definitions pulled into the schema; HubSpot matches no status of it unless the subscription is newer than the pull or of a business unit it did not see (hslist schema pull).`;
    return [diagnostic('unknown-subscription', message, ref, 'warning')];
  }
  const own = channelOfDefinition(def);
  if (own && own !== channel) {
    const message = `Subscription ${describeSubscription(def)} is for ${own}, not ${channel}: its status under ${channel} would match no one.`;
    return [diagnostic('subscription-channel', message, ref, 'warning')];
  }
  return def.archived ? [inactive(def, ref)] : [];
}

function refProblems(ref: SubscriptionRef, channel: Channel, definitions: readonly SubscriptionDef[] | undefined, ctx: FileCheckContext): Diagnostic[] {
  const match = matchSubscription(ref, channel, definitions);
  switch (match.kind) {
    case 'id':
      return definitions ? idProblems(ref, match.definition, channel, definitions) : [];
    case 'name':
      return match.definition.archived ? [inactive(match.definition, ref)] : [];
    case 'no-catalogue': {
      const message = `HubSpot's subscription filters take subscription ids (such as #81537745), and no subscription definitions are pulled to find "${clip(ref.text)}" in. Write the id (HubSpot shows it in the settings of the portal's subscription types), or ${PULL} so subscriptions can be named.`;
      return [diagnostic('subscription-not-id', message, ref, 'error')];
    }
    case 'ambiguous': {
      const message = `"${clip(ref.text)}" names ${match.definitions.length} ${channel} subscriptions: ${match.definitions.map(describeSubscription).join(', ')}. Write the id of the one you mean.`;
      const fixes = replaceFixes(ref, match.definitions.map((d) => ({ value: d.id, distance: 0, matched: ref.text })), (id) => `#${id}`);
      return [diagnostic('ambiguous-subscription', message, ref, 'error', fixes)];
    }
    case 'other-channel': {
      const message = `No ${channel} subscription is named "${clip(ref.text)}": ${match.definitions.map(describeSubscription).join(', ')} ${match.definitions.length === 1 ? 'is' : 'are'} for another channel.`;
      return [diagnostic('subscription-channel', message, ref, 'error')];
    }
    case 'unknown': {
      const candidates = (definitions ?? []).filter((d) => !d.archived && (channelOfDefinition(d) ?? channel) === channel).map((d) => ({ value: d.name }));
      const suggestions = suggest(ref.text, candidates, 3, ctx.suggestBudget);
      const message = withDidYouMean(`No ${channel} subscription named "${clip(ref.text)}" among the portal's ${definitions?.length ?? 0} subscription definitions pulled into the schema`, suggestions, (v) => `"${v}"`);
      return [diagnostic('unknown-subscription', message, ref, 'error', replaceFixes(ref, suggestions, quoteString))];
    }
  }
}

export function checkSubscriptions(ctx: FileCheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { condition } of allConditions(ctx.file)) {
    if (condition.kind !== 'subscription') continue;
    // An unknown channel is the conditions check's `unknown-channel`.
    const channel = channelOf(condition as SubscriptionCondition);
    if (!channel) continue;
    for (const ref of (condition as SubscriptionCondition).subscriptions) out.push(...refProblems(ref, channel, ctx.schema.subscriptions, ctx));
  }
  return out;
}
