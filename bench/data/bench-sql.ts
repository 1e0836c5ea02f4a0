// The benchmark list as SQL for DuckDB, written to mean exactly what docs/semantics.md says:
// each leaf is COALESCE(condition, includeUnknownFlag), strings compared in lower case,
// enumerations as VARCHAR[] sets, dates as epoch milliseconds.

import { BENCH_NOW } from './contacts-generator';

const DAY = 86_400_000;

export function benchSql(scoreThreshold = 20, excludedDomain = '@example.com'): string {
  const after = Date.UTC(2023, 5, 30, 23, 59, 59, 999); // `is after 2023-06-30`: after the end of that day (UTC)
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const list = (xs: string[]) => `[${xs.map(q).join(', ')}]`;
  return `SELECT count(*) AS n FROM contacts WHERE
    email IS NOT NULL
    AND NOT (COALESCE(ends_with(lower(email), ${q(excludedDomain.toLowerCase())}), false) OR COALESCE(ends_with(lower(email), '@test.com'), false))
    AND COALESCE(list_has_any(lifecyclestage, ${list(['marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'lead'])}), false)
    AND COALESCE(NOT list_has_any(hs_lead_status, ${list(['UNQUALIFIED', 'BAD_TIMING'])}), false)
    AND COALESCE(lower(country) IN ('poland', 'germany', 'france', 'spain', 'italy', 'united kingdom', 'united states'), false)
    AND (COALESCE(contains(lower(jobtitle), 'manager'), false) OR COALESCE(contains(lower(jobtitle), 'director'), false) OR jobtitle IS NULL)
    AND (COALESCE(annualrevenue >= 1000000, false) OR COALESCE(num_employees BETWEEN 50 AND 5000, false))
    AND COALESCE(hubspotscore > ${scoreThreshold}, true)
    AND COALESCE(createdate > ${after}, false)
    AND COALESCE(notes_last_contacted BETWEEN ${BENCH_NOW - 365 * DAY} AND ${BENCH_NOW}, true)
    AND COALESCE(hs_email_optout <> true, true)
    AND COALESCE(NOT list_has_any(industry, ${list(['GOVERNMENT_ADMINISTRATION', 'MILITARY'])}), true)
    AND (COALESCE(list_has_any(product_interest, ${list(['crm', 'sales_hub', 'marketing_hub'])}), false)
         OR COALESCE(list_has_all(hs_buying_role, ${list(['DECISION_MAKER', 'BUDGET_HOLDER'])}), false))
    AND NOT COALESCE(contains(lower(company), 'test'), false)
    AND id IN (SELECT contact_id FROM members WHERE list_id = '4242')`;
}
