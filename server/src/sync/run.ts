// One entry point for the CLI and the language server: the workspace's sync block, the preview's loaded
// contacts and the Salesforce records → the simulator's input. The inclusion list is judged by the preview's
// own evaluator (so the simulator and `hslist preview` agree on who is in it); a contact that does not exist
// yet (made from a Salesforce record, or by an import) is judged by the reference interpreter.

import type { ListNode } from '@hslist/grammar';
import type { SalesforceSchema } from '../language/salesforce-schema';
import { needsValueOnCreate } from '../salesforce/field-model';
import { CompiledEvaluator, type TriSet } from '../preview/compiled';
import { resolveHistoryFilters } from '../preview/hubspot/history-overlay';
import { evaluateContact } from '../preview/reference';
import { answerablePlan, findList, type PreviewData, type PreviewWorkspace } from '../preview/run';
import { planForList, type PlanWorkspace } from '../preview/run-plan';
import type { Tri } from '../preview/types';
import { contactsFromStore } from './contacts';
import type { SimulationInput } from './context';
import { mappedProperties, mappingsByObject, type MappingsByObject } from './mappings';
import type { SalesforceData } from './salesforce-data';
import type { SalesforceObject, SyncSettings } from './settings';

/** Contact properties the simulator reads besides the lists' own: every mapped property and the last change. */
export function syncProperties(mappings: MappingsByObject): string[] {
  return [...mappedProperties(mappings), 'lastmodifieddate'];
}

/**
 * The mapped HubSpot properties (of the portal's schema) the loaded contact data holds no column for. A
 * live load reads only the properties asked for: simulated without one, every contact would look blank
 * there (creates failing for a required field), a wrong count; the caller says the data is not ready instead.
 */
export function propertiesNotLoaded(mappings: MappingsByObject, columns: ReadonlyMap<string, unknown>): string[] {
  return [...mappings.Lead, ...mappings.Contact]
    .filter((m) => m.propertyDef !== undefined && !columns.has(m.property))
    .map((m) => m.property)
    .filter((p, i, all) => all.indexOf(p) === i)
    .sort();
}

/** The inclusion list's rows in the loaded data, or undefined without an inclusion list (everyone is eligible, E1). */
export function inclusionRows(workspace: PlanWorkspace, data: PreviewData, list: ListNode | undefined, now: number): TriSet | undefined {
  if (!list) return undefined;
  const marked = answerablePlan(workspace, data, list, now);
  const { plan, store } = resolveHistoryFilters(marked, data.store, data.history);
  return new CompiledEvaluator(store).rows(plan);
}

/** How a contact that does not exist yet is judged: no list memberships, companies, forms, email events, page views, webinars, CTA events or ads seen, and no past values. */
export function newContactJudge(workspace: PlanWorkspace, list: ListNode | undefined, now: number): (properties: Record<string, string | null>) => Tri {
  if (!list) return () => true;
  const plan = planForList(list, workspace, now);
  return (properties) => evaluateContact(plan, { id: 'new', properties, history: {}, listMemberships: [], companies: [], formSubmissions: [], subscriptions: [], emailEvents: [], pageViews: [], webinars: [], ctaEvents: [], adViews: [] });
}

function requiredFields(schema: SalesforceSchema | undefined): Record<SalesforceObject, string[]> | undefined {
  if (!schema) return undefined;
  const of = (object: SalesforceObject): string[] => [...schema.objects[object].fields.values()].filter(needsValueOnCreate).map((f) => f.name.toLowerCase());
  return { Lead: of('Lead'), Contact: of('Contact') };
}

export interface SimulationSources {
  workspace: PreviewWorkspace;
  settings: SyncSettings;
  data: PreviewData;
  salesforce: SalesforceData;
  salesforceSchema?: SalesforceSchema;
  now: number;
  sampleSize?: number;
}

/** The simulator's input; `{error}` when the inclusion list named by the settings is not in the workspace. */
export function simulationInput(sources: SimulationSources): SimulationInput | { error: string } {
  const { workspace, settings, data, now } = sources;
  const list = settings.inclusionList === undefined ? undefined : findList(workspace, settings.inclusionList);
  if (settings.inclusionList !== undefined && !list) return { error: `the inclusion list "${settings.inclusionList}" is not a list of the workspace` };
  return {
    settings,
    mappings: mappingsByObject(settings, workspace.schema, sources.salesforceSchema),
    contacts: contactsFromStore(data.store, inclusionRows(workspace, data, list, now)),
    salesforce: sources.salesforce,
    judgeNew: newContactJudge(workspace, list, now),
    required: requiredFields(sources.salesforceSchema),
    sampleSize: sources.sampleSize,
  };
}
