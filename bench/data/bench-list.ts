// The benchmark's list: 15 top-level clauses over strings, enumerations, numbers, dates, a
// boolean, `not`, and one list membership. Built as a syntax tree with the test builders, since
// the benchmark must not depend on the parser's loading; `exprText` prints it as the language.

import type { Expr } from '../../grammar/src/ast';
import { and, between, cond, date, days, inList, many, not, num, one, or, str, word, bool } from '../../test/unit/preview/ast-helpers';

/** `scoreThreshold` and `excludedDomain` vary for the re-evaluation measurements (one clause edited). */
export function benchCriteria(scoreThreshold = 20, excludedDomain = '@example.com'): Expr {
  return and(
    cond('email', 'is known'),
    not(or(cond('email', 'ends with', one(str(excludedDomain))), cond('email', 'ends with', one(str('@test.com'))))),
    cond('lifecyclestage', 'is any of', many(word('marketingqualifiedlead'), word('salesqualifiedlead'), word('opportunity'), word('lead'))),
    cond('hs_lead_status', 'is none of', many(word('UNQUALIFIED'), word('BAD_TIMING'))),
    cond('country', 'is any of', many(str('Poland'), str('Germany'), str('France'), str('Spain'), str('Italy'), str('United Kingdom'), str('United States'))),
    or(cond('jobtitle', 'contains', one(str('manager'))), cond('jobtitle', 'contains', one(str('director'))), cond('jobtitle', 'is unknown')),
    or(cond('annualrevenue', '>=', one(num(1_000_000))), cond('num_employees', 'is between', between(num(50), num(5000)))),
    cond('hubspotscore', '>', one(num(scoreThreshold)), true),
    cond('createdate', 'is after', one(date('2023-06-30'))),
    cond('notes_last_contacted', 'is less than days ago', days(365), true),
    cond('hs_email_optout', 'is not', one(bool(true)), true),
    cond('industry', 'is none of', many(word('GOVERNMENT_ADMINISTRATION'), word('MILITARY')), true),
    or(cond('product_interest', 'is any of', many(word('crm'), word('sales_hub'), word('marketing_hub'))), cond('hs_buying_role', 'contains all of', many(word('DECISION_MAKER'), word('BUDGET_HOLDER')))),
    not(cond('company', 'contains', one(str('test')))),
    inList(`#4242`),
  );
}
