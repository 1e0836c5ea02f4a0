// The integration's rules the simulator implements, each once, by id. The ids are the ones docs/sync.md
// lists with their public sources; every outcome the simulator reports names the rule that decided it.

export const SOURCES = {
  INC: 'https://knowledge.hubspot.com/salesforce/create-a-salesforce-inclusion-list',
  TRIG: 'https://knowledge.hubspot.com/articles/kcs_article/salesforce/salesforce-integration-sync-triggers',
  MAP: 'https://knowledge.hubspot.com/salesforce/map-hubspot-properties-to-salesforce-fields',
  SET: 'https://knowledge.hubspot.com/salesforce/manage-your-salesforce-integration-settings',
  LC: 'https://knowledge.hubspot.com/integrations/sync-salesforce-leads-and-contacts-to-hubspot',
  IMP: 'https://knowledge.hubspot.com/salesforce/import-salesforce-records',
  WHY: 'https://knowledge.hubspot.com/articles/kcs_article/salesforce/why-isn-t-a-contact-syncing-to-salesforce',
  DEDUPE: 'https://www.coastalconsulting.co/blog/sync-hubspot-contacts-with-salesforce-leads-and-contacts',
} as const;

export type RuleId =
  | 'E1' | 'E2' | 'E9' | 'C1' | 'C2' | 'C5' | 'C6' | 'T4' | 'I1' | 'I2' | 'I3'
  | 'R1' | 'R2' | 'R3' | 'R4' | 'A-CONVERTED' | 'A-REQUIRED' | 'A-PICKLIST' | 'A-OPTION' | 'A-NO-RULE';

export interface RuleText {
  /** One line, as outputs quote it. */
  summary: string;
  source: string;
  /** Our reading where the sources are silent (docs/sync.md marks these **Assumed**). */
  assumed?: boolean;
}

export const RULES: Record<RuleId, RuleText> = {
  E1: { summary: 'without an inclusion list every contact with an email is eligible', source: SOURCES.LC },
  E2: { summary: 'with an inclusion list only its members sync, in either direction', source: SOURCES.INC },
  E9: { summary: 'a contact without an email address does not sync', source: SOURCES.WHY },
  C1: { summary: 'a new HubSpot contact becomes the one object type chosen: a lead or a contact', source: SOURCES.SET },
  C2: { summary: 'Salesforce records create HubSpot contacts even outside the inclusion list; later updates wait until the contact meets the criteria', source: SOURCES.INC },
  C5: { summary: 'of several Salesforce records with the email, the most recently updated one syncs', source: SOURCES.DEDUPE },
  C6: { summary: 'HubSpot holds one contact per email; Salesforce may hold several records', source: SOURCES.DEDUPE },
  T4: { summary: 'a change of an unmapped property never triggers a sync', source: SOURCES.TRIG },
  I1: { summary: 'an import of Salesforce records brings only the email address at first', source: SOURCES.IMP },
  I2: { summary: 'without an inclusion list, or for its members, a sync right after the import fills the other fields', source: SOURCES.IMP },
  I3: { summary: 'contacts outside the inclusion list keep only the email after the import', source: SOURCES.IMP },
  R1: { summary: 'prefer Salesforce unless blank: HubSpot writes only into an empty Salesforce field; a Salesforce value always wins', source: SOURCES.MAP },
  R2: { summary: 'always use Salesforce: Salesforce values are written to HubSpot, never the other way', source: SOURCES.MAP },
  R3: { summary: 'two-way: the most recent change wins', source: SOURCES.MAP },
  R4: { summary: "don't sync: nothing is written either way", source: SOURCES.MAP },
  'A-CONVERTED': { summary: 'converted leads are read-only in Salesforce and are not matched', source: SOURCES.DEDUPE, assumed: true },
  'A-REQUIRED': { summary: 'a create whose required Salesforce field gets no value fails', source: SOURCES.WHY, assumed: true },
  'A-PICKLIST': { summary: 'a value missing from a restricted picklist is rejected by Salesforce', source: SOURCES.MAP, assumed: true },
  'A-OPTION': { summary: "a Salesforce value that is none of a HubSpot enumeration's options is refused by HubSpot", source: SOURCES.MAP, assumed: true },
  'A-NO-RULE': { summary: 'a mapping without a rule here is not simulated: its rule is chosen in HubSpot', source: SOURCES.MAP, assumed: true },
};
