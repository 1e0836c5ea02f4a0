// Hover: what the thing under the cursor is. A property (label, type, field type, description,
// options), a list (type, folder, file, conditions, which lists it uses and is used by), an operator
// phrase (what it matches, the HubSpot operation it becomes), an option value, a sync rule.

import { printExpr, type AssociationLabelRef, type Condition, type EmailEventCondition, type ListNode, type Name, type NamedConditionNode, type PropertyCondition, type Span, type SubscriptionCondition, type SyncNode } from '@hslist/grammar';
import { SYNC_RULES, SYNC_VALUES, normaliseRule } from './checks/sync-block';
import { propertyDocumentation } from './completion-values';
import { emailEventHelp, OPERATOR_HELP, ORDERED_ENUMERATION_HELP, pageViewHelp, subscriptionHelp } from './hover-operators';
import { associationHelp, countHelp } from './hover-associations';
import { anyEmailHelp } from './hover-any-email';
import { formSubmissionHelp } from './hover-forms';
import { adsSeenHelp, ctaHelp, webinarHelp } from './hover-activity';
import { isValidTimeZone } from '../hubspot/compile/time';
import { expandCondition, isOrderedUse, whyNoOrder } from './ordered';
import { listSummary } from './navigation-lists';
import { definitionNameAt, definitionSummary } from './navigation-definitions';
import { matchOption } from './option-match';
import { matchForm } from './schema-forms';
import { pageHover } from './hover-pages';
import { matchSubscription } from './schema-subscriptions';
import { channelOf } from '../hubspot/compile/subscriptions';
import { emailNameMeaning } from './email-names';
import { describeEmailIds, emailsWithId, matchMarketingEmail, type MarketingEmailRef } from './schema-emails';
import { matchLabel } from './association-labels';
import { associationByWord } from './associations';
import { operationFor } from './operators';
import type { ObjectTypeName, PropertyDef, Schema } from './schema-types';
import { listKey } from './symbols';
import { comparedProperties, forEachCondition, operandValues, valueText } from './walk';
import type { WorkspaceAnalysis } from './workspace';
import { propertiesOf } from './schema';

export interface HoverResult {
  markdown: string;
  span: Span;
}

export interface HoverInput {
  analysis: WorkspaceAnalysis;
  path: string;
  offset: number;
  schema: Schema;
  /** The zone of lists without `timezone:` (hslist.json's `timezone`); UTC when absent. */
  defaultTimezone?: string;
  /** How a file path is shown (e.g. relative to the workspace folder). */
  displayPath?: (path: string) => string;
}

const within = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

export function propertyHover(def: PropertyDef | undefined, name: Name, objectType: ObjectTypeName): HoverResult {
  if (!def) return { markdown: `\`${name.text}\`: no such ${objectType === 'contacts' ? 'contact' : 'company'} property in the schema.`, span: name };
  const lines = [propertyDocumentation(def)];
  const options = def.options.filter((o) => !o.hidden);
  if (options.length > 0) {
    lines.push('', '| value | label |', '| --- | --- |');
    for (const o of options.slice(0, 40)) lines.push(`| \`${o.value}\` | ${o.label.replace(/\|/g, '\\|')} |`);
    if (options.length > 40) lines.push('', `… and ${options.length - 40} more options.`);
  }
  return { markdown: lines.join('\n'), span: name };
}

/** What the phrase means; `is after V` on a dropdown or radio property follows its options' order, not time. */
function operatorHelp(c: PropertyCondition, def: PropertyDef | undefined): string {
  const ordered = def !== undefined && isOrderedUse(c, def) && whyNoOrder(def) === undefined;
  return ordered && (c.operator === 'is after' || c.operator === 'is before') ? ORDERED_ENUMERATION_HELP[c.operator] : OPERATOR_HELP[c.operator];
}

