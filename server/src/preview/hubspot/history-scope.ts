// Which contacts need their property history read, and why. A list's history filters come in two kinds:
// - `has ever been X` / `has never been X` ask which values a property held before: only its history
//   says, except for a contact whose current value is X (it has been X: `has ever been` is true and
//   `has never been` false, whatever came before; its history is the current value and older ones);
// - `was updated in last N days` asks when a property last changed. HubSpot defines the contact property
//   `lastmodifieddate` as "the date any property on this contact was modified" (its definition as
//   HubSpot's Properties API gives it; `hs_lastmodifieddate`: "most recent timestamp of any property
//   update for this contact"), so a contact modified before now − N days changed no property since: not
//   updated, without its history. **Assumed**: no history entry is newer than the contact's
//   `lastmodifieddate` (what that definition says; the emulator keeps it so).
// Anything else that reads history (`was updated before …`, a time of last update as a bound) needs every
// contact's. A contact that every history filter of the workspace can judge this way is *decided*: its
// history is not read, and an empty history stands for it, which judge.ts reads exactly as it reads the
// real one for those filters. The scope also says which filters the cached history can answer: a cache
// whose decided contacts were judged by other tests or a later window is not used for new ones.

import type { SearchFilter } from '../../hubspot/account/types';
import type { PropertyFilter } from '../plan-types';
import type { OperationType, TypeClass } from '../../language/operators';
import { historyMatch, typedValue } from '../judge';
import { DAY_MS } from '../time';

/** The contact property whose time decides the `updated in last N days` windows. */
export const LAST_MODIFIED = 'lastmodifieddate';

/** A has-ever / has-never value test: a contact whose current value passes it is decided without history. */
export interface HistoryValueTest {
  property: string;
  typeClass: TypeClass;
  operationType: OperationType;
  /** The operator without HAS_EVER_ / HAS_NEVER_ (BEEN_ANY_OF, BEEN_EQUAL_TO, CONTAINED, …): both read the same test. */
  match: string;
  values: string[];
  value: number;
}

/** Which contacts need history: those that some test or window leaves undecided (or all, with `everyContact`). */
export interface HistoryScope {
  /** Sorted by key, without repeats. */
  tests: HistoryValueTest[];
  /** Epoch ms: the start of the widest `updated in last N days` window; absent when no list uses one. */
  windowSince?: number;
  /** Some filter needs every contact's history whatever its values. */
  everyContact?: boolean;
}

export const NO_HISTORY_NEEDED: HistoryScope = Object.freeze({ tests: [] as HistoryValueTest[] });

/** The scope `f` adds, when it reads the history of its own property (readsHistory); `scope` is changed in place. */
export function addHistoryFilter(scope: HistoryScope, f: PropertyFilter): void {
  if (f.operationType === 'ROLLING_PROPERTY_UPDATED') {
    const since = f.now - f.days * DAY_MS;
    scope.windowSince = scope.windowSince === undefined ? since : Math.min(scope.windowSince, since);
  } else if (/^HAS_(EVER|NEVER)_/.test(f.operator)) {
    const test = { property: f.property, typeClass: f.typeClass, operationType: f.operationType, match: f.operator.replace(/^HAS_(EVER|NEVER)_/, ''), values: f.values, value: f.value };
    if (!scope.tests.some((t) => testKey(t) === testKey(test))) scope.tests = [...scope.tests, test].sort((a, b) => (testKey(a) < testKey(b) ? -1 : 1));
  } else {
    scope.everyContact = true;
  }
}

export function testKey(t: HistoryValueTest): string {
  return JSON.stringify([t.property, t.typeClass, t.operationType, t.match, t.values, t.value]);
}

