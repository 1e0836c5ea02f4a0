// The emulator's CRM exports (HubSpot's exports guide): an export is queued behind the one before it (one
// at a time), PENDING until it may start, PROCESSING while its file is built (and at least until its
// status is first read: an export is never ready at once), then COMPLETE with a download URL on the
// file host (export-host.ts) that lasts five minutes and carries no token, a new one per status read.
// At most 30 exports in a rolling 24 hours. Tests make the next exports fail: a status of CANCELED or
// FAILED, one that never finishes, a spoiled file, details without a record count.

import { randomBytes } from 'node:crypto';
import type { PropertyDef } from '../../language/schema-types';
import type { CrmRecord } from '../data/hubspot-records';
import { buildExportFile, type ExportFile, type ExportFileFault } from './export-build';
import type { ExportFormat } from './export-csv';
import type { EmulatorState } from './state';

export interface ExportFault {
  /** The export ends in this status instead of COMPLETE. */
  status?: 'CANCELED' | 'FAILED';
  /** PROCESSING for ever (and the exports after it PENDING, as HubSpot queues them). */
  never?: boolean;
  file?: ExportFileFault;
  /** `GET …/export/{exportId}` leaves `recordCount` out. */
  noRecordCount?: boolean;
}

export interface ExportsOptions {
  /** How long an export takes once it may start. Default 0 (ready at the second status read). */
  delayMs?: number;
  /** HubSpot's 2 MB and 1,000,000 rows; tests lower them to see zips and parts. */
  zipOverBytes?: number;
  partitionRows?: number;
  /** Exports per rolling 24 hours; default 30. */
  dailyMax?: number;
}

export interface ExportStart {
  name: string;
  properties: string[];
  format: ExportFormat;
}

type Stage = 'PENDING' | 'PROCESSING' | 'COMPLETE' | 'CANCELED' | 'FAILED';

interface Job extends ExportStart {
  id: string;
  requestedAt: number;
  startsAt: number;
  readyAt: number;
  statusRead: boolean;
  recordCount: number;
  fault: ExportFault;
  file?: ExportFile;
}

const URL_LIFETIME_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export class ExportStore {
  /** The file host's base URL, set once it listens. */
  filesUrl = '';
  private readonly jobs = new Map<string, Job>();
  private readonly links = new Map<string, { jobId: string; expiresAt: number }>();
  private readonly planned: ExportFault[] = [];
  private nextId = 7001;

  constructor(private readonly state: EmulatorState, private readonly options: ExportsOptions = {}) {}

  /** The next export started gets this fault (faults queue up in order). */
  failNext(fault: ExportFault): void {
    this.planned.push(fault);
  }

  reset(): void {
    this.jobs.clear();
    this.links.clear();
    this.planned.length = 0;
  }

  /** The new export's id, or why it was refused (the daily limit). */
  start(request: ExportStart, defs: ReadonlyMap<string, PropertyDef>): { id: string } | { limit: number } {
    const now = this.state.now();
    const dailyMax = this.options.dailyMax ?? 30;
    if ([...this.jobs.values()].filter((j) => j.requestedAt > now - DAY_MS).length >= dailyMax) return { limit: dailyMax };
    const last = [...this.jobs.values()].at(-1);
    const startsAt = Math.max(now, last ? (last.fault.never ? Infinity : last.readyAt) : now);
    const records = this.state.contactIds().map((id) => this.state.contacts.get(id) as CrmRecord).filter((r) => !r.archived);
    const job: Job = { ...request, id: String(this.nextId++), requestedAt: now, startsAt, readyAt: startsAt + (this.options.delayMs ?? 0), statusRead: false, recordCount: records.length, fault: this.planned.shift() ?? {} };
    this.jobs.set(job.id, job);
    const name = `hubspot-crm-exports-${request.name.replace(/[^\w-]+/g, '-').toLowerCase()}-${job.id}`;
    // A file that cannot be made is an export that FAILED, never an emulator that stops.
    buildExportFile(records, request.properties, defs, request.format, name, { ...this.options, fault: job.fault.file }).then(
      (file) => (job.file = file),
      () => (job.fault = { ...job.fault, status: 'FAILED' }),
    );
    return { id: job.id };
  }

  /** The spec's ActionResponseWithSingleResultURI, or undefined for an unknown task. */
  status(id: string): Record<string, unknown> | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const stage = this.stage(job);
    job.statusRead = true;
    const at = (ms: number) => new Date(Math.min(ms, this.state.now())).toISOString();
    const done = stage === 'COMPLETE' || stage === 'CANCELED' || stage === 'FAILED';
    const answer: Record<string, unknown> = { status: stage, requestedAt: at(job.requestedAt), startedAt: at(job.startsAt), links: {}, ...(done ? { completedAt: at(job.readyAt) } : {}) };
    if (stage === 'COMPLETE') answer.result = this.link(job);
    if (stage === 'FAILED') Object.assign(answer, { numErrors: 1, errors: [{ category: 'EXPORT_FAILED', message: 'The export could not be completed.', status: 'error', context: {}, errors: [], links: {} }] });
    return answer;
  }

  /** The spec's PublicExportResponse, or undefined for an unknown export. */
  details(id: string): Record<string, unknown> | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    const stage = this.stage(job);
    const exportState = { PENDING: 'ENQUEUED', PROCESSING: 'PROCESSING', COMPLETE: 'DONE', CANCELED: 'CANCELED', FAILED: 'FAILED' }[stage];
    const counted = stage === 'COMPLETE' && !job.fault.noRecordCount;
    const created = new Date(job.requestedAt).toISOString();
    return { id: job.id, exportName: job.name, exportType: 'VIEW', objectType: '0-1', objectProperties: job.properties, createdAt: created, updatedAt: created, exportState, ...(counted ? { recordCount: job.recordCount } : {}) };
  }

  /** The file a download key stands for, 'expired' past its five minutes, undefined for a key never given. */
  file(key: string): ExportFile | 'expired' | undefined {
    const link = this.links.get(key);
    if (!link) return undefined;
    if (this.state.now() > link.expiresAt) return 'expired';
    return this.jobs.get(link.jobId)?.file;
  }

  private stage(job: Job): Stage {
    const now = this.state.now();
    if (now < job.startsAt) return 'PENDING';
    if (job.fault.never || now < job.readyAt || !job.statusRead) return 'PROCESSING';
    if (job.fault.status) return job.fault.status;
    return job.file ? 'COMPLETE' : 'PROCESSING';
  }

  private link(job: Job): string {
    const key = randomBytes(16).toString('hex');
    this.links.set(key, { jobId: job.id, expiresAt: this.state.now() + URL_LIFETIME_MS });
    return `${this.filesUrl}/exports/${job.id}/${key}/${job.file!.name}`;
  }
}