function operatorHover(c: PropertyCondition, def: PropertyDef | undefined): HoverResult {
  const expanded = expandCondition(c, def);
  const row = def ? operationFor(c.operator, c.operands.kind, def) : undefined;
  const lines = [`**${c.operator}**: ${operatorHelp(c, def)}`];
  if (expanded) lines.push('', `Here: \`${printExpr(expanded.condition)}\`, in ${def?.label ?? 'the property'}'s order: ${expanded.options.map((o) => o.label || o.value).join(' → ')}.`, '', 'HubSpot: `ENUMERATION` `IS_ANY_OF`.');
  else if (row) lines.push('', `HubSpot: \`${row.operationType}\` \`${row.operator}\`.`);
  if (c.includeUnknown) lines.push('', '`including unknown`: contacts with no value also match.');
  return { markdown: lines.join('\n'), span: c.operatorSpan };
}

function propertyConditionHover(c: PropertyCondition, objectType: ObjectTypeName, input: HoverInput): HoverResult | undefined {
  const def = propertiesOf(input.schema, objectType).get(c.property.text);
  if (within(c.property, input.offset)) return propertyHover(def, c.property, objectType);
  if (within(c.operatorSpan, input.offset)) return operatorHover(c, def);
  const compared = comparedProperties(c).find((name) => within(name, input.offset));
  if (compared) return propertyHover(propertiesOf(input.schema, objectType).get(compared.text), compared, objectType);
  const value = operandValues(c).find((v) => within(v, input.offset));
  const markdown = value && def ? optionHover(def, valueText(value)) : undefined;
  return value && markdown ? { markdown, span: value } : undefined;
}

/** The option a value names, however it is written (id, label, owner name or email), and what HubSpot gets. */
function optionHover(def: PropertyDef, text: string): string | undefined {
  const match = matchOption(def, text);
  if (match.kind !== 'exact' && match.kind !== 'resolved') return undefined;
  const o = match.option;
  const sent = match.kind === 'resolved' ? ` HubSpot gets \`${o.value}\`.` : '';
  if (def.optionsFrom === 'owners') {
    const email = o.description && o.description !== o.label ? ` <${o.description}>` : '';
    return `Owner \`${o.value}\` of ${def.label}: **${o.label}**${email}${o.hidden ? ' (deactivated)' : ''}.${sent}`;
  }
  if (def.optionsFrom === 'teams') return `Team \`${o.value}\` of ${def.label}: **${o.label}**.${sent}`;
  return `Option \`${o.value}\` of ${def.label}: **${o.label}**.${sent}`;
}

function conditionHover(c: Condition, objectType: ObjectTypeName, input: HoverInput, zone: { zone: string; note: string }): HoverResult | undefined {
  if (c.kind === 'property') return propertyConditionHover(c, objectType, input);
  if (c.kind === 'subscription') return subscriptionHover(c, input) ?? { markdown: subscriptionHelp(c), span: c };
  if (c.kind === 'emailEvent' && c.email.by === 'any') return { markdown: anyEmailHelp(c, propertiesOf(input.schema, 'contacts')), span: c };
  if (c.kind === 'emailEvent') return marketingEmailHover(c, input) ?? { markdown: emailEventHelp(c, zone.zone, zone.note), span: c };
  if (c.kind === 'pageView') return { markdown: pageViewHelp(c), span: c };
  if (c.kind === 'webinar') return { markdown: webinarHelp(c), span: c };
  if (c.kind === 'cta') return { markdown: ctaHelp(c, zone.zone, zone.note), span: c };
  if (c.kind === 'adsSeen') return { markdown: adsSeenHelp(c, zone.zone, zone.note), span: c };
  if (c.kind === 'associationCount') return { markdown: countHelp(c), span: c };
  if (c.kind === 'association' && c.label && within(c.label, input.offset)) {
    // The label with its name and id when the labels are pulled; else what the association matches.
    return labelHover(c, c.label, input) ?? { markdown: associationHelp(c), span: c.label };
  }
  if (c.kind === 'association' && within(c.objectType, input.offset)) return { markdown: associationHelp(c), span: c.objectType };
  if (c.kind === 'inList' && c.target.by === 'name' && within(c.target, input.offset)) return listHover(c.target.text, c.target, input);
  if (c.kind === 'formSubmission' && c.formId && within(c.formId, input.offset)) return formHover(c.formId.text, c.formId, input);
  if (c.kind === 'formSubmission' && c.page && within(c.page, input.offset)) return pageHover(c.page, input.schema.pages);
  if (c.kind === 'formSubmission') return { markdown: formSubmissionHelp(c, zone.zone, zone.note), span: c };
  return undefined;
}

