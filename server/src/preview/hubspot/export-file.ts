// The downloaded export file, part by part, as text: a CSV, or a zip of CSVs (HubSpot's exports guide:
// a CSV over 2 MB comes zipped, one of over 1,000,000 rows as several files in one zip). A zip is read
// through its central directory (yauzl), so a file cut short, whose directory is missing, is an error
// before any row is read; each entry's size and CRC-32 are checked as it is read. Text is decoded as
// UTF-8 across chunk boundaries; bytes that are not UTF-8 are an error, never replacement characters.

import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import { throwIfAborted } from './abort';

/** The file is not a readable export: the message says where and why. */
export class ExportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportFileError';
  }
}

/** What reads one CSV part's text (export-rows.ts). */
export interface PartSink {
  push(text: string): void;
  end(): void;
}

/** Feeds every CSV part of `file` to a sink made for it, in the file's order. */
export async function readExportParts(file: string, sinkFor: (part: string) => PartSink, signal?: AbortSignal): Promise<void> {
  if (isZip(file)) await readZip(file, sinkFor, signal);
  else await readPart(createReadStream(file), sinkFor(basename(file)), basename(file), signal);
}

function isZip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const read = readSync(fd, head, 0, 4, 0);
    return read === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

async function readPart(stream: Readable, sink: PartSink, part: string, signal: AbortSignal | undefined, crc?: number): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let sum = 0;
  const crc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfAborted(signal);
      if (crc32) sum = crc32(chunk, sum);
      sink.push(decoder.decode(chunk, { stream: true }));
    }
    sink.push(decoder.decode());
  } catch (error) {
    stream.destroy();
    throw error instanceof TypeError && /encoded data|decode/i.test(error.message) ? new ExportFileError(`HubSpot's export file ${part} holds bytes that are not UTF-8`) : asFileError(error, part);
  }
  if (crc !== undefined && crc32 && sum >>> 0 !== crc >>> 0) throw new ExportFileError(`HubSpot's export file ${part} does not match its checksum in the zip: the file is damaged`);
  sink.end();
}

function asFileError(error: unknown, part: string): Error {
  if (error instanceof ExportFileError || (error instanceof Error && error.name === 'PreviewCancelled')) return error;
  return new ExportFileError(`HubSpot's export file ${part} could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(new ExportFileError(`the export's zip is not readable (${error?.message ?? 'no archive'}): it may have been cut short`));
      else resolve(zip);
    });
  });
}

async function readZip(file: string, sinkFor: (part: string) => PartSink, signal: AbortSignal | undefined): Promise<void> {
  const zip = await openZip(file);
  let parts = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (!/\.csv$/i.test(entry.fileName)) throw new ExportFileError(`the export's zip holds ${entry.fileName}, which is not a CSV file`);
      parts++;
      await readPart(await entryStream(zip, entry), sinkFor(entry.fileName), entry.fileName, signal, entry.crc32);
    }
  } finally {
    zip.close();
  }
  if (parts === 0) throw new ExportFileError("the export's zip holds no CSV file");
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
    const onEnd = () => done(() => resolve(undefined));
    const onError = (error: Error) => done(() => reject(new ExportFileError(`the export's zip is damaged: ${error.message}`)));
    const done = (then: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    };
    zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(new ExportFileError(`${entry.fileName} in the export's zip is damaged: ${error?.message ?? 'no data'}`)) : resolve(stream)));
  });
}
