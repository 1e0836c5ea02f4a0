// The emulator's export file, as HubSpot's exports guide says it comes: one CSV, zipped when it is larger
// than 2 MB, and split into files of at most 1,000,000 rows (each with its header line) in one zip when it
// has more. Built 500 rows at a time (a few ms), yielding between them, so the emulator keeps answering
// while a large portal is exported, with no more than a few ms added to an answer: HubSpot builds an export
// apart from the API's answers (with 5,000 rows a turn, every answer of the first second of a 100,000-contact
// fetch waited about 40 ms behind the export, bench:fetch). A test can spoil the file (`ExportFileFault`).

import { ZipFile } from 'yazl';
import type { PropertyDef } from '../../language/schema-types';
import type { CrmRecord } from '../data/hubspot-records';
import { headerLine, recordLine, type ExportFormat } from './export-csv';

/** HubSpot's exports guide: CSV over 2 MB is zipped; more than 1,000,000 rows become several files. */
export const ZIP_OVER_BYTES = 2 * 1024 * 1024;
export const PARTITION_ROWS = 1_000_000;
/**
 * The build gives the event loop back after this much work: HubSpot builds an export away from the API
 * that answers meanwhile, and the emulator's other answers (a fetch's form pages, read while it waits for
 * the export) otherwise waited for turns of 500 rows, 15 ms each at 100,000 contacts. Under a rolling
 * rate-limit window that pace came back in every later window (docs/preview.md, twelfth round).
 */
const MS_PER_TURN = 1;
/** Rows between two looks at the clock. */
const ROWS_PER_LOOK = 25;

/** How a test spoils a file: cut short, without its last row (the record count still has it), or with a column nobody asked for. */
export type ExportFileFault = 'truncated' | 'missing-row' | 'extra-column';

export interface ExportFile {
  bytes: Buffer;
  /** The file name the download carries. */
  name: string;
  contentType: string;
}

export interface BuildOptions {
  zipOverBytes?: number;
  partitionRows?: number;
  fault?: ExportFileFault;
}

export async function buildExportFile(records: readonly CrmRecord[], properties: readonly string[], defs: ReadonlyMap<string, PropertyDef>, format: ExportFormat, name: string, options: BuildOptions = {}): Promise<ExportFile> {
  const columns = options.fault === 'extra-column' ? [...properties, 'hs_extra_column'] : properties;
  const kept = options.fault === 'missing-row' ? records.slice(0, -1) : records;
  const parts = await csvParts(kept, columns, defs, format, options.partitionRows ?? PARTITION_ROWS);
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const zipped = parts.length > 1 || size > (options.zipOverBytes ?? ZIP_OVER_BYTES);
  const file = zipped ? await zipOf(parts, name) : { bytes: parts[0], name: `${name}.csv`, contentType: 'text/csv; charset=utf-8' };
  return options.fault === 'truncated' ? { ...file, bytes: file.bytes.subarray(0, Math.floor(file.bytes.length * 0.6)) } : file;
}

async function csvParts(records: readonly CrmRecord[], properties: readonly string[], defs: ReadonlyMap<string, PropertyDef>, format: ExportFormat, perPart: number): Promise<Buffer[]> {
  const header = headerLine(properties, defs, format);
  const parts: Buffer[] = [];
  for (let start = 0; start === 0 || start < records.length; start += perPart) {
    const lines = [header];
    const end = Math.min(records.length, start + perPart);
    let turnStarted = performance.now();
    for (let i = start; i < end; i++) {
      lines.push(recordLine(records[i], properties, defs, format));
      if ((i + 1) % ROWS_PER_LOOK === 0 && performance.now() - turnStarted >= MS_PER_TURN) {
        await new Promise((resolve) => setImmediate(resolve));
        turnStarted = performance.now();
      }
    }
    parts.push(Buffer.from(lines.join('\r\n') + '\r\n', 'utf8'));
  }
  return parts;
}

function zipOf(parts: Buffer[], name: string): Promise<ExportFile> {
  const zip = new ZipFile();
  parts.forEach((part, i) => zip.addBuffer(part, parts.length === 1 ? `${name}.csv` : `${name}-${i + 1}.csv`));
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve({ bytes: Buffer.concat(chunks), name: `${name}.zip`, contentType: 'application/zip' }));
  });
}
