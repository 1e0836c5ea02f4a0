// The sandbox portal's owners: the ids its contacts' `hubspot_owner_id` holds (101–105), one deactivated
// owner (archived) and two people of the same name, so checks of owner names meet an ambiguity.

export interface SandboxOwner {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  type: 'PERSON' | 'QUEUE';
  archived: boolean;
  teams: { id: string; name: string; primary: boolean }[];
}

const SALES = { id: '9001', name: 'Sales Poland', primary: true };
const MARKETING = { id: '9002', name: 'Marketing', primary: true };

const person = (id: string, firstName: string, lastName: string, email: string, teams = [SALES], archived = false): SandboxOwner =>
  ({ id, firstName, lastName, email, type: 'PERSON', archived, teams });

export const SANDBOX_OWNERS: readonly SandboxOwner[] = [
  person('101', 'Jan', 'Kowalski', 'jan.kowalski@example.com'),
  person('102', 'Anna', 'Nowak', 'anna.nowak@example.com'),
  person('103', 'Maria', 'Garcia', 'maria.garcia@example.com', [MARKETING]),
  person('104', 'John', 'Smith', 'john.smith@example.com', [MARKETING]),
  person('105', 'Ewa', 'Wiśniewska', 'ewa.wisniewska@example.com'),
  person('106', 'Piotr', 'Zieliński', 'piotr.zielinski@example.com', [], true),
  person('107', 'John', 'Smith', 'j.smith@example.org', []),
];
