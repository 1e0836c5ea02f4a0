// Seeded contact data for the preview tests, and the same list criteria written as plain
// predicates, so the expected counts never come from the engine under test.

export interface TestContact {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  lifecyclestage: string;
  /** As written in the CSV: a number, '' or the unreadable 'lots'. */
  annualrevenue: string;
  country: string;
}

const FIRST = ['Ana', 'Bartek', 'Chloe', 'Dawid', 'Ewa', 'Felix', 'Greta', 'Hugo'];
const LAST = ['Nowak', 'Garcia', 'Muller', 'Kowalski', 'Lopez', 'Schmidt'];
const STAGES = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];
const COUNTRIES = ['Poland', 'Spain', 'Germany'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateContacts(n: number, seed = 7): TestContact[] {
  const next = random(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(next() * a.length)];
  return Array.from({ length: n }, (_, i) => {
    const firstname = pick(FIRST);
    const lastname = pick(LAST);
    const id = i + 1;
    return {
      id,
      email: id % 17 === 0 ? '' : `${firstname}.${lastname}${id}@example.org`.toLowerCase(),
      firstname,
      lastname,
      lifecyclestage: pick(STAGES),
      annualrevenue: id % 50 === 7 ? 'lots' : String(Math.floor(next() * 5_000_000)),
      country: pick(COUNTRIES),
    };
  });
}

export const CSV_HEADER = 'hs_object_id,email,firstname,lastname,lifecyclestage,annualrevenue,country';

/** The CSV text; `brokenAfter` inserts one malformed line (too many fields) after that many rows. */
export function contactsCsv(contacts: TestContact[], brokenAfter?: number): string {
  const lines = [CSV_HEADER];
  contacts.forEach((c, i) => {
    lines.push([c.id, c.email, c.firstname, c.lastname, c.lifecyclestage, c.annualrevenue, c.country].join(','));
    if (i + 1 === brokenAfter) lines.push('999999,broken@example.org,Broken,Row,lead,5,Poland,one field too many');
  });
  return lines.join('\n') + '\n';
}

const revenue = (c: TestContact) => (/^\d+$/.test(c.annualrevenue) ? Number(c.annualrevenue) : NaN);

/** `email is known`, `lifecyclestage is any of (customer, opportunity)`, `annualrevenue >= N`. */
export const bigCustomerClauses = (threshold: number) => [
  (c: TestContact) => c.email !== '',
  (c: TestContact) => c.lifecyclestage === 'customer' || c.lifecyclestage === 'opportunity',
  (c: TestContact) => revenue(c) >= threshold,
];

export function funnel(contacts: TestContact[], clauses: ((c: TestContact) => boolean)[]): { pass: number[]; left: number[]; matches: TestContact[] } {
  const pass = clauses.map((f) => contacts.filter(f).length);
  let survivors = contacts;
  const left = clauses.map((f) => (survivors = survivors.filter(f)).length);
  return { pass, left, matches: survivors };
}
