// A seeded generator of realistic .hslist workspaces for the benchmarks (nothing large is committed).
// Lists use the bundled default schema's standard properties and reference each other across files.

export function seededRandom(seed: number): () => number {
  // mulberry32: small, fast and good enough to vary benchmark text deterministically.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONDITIONS: ((r: () => number, refs: string[]) => string)[] = [
  () => 'email is known',
  (r) => `lifecyclestage is any of (${pickSome(r, ['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'])})`,
  (r) => `country is ${quote(pick(r, ['Poland', 'Germany', 'France', 'United States', 'Spain']))}`,
  (r) => `annualrevenue >= ${Math.floor(r() * 100) * 100000}`,
  (r) => `createdate is after 202${Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
  (r) => `notes_last_contacted is less than ${1 + Math.floor(r() * 365)} days ago`,
  (r) => `email ends with ${quote(pick(r, ['@example.com', '@test.com', '@acme.io']))}`,
  (r) => `jobtitle contains any of (${pickSome(r, ['"head"', '"director"', '"vp"', '"chief"'])})`,
  (r) => `hs_analytics_num_visits is between ${Math.floor(r() * 5)} and ${5 + Math.floor(r() * 50)}`,
  () => 'hs_email_optout is false',
  (r) => `hs_lead_status is not ${pick(r, ['NEW', 'OPEN', 'BAD_TIMING', 'UNQUALIFIED'])} including unknown`,
  (r, refs) => (refs.length > 0 ? `in list ${quote(pick(r, refs))}` : 'phone is known'),
  (r) => `associated company where industry is any of (${pick(r, ['COMPUTER_SOFTWARE', 'ACCOUNTING', 'BANKING'])})`,
  () => 'lastmodifieddate is in this quarter',
];

function pick<T>(r: () => number, items: T[]): T {
  return items[Math.floor(r() * items.length)];
}

function pickSome(r: () => number, items: string[]): string {
  const count = 1 + Math.floor(r() * (items.length - 1));
  return items.slice(0, count).join(', ');
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/** One list of about `lines` lines: a header and an and-chain with the odd `or` group and `not`. */
export function generateList(r: () => number, name: string, lines: number, refs: string[]): string {
  const out = [`// Generated list ${name}`, `list ${quote(name)} {`, '  type: active', `  folder: "Generated"`, ''];
  const conditionLines = Math.max(1, lines - out.length - 1);
  for (let i = 0; i < conditionLines; i++) {
    const lead = i === 0 ? '  where ' : '    and ';
    const a = pick(r, CONDITIONS)(r, refs);
    const shape = r();
    if (shape < 0.15) out.push(`${lead}(${a} or ${pick(r, CONDITIONS)(r, refs)})`);
    else if (shape < 0.22) out.push(`${lead}not (${a})`.replace('not (email ends with', 'not (email contains'));
    else out.push(lead + a);
  }
  out.push('}', '');
  return out.join('\n');
}

export interface GeneratedFile {
  path: string;
  text: string;
}

/** `files` files holding about `totalLines` lines in all; each list may reference lists of earlier files. */
export function generateWorkspace(seed: number, files: number, totalLines: number): GeneratedFile[] {
  const r = seededRandom(seed);
  const linesPerFile = Math.floor(totalLines / files);
  const listsPerFile = 4;
  const names: string[] = [];
  const out: GeneratedFile[] = [];
  for (let f = 0; f < files; f++) {
    const parts: string[] = [];
    const earlier = names.slice();
    for (let l = 0; l < listsPerFile; l++) {
      const name = `Segment ${f}-${l}`;
      parts.push(generateList(r, name, Math.floor(linesPerFile / listsPerFile), earlier));
      names.push(name);
    }
    out.push({ path: `generated/file-${String(f).padStart(2, '0')}.hslist`, text: parts.join('\n') });
  }
  return out;
}