/** The zone a list's dates are read in, as the compiler reads them: its `timezone:`, else the workspace's default zone, else UTC. */
function hoverZone(list: ListNode | NamedConditionNode, defaultZone: string | undefined): { zone: string; note: string } {
  const value = list.kind === 'list' ? list.settings.find((s) => s.key.text === 'timezone')?.value : undefined;
  const zone = value && (value.kind === 'string' || value.kind === 'word') ? value.value : undefined;
  if (zone && isValidTimeZone(zone)) return { zone, note: `dates in ${zone}, the list's zone` };
  if (defaultZone && defaultZone !== 'UTC' && isValidTimeZone(defaultZone)) return { zone: defaultZone, note: `dates in ${defaultZone}, the workspace's zone (hslist.json) for a list without \`timezone:\`` };
  return { zone: 'UTC', note: 'dates in UTC, the zone of a list without `timezone:` when hslist.json sets none' };
}

/** The association label a name or id stands for (with the pulled labels), and the type id HubSpot gets. */
function labelHover(c: Extract<Condition, { kind: 'association' }>, ref: AssociationLabelRef, input: HoverInput): HoverResult | undefined {
  const kind = associationByWord(c.objectType.text);
  if (!kind) return undefined;
  const match = matchLabel(ref, kind.object, input.schema);
  const label = match.kind === 'name' || match.kind === 'id' ? match.label : undefined;
  if (!label) return undefined;
  const sent = match.kind === 'name' ? ` HubSpot's association branch gets type id ${label.typeId}.` : '';
  return { markdown: `Association label **${label.label}** (contact → ${kind.word}, ${label.category}): id #${label.typeId}.${sent}`, span: ref };
}

/** The marketing email a name or id under the cursor stands for, with its ids, subject and state (marketing-emails.json). */
function marketingEmailHover(c: EmailEventCondition, input: HoverInput): HoverResult | undefined {
  const emails = input.schema.marketingEmails;
  if (c.email.by === 'name') {
    if (!within(c.email.name, input.offset)) return undefined;
    const match = matchMarketingEmail(c.email.name.text, emails);
    if (match.kind !== 'name') return undefined;
    const meaning = emailNameMeaning(c, emails);
    const compiled = meaning && !('problem' in meaning)
      ? `HubSpot gets: \`EMAIL_EVENT\` with \`emailId\` ${meaning.campaignIds.map((id) => `\`${id}\``).join(' or ')} and \`appId\` \`${meaning.appId.text}\`: its email campaign ids (HubSpot's documents do not say which of these ids EMAIL_EVENT takes; read as the email campaign id, Assumed).`
      : `Not compiled: ${meaning && 'problem' in meaning ? meaning.problem : 'no campaign id'}.`;
    return { markdown: `${emailSummary(match.email)}\n\n${compiled}`, span: c.email.name };
  }
  if (c.email.by !== 'ids' || !within(c.email.emailId, input.offset)) return undefined;
  const found = emailsWithId(c.email.emailId.text, emails);
  if (found.length === 0) return undefined;
  const id = c.email.emailId.text;
  return { markdown: found.map((f) => `#${id} is the ${f.as} of ${emailSummary(f.email)}`).join('\n\n'), span: c.email.emailId };
}

function emailSummary(email: MarketingEmailRef): string {
  const state = [email.state, email.archived ? 'archived' : ''].filter(Boolean).join(', ');
  return `Marketing email **${email.name}**${state ? ` (${state})` : ''}: id ${describeEmailIds(email)}${email.subject ? `, subject "${email.subject}"` : ''}.`;
}

