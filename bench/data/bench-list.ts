// The benchmark's list, written in the language and parsed with the grammar's own parser: 15
// top-level clauses over strings, enumerations, numbers, dates, a boolean, `not`, and one list
// membership. `scoreThreshold` and `excludedDomain` vary for the re-evaluation measurements (one
// clause edited each time).

import { parse, type ListNode } from '@hslist/grammar';

export function benchListText(scoreThreshold = 20, excludedDomain = '@example.com'): string {
  return `list "Bench" {
  where email is known
    and not (email ends with ${JSON.stringify(excludedDomain)} or email ends with "@test.com")
    and lifecyclestage is any of (marketingqualifiedlead, salesqualifiedlead, opportunity, lead)
    and hs_lead_status is none of (UNQUALIFIED, BAD_TIMING)
    and country is any of ("Poland", "Germany", "France", "Spain", "Italy", "United Kingdom", "United States")
    and (jobtitle contains "manager" or jobtitle contains "director" or jobtitle is unknown)
    and (annualrevenue >= 1000000 or num_employees is between 50 and 5000)
    and hubspotscore > ${scoreThreshold} including unknown
    and createdate is after 2023-06-30
    and notes_last_contacted is less than 365 days ago including unknown
    and hs_email_optout is not true including unknown
    and industry is none of (GOVERNMENT_ADMINISTRATION, MILITARY) including unknown
    and (product_interest is any of (crm, sales_hub, marketing_hub)
      or hs_buying_role contains all of (DECISION_MAKER, BUDGET_HOLDER))
    and not (company contains "test")
    and in list #4242
}
`;
}

/** The parsed list; a syntax error in the text above is a bug of the benchmark, so it throws. */
export function benchList(scoreThreshold = 20, excludedDomain = '@example.com'): ListNode {
  const { file, diagnostics } = parse(benchListText(scoreThreshold, excludedDomain));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || file.lists.length !== 1) throw new Error(`the benchmark list does not parse: ${errors.map((d) => d.message).join('; ')}`);
  return file.lists[0];
}
