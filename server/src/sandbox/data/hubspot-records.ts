// Record shapes shared by the portal generator and the HubSpot emulator's state. Values are strings,
// as HubSpot's API returns them; history is newest first, as `propertiesWithHistory` returns it.

export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
}

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  /** Explicit history for some properties; the emulator synthesises one entry for the others. */
  history: Record<string, HistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface FormSubmission {
  formId: string;
  timestamp: string;
}

export interface PortalContact extends CrmRecord {
  companyIds: string[];
  formSubmissions: FormSubmission[];
  /** Names of the portal's static lists this contact belongs to. */
  staticListNames: string[];
}

export type PortalCompany = CrmRecord;

export interface PortalForm {
  id: string;
  name: string;
}