/** The subscription definition a name or id under the cursor stands for (subscriptions.json), and the id HubSpot gets. */
function subscriptionHover(c: SubscriptionCondition, input: HoverInput): HoverResult | undefined {
  const ref = c.subscriptions.find((s) => within(s, input.offset));
  const channel = channelOf(c);
  if (!ref || !channel) return undefined;
  const match = matchSubscription(ref, channel, input.schema.subscriptions);
  const def = match.kind === 'name' || match.kind === 'id' ? match.definition : undefined;
  if (!def) return undefined;
  const facts = [
    `id \`${def.id}\``,
    def.communicationMethod ? `channel ${def.communicationMethod.toLowerCase()}` : 'channel not given by HubSpot',
    def.archived ? 'inactive' : undefined,
    def.businessUnitId ? `business unit ${def.businessUnitId}` : undefined,
  ].filter((f) => f !== undefined);
  const sent = match.kind === 'name' ? ` HubSpot's filter gets its id \`${def.id}\`.` : '';
  const description = def.description ? `\n\n${def.description}` : '';
  return { markdown: `Subscription **${def.name}**: ${facts.join(', ')}.${sent}${description}`, span: ref };
}

/** The form a name or id stands for (with the pulled forms), and the id HubSpot gets. */
function formHover(text: string, span: Span, input: HoverInput): HoverResult | undefined {
  const match = matchForm(text, input.schema.forms);
  const form = match.kind === 'name' ? match.form : match.kind === 'id' ? match.form : undefined;
  if (!form) return undefined;
  const archived = form.archived ? ' (archived)' : '';
  const sent = match.kind === 'name' ? ` HubSpot's filter gets its id \`${form.id}\`.` : '';
  return { markdown: `Form **${form.name}**${archived}: id \`${form.id}\`, type ${form.formType}.${sent}`, span };
}

function listHover(name: string, span: Span, input: HoverInput): HoverResult {
  const symbol = input.analysis.lists.get(listKey(name))?.[0];
  if (!symbol) return { markdown: `List "${name}" is not defined in the workspace.`, span };
  return { markdown: listSummary(input.analysis, symbol, input.displayPath), span };
}

function inListHover(list: ListNode | NamedConditionNode, input: HoverInput): HoverResult | undefined {
  if (list.kind === 'list' && within(list.name, input.offset)) return listHover(list.name.text, list.name, input);
  let found: HoverResult | undefined;
  forEachCondition(list.where, 'contacts', (c, objectType) => {
    if (!found && within(c, input.offset)) found = conditionHover(c, objectType, input, hoverZone(list, input.defaultTimezone));
  });
  return found;
}

function syncHover(sync: SyncNode, input: HoverInput): HoverResult | undefined {
  for (const s of sync.settings) {
    const value = s.value;
    if (!value || !within(value, input.offset)) continue;
    if (s.key.text === 'inclusion list' && value.kind === 'string') return listHover(value.value, value, input);
    const ui = value.kind === 'word' ? SYNC_VALUES[s.key.text]?.[value.value] : undefined;
    if (ui) return { markdown: `HubSpot setting: **"${ui}"**`, span: value };
  }
  for (const m of sync.mappings) {
    if (within(m.hubspotProperty, input.offset)) return propertyHover(input.schema.objects.contacts.get(m.hubspotProperty.text), m.hubspotProperty, 'contacts');
    const rule = m.rule && (m.rule.kind === 'string' || m.rule.kind === 'word') ? SYNC_RULES[normaliseRule(m.rule.value)] : undefined;
    if (m.rule && rule && within(m.rule, input.offset)) return { markdown: `Sync rule: **${rule}**`, span: m.rule };
  }
  return undefined;
}

/** The hover at `offset` of the file at `path`, or undefined. Never throws on a broken tree. */
export function hoverAt(input: HoverInput): HoverResult | undefined {
  const file = input.analysis.files.get(input.path);
  if (!file) return undefined;
  const named = definitionNameAt(input.analysis, input.path, input.offset);
  if (named) return { markdown: definitionSummary(input.analysis, named.kind, named.name, input.displayPath), span: named.span };
  for (const list of [...file.tree.lists, ...(file.tree.conditions ?? [])]) if (within(list, input.offset)) return inListHover(list, input);
  for (const sync of file.tree.syncBlocks) if (within(sync, input.offset)) return syncHover(sync, input);
  return undefined;
}
