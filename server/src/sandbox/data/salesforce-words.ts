// Word lists for the generated Salesforce org: enough variety for realistic-looking leads and contacts.

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Katarzyna', 'Liam',
  'Maya', 'Nikolai', 'Olivia', 'Pedro', 'Quinn', 'Rosa', 'Samir', 'Tessa', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe',
];

export const LAST_NAMES = [
  "O'Brien", 'Nowak', 'Schmidt', 'García', 'Rossi', 'Tanaka', 'Smith', 'Johansson', 'Dubois', 'Kowalski',
  'Müller', 'Silva', 'Chen', 'Patel', 'Jensen', 'Novak', 'Martin', 'Berg', 'Costa', 'Ivanova',
];

export const COMPANY_WORDS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Hooli',
  'Vandelay', 'Wonka', 'Aperture', 'Massive', 'Nakatomi', 'Oscorp',
];

export const COMPANY_SUFFIXES = ['Inc.', 'GmbH', 'Ltd', 'S.A.', 'sp. z o.o.', 'LLC', 'AB'];

export const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'corp.example'];

export const TITLES = [
  'CEO', 'CTO', 'VP Marketing', 'Marketing Manager', 'Sales Director', 'Account Executive', 'IT Manager',
  'Operations Lead', 'Procurement Specialist', 'Data Analyst',
];

export const DEPARTMENTS = ['Marketing', 'Sales', 'IT', 'Finance', 'Operations', 'Procurement'];

/** [country, state, city] triples; state may be empty where the country has none in common use. */
export const LOCATIONS: readonly (readonly [string, string, string])[] = [
  ['United States', 'CA', 'San Francisco'], ['United States', 'NY', 'New York'], ['United States', 'TX', 'Austin'],
  ['Poland', '', 'Warszawa'], ['Poland', '', 'Kraków'], ['Germany', 'BY', 'München'], ['Germany', 'BE', 'Berlin'],
  ['France', '', 'Paris'], ['United Kingdom', '', 'London'], ['Japan', '', 'Tokyo'], ['Brazil', 'SP', 'São Paulo'],
  ['Sweden', '', 'Stockholm'],
];
