// Word lists for the portal generator: enough variety for realistic-looking data, small enough to read.

export const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Anna', 'Piotr', 'Katarzyna',
  'Hans', 'Sophie', 'Lukas', 'Emma', 'Olivia', 'Noah', 'Liam', 'Mateo', 'Lucía', 'Hiroshi', 'Yuki', 'Priya', 'Arjun',
  'Chloé', 'Léa', 'Zoë', 'Søren', 'João', 'Ana', 'Wei', 'Mei', 'Fatima', 'Omar', 'Ngozi', 'Kwame', 'Isabella', 'Ethan',
];

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Kowalski', 'Nowak',
  'Wiśniewski', 'Müller', 'Schmidt', 'Schneider', 'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Tanaka', 'Suzuki', 'Patel',
  'Sharma', 'Silva', 'Santos', "O'Brien", 'Murphy', 'Kim', 'Park', 'Nguyen', 'Chen', 'Wang', 'Okafor', 'Mensah',
];

export const COMPANY_WORDS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell', 'Cyberdyne',
  'Aperture', 'Massive', 'Nimbus', 'Vertex', 'Quantum', 'Blue River', 'Northwind', 'Contoso', 'Fabrikam', 'Litware',
  'Pinnacle', 'Summit', 'Evergreen', 'Ironclad', 'Brightline', 'Silverline', 'Redwood', 'Harbor', 'Keystone',
];

export const COMPANY_SUFFIXES = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'Sp. z o.o.', 'Corp', 'Group', 'Labs', 'Systems'];

export const JOB_TITLES = [
  'Marketing Manager', 'VP of Sales', 'Software Engineer', 'CEO', 'CTO', 'Account Executive', 'Head of Operations',
  'Product Manager', 'Sales Development Representative', 'Director of Marketing', 'CFO', 'Office Manager', 'Consultant',
];

/** [country, weight]: a US-heavy skew, as in most portals. */
export const COUNTRIES: readonly (readonly [string, number])[] = [
  ['United States', 45], ['United Kingdom', 10], ['Germany', 8], ['Canada', 6], ['France', 5], ['Poland', 4],
  ['Australia', 4], ['India', 5], ['Brazil', 3], ['Netherlands', 3], ['Spain', 3], ['Japan', 2], ['Ireland', 2],
];

export const US_STATES = [
  'California', 'Texas', 'New York', 'Florida', 'Illinois', 'Pennsylvania', 'Ohio', 'Georgia', 'North Carolina',
  'Michigan', 'New Jersey', 'Virginia', 'Washington', 'Massachusetts', 'Colorado', 'Oregon', 'Arizona', 'Minnesota',
];

export const CITIES: Record<string, readonly string[]> = {
  'United States': ['New York', 'San Francisco', 'Austin', 'Chicago', 'Boston', 'Seattle', 'Denver', 'Miami'],
  'United Kingdom': ['London', 'Manchester', 'Leeds', 'Bristol'],
  Germany: ['Berlin', 'München', 'Hamburg', 'Köln'],
  Poland: ['Warszawa', 'Kraków', 'Wrocław', 'Gdańsk'],
};

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me', 'icloud.com'];
