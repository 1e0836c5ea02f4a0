// HubSpot's date-based API versions: `/crm/lists/2026-09/...` for `/crm/v3/lists/...` and so on. The
// emulator keeps one route table, written with the v3/v4 paths; a dated path is mapped to its v3/v4
// path before routing, auth and rate limiting. Prefixes are those of HubSpot's public spec files
// (PublicApiSpecs/<area>/Rollouts/<id>/<version>/*.json in HubSpot-public-api-spec-collection).

export const DATED_VERSIONS = ['2026-03', '2026-09'] as const;

interface DatedPrefix {
  /** The v3/v4 prefix the emulator's routes use. */
  canonical: string;
  /** The dated prefix, `{version}` standing for the version. */
  dated: string;
  versions: readonly string[];
}

const PREFIXES: DatedPrefix[] = [
  // CRM/Lists/Rollouts/144891/{2026-03,2026-09}/lists.json
  { canonical: '/crm/v3/lists', dated: '/crm/lists/{version}', versions: DATED_VERSIONS },
  // CRM/Properties/Rollouts/145899/{2026-03,2026-09}/properties.json
  { canonical: '/crm/v3/properties', dated: '/crm/properties/{version}', versions: DATED_VERSIONS },
  // CRM/Associations/Rollouts/130902/{2026-03,2026-09}/associations.json: v4's batch read
  { canonical: '/crm/v4/associations', dated: '/crm/associations/{version}', versions: DATED_VERSIONS },
  // CRM/Crm Owners/Rollouts/146888/{2026-03,2026-09}/crmOwners.json
  { canonical: '/crm/v3/owners', dated: '/crm/owners/{version}', versions: DATED_VERSIONS },
  // Marketing/Forms/Rollouts/144909/2026-09-beta/forms.json (no dated Forms spec without -beta yet)
  { canonical: '/marketing/v3/forms', dated: '/marketing/forms/{version}', versions: [...DATED_VERSIONS, '2026-09-beta'] },
  // Communication Preferences/Subscriptions/Rollouts/176901/{2026-03,2026-09}/subscriptions.json: v4's batch reads
  { canonical: '/communication-preferences/v4', dated: '/communication-preferences/{version}', versions: DATED_VERSIONS },
  // Marketing/Marketing Emails/Rollouts/145892/{2026-03,2026-09}/marketingEmails.json
  { canonical: '/marketing/v3/emails', dated: '/marketing/emails/{version}', versions: DATED_VERSIONS },
  // CMS/Pages/Rollouts/59888/2026-03/pages.json (no 2026-09 Pages spec yet)
  { canonical: '/cms/v3/pages', dated: '/cms/pages/{version}', versions: ['2026-03'] },
  // Events/Events/Rollouts/147897/{2025-09,2026-03,2026-09}/events.json: the Events API's read moved under event-occurrences
  { canonical: '/events/v3/events', dated: '/events/event-occurrences/{version}', versions: ['2025-09', ...DATED_VERSIONS] },
  // CRM/Exports/Rollouts/95922/{2025-09,2026-03,2026-09}/exports.json
  { canonical: '/crm/v3/exports', dated: '/crm/exports/{version}', versions: ['2025-09', ...DATED_VERSIONS] },
  // Account/Account Info/Rollouts/144923/{2026-03,2026-09}/accountInfo.json
  { canonical: '/account-info/v3', dated: '/account-info/{version}', versions: DATED_VERSIONS },
];

/**
 * `/crm/objects/{version}/...` is both Objects v3 and, for one record's associations, v4
 * (`GET .../{objectType}/{objectId}/associations/{toObjectType}`). Only the 2026-03 associations
 * spec lists that GET; the 2026-09 one does not, so under 2026-09 it stays unknown (404).
 */
const V4_RECORD_ASSOCIATIONS = /^\/crm\/objects\/2026-03(\/[^/]+\/[^/]+\/associations\/[^/]+\/?)$/;
const OBJECTS = new RegExp(`^/crm/objects/(?:${DATED_VERSIONS.join('|')})(?=/|$)`);

const PREFIX_PATTERNS = PREFIXES.map((prefix) => ({
  canonical: prefix.canonical,
  pattern: new RegExp(`^${prefix.dated.replace('{version}', `(?:${prefix.versions.join('|')})`)}(?=/|$)`),
}));

/** The v3/v4 path a request path stands for; a path that is not dated comes back unchanged. */
export function canonicalPath(path: string): string {
  const associations = V4_RECORD_ASSOCIATIONS.exec(path);
  if (associations) return `/crm/v4/objects${associations[1]}`;
  if (OBJECTS.test(path)) return path.replace(OBJECTS, '/crm/v3/objects');
  for (const { canonical, pattern } of PREFIX_PATTERNS) {
    if (pattern.test(path)) return path.replace(pattern, canonical);
  }
  return path;
}
