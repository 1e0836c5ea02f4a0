// The schema model, in the shape of HubSpot's Properties API v3 (`GET /crm/v3/properties/{objectType}`),
// so a portal's schema file or a live response loads without translation.

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder?: number;
  hidden?: boolean;
  description?: string;
}

export interface PropertyDef {
  name: string;
  label: string;
  /** string | number | bool | enumeration | date | datetime | phone_number | future types (tolerated). */
  type: string;
  fieldType: string;
  description?: string;
  groupName?: string;
  options: PropertyOption[];
  /** Options are not listed inline (owners and other referenced objects): any value is accepted. */
  externalOptions?: boolean;
  referencedObjectType?: string;
  /**
   * `owners`: the options are the portal's owners (schema-owners.ts), listed although `externalOptions`;
   * `teams`: the portal's teams, as owners.json gives them with each owner.
   */
  optionsFrom?: 'owners' | 'teams';
  hubspotDefined?: boolean;
  calculated?: boolean;
  hidden?: boolean;
}

export type ObjectTypeName = 'contacts' | 'companies' | 'deals' | 'tickets';

/** The objects a contact list can filter by association (`associated deal where …`). */
export type AssociatedObjectName = Exclude<ObjectTypeName, 'contacts'>;

/** A list of the portal (from `hslist schema pull`'s lists.json): `in list "Name"` may name one not kept as code. */
export interface PortalListRef {
  listId: string;
  name: string;
  processingType: string;
  objectTypeId: string;
}

/** The properties of the objects the language filters on, indexed by internal name. */
export interface Schema {
  /** Where it came from: "bundled default", a file path, or a portal. */
  source: string;
  /** Deals and tickets are optional: a schema without them uses HubSpot's standard ones (schema.ts `propertiesOf`). */
  objects: Record<'contacts' | 'companies', Map<string, PropertyDef>> & Partial<Record<'deals' | 'tickets', Map<string, PropertyDef>>>;
  /** The portal's lists by lowercased name, when the schema folder holds lists.json. */
  lists?: Map<string, PortalListRef>;
  /** The portal's owners, when the schema folder holds owners.json. */
  owners?: OwnerRef[];
  /** The portal's forms, when the schema folder holds forms.json. */
  forms?: FormRef[];
  /** The portal's CMS pages (landing and website pages), when the schema folder holds pages.json. */
  pages?: CmsPageRef[];
  /** The portal's marketing emails, when the schema folder holds marketing-emails.json. */
  marketingEmails?: MarketingEmailRef[];
  /** The portal's association labels (contact → company, deal, ticket), when the schema folder holds association-labels.json. */
  associationLabels?: { labels: PortalAssociationLabel[]; objects: AssociatedObjectType[] };
  /** The portal's subscription definitions, when the schema folder holds subscriptions.json. */
  subscriptions?: SubscriptionDef[];
}

/**
 * A subscription type (Communication Preferences' definitions), as schema pull keeps it in subscriptions.json:
 * EMAIL_SUBSCRIPTION and COMMUNICATION_SUBSCRIPTION filters take its id. `archived` is HubSpot's `isActive`
 * turned round (the SDKs describe it as "active or archived").
 */
export interface SubscriptionDef {
  id: string;
  name: string;
  description: string;
  /** HubSpot's `communicationMethod`, as given (absent when HubSpot gives none). */
  communicationMethod?: string;
  archived: boolean;
  businessUnitId?: string;
}

/** A HubSpot user who can own records (Owners v3), as schema pull keeps it in owners.json. */
export interface OwnerRef {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  archived: boolean;
  /** The teams the owner is in (Owners v3 `teams`). */
  teams: TeamRef[];
}

/** A team of the portal, as Owners v3 names it beside each owner: `hubspot_team_id` holds its id. */
export interface TeamRef {
  id: string;
  name: string;
}

/** A HubSpot form (Marketing Forms v3), as schema pull keeps it in forms.json: FORM_SUBMISSION filters take its id. */
export interface FormRef {
  id: string;
  name: string;
  formType: string;
  archived: boolean;
}

/** A CMS page (CMS Pages v3), as schema pull keeps it in pages.json: FORM_SUBMISSION_ON_PAGE filters take its id. */
export interface CmsPageRef {
  id: string;
  name: string;
  /** The page's address as HubSpot generates it; may be empty for a page never published. */
  url: string;
  kind: 'landing page' | 'website page';
  archived: boolean;
}

/** A marketing email (Marketing Emails v3), as schema pull keeps it in marketing-emails.json. */
export interface MarketingEmailRef {
  id: string;
  name: string;
  subject: string;
  state: string;
  archived: boolean;
  /** Its email campaign ids (the Email Events API's `emailCampaignId`), the primary one first. */
  emailCampaignIds: string[];
  emailCampaignGroupId?: string;
}

export type AssociatedObjectType = 'companies' | 'deals' | 'tickets';

/** An association label of the portal (v4 associations labels): `labeled "…"` compiles to its typeId. */
export interface PortalAssociationLabel {
  object: AssociatedObjectType;
  typeId: string;
  label: string;
  /** USER_DEFINED for labels people made; HUBSPOT_DEFINED (e.g. "Primary") or INTEGRATOR_DEFINED. */
  category: string;
}