/** Both scopes together: a contact is decided only when both decide it. */
export function mergeScopes(a: HistoryScope, b: HistoryScope): HistoryScope {
  const merged: HistoryScope = { tests: [...a.tests] };
  for (const t of b.tests) if (!merged.tests.some((m) => testKey(m) === testKey(t))) merged.tests.push(t);
  merged.tests.sort((x, y) => (testKey(x) < testKey(y) ? -1 : 1));
  const since = [a.windowSince, b.windowSince].filter((s): s is number => s !== undefined);
  if (since.length > 0) merged.windowSince = Math.min(...since);
  if (a.everyContact || b.everyContact) merged.everyContact = true;
  return merged;
}

/**
 * True when history read under `have` answers the filters of `want` as every contact's would: `have`
 * absent (every contact's history was read), or every contact it decided is decided by `want` too (its
 * tests among `have`'s, its window starting no earlier).
 */
export function scopeCovers(have: HistoryScope | undefined, want: HistoryScope | undefined): boolean {
  if (!have) return true;
  if (!want || want.everyContact) return false;
  const known = new Set(have.tests.map(testKey));
  if (!want.tests.every((t) => known.has(testKey(t)))) return false;
  return want.windowSince === undefined || (have.windowSince !== undefined && have.windowSince <= want.windowSince);
}

/** How a contact reads for the decision: its current values as the store holds them, and its `lastmodifieddate` (epoch ms; NaN when unknown). */
export interface ContactNow {
  current(property: string): string | null;
  lastModified: number;
}

/** True when every history filter of the scope judges this contact without its history. */
export function decidedWithoutHistory(scope: HistoryScope, contact: ContactNow): boolean {
  if (scope.everyContact) return false;
  if (scope.windowSince !== undefined && !(contact.lastModified < scope.windowSince)) return false;
  return scope.tests.every((t) => currentPasses(t, contact.current(t.property)));
}

/** The test on the current value alone, as judge.ts reads it (the current value is one of the values a property has had). */
function currentPasses(t: HistoryValueTest, raw: string | null): boolean {
  const filter = { typeClass: t.typeClass, operationType: t.operationType, operator: `HAS_EVER_${t.match}`, values: t.values, value: t.value } as PropertyFilter;
  const typed = typedValue(filter, raw);
  return typed !== undefined && historyMatch(filter, typed);
}

/** HubSpot's search takes at most 6 filters in a group (its search guide; 5 groups, 18 filters in all). */
const FILTERS_PER_GROUP = 6;

/**
 * One AND group of search filters that HubSpot's search can count to estimate how many contacts the
 * scope decides; undefined when some test has no exact search filter (then no estimate is made). Only
 * the choice between two ways to read uses it: every contact is still decided on its own values.
 */
export function decidedFilters(scope: HistoryScope): SearchFilter[] | undefined {
  if (scope.everyContact) return undefined;
  const filters: SearchFilter[] = [];
  for (const t of scope.tests) {
    const filter = searchFilterOf(t);
    if (!filter) return undefined;
    filters.push(filter);
  }
  if (scope.windowSince !== undefined) filters.push({ propertyName: LAST_MODIFIED, operator: 'LT', value: String(scope.windowSince) });
  return filters.length <= FILTERS_PER_GROUP ? filters : undefined;
}

function searchFilterOf(t: HistoryValueTest): SearchFilter | undefined {
  const one = (operator: string, value: string) => ({ propertyName: t.property, operator, value });
  switch (`${t.operationType} ${t.match}`) {
    case 'ENUMERATION BEEN_ANY_OF':
      return { propertyName: t.property, operator: 'IN', values: t.values };
    case 'ENUMERATION CONTAINED_ALL':
      return t.values.length === 1 ? { propertyName: t.property, operator: 'IN', values: t.values } : undefined;
    case 'STRING BEEN_EQUAL_TO':
      // Search's IN on a text property wants lower-case values (HubSpot's search guide); text compares without case.
      return { propertyName: t.property, operator: 'IN', values: t.values.map((v) => v.toLowerCase()) };
    case 'NUMBER BEEN_EQUAL_TO':
      return one('EQ', String(t.value));
    case 'BOOL BEEN_EQUAL_TO':
      return one('EQ', t.value === 1 ? 'true' : 'false');
    default:
      return undefined;
  }
}
