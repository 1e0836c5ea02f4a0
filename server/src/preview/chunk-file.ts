// The framing of hslist's binary cache files (the snapshot, snapshot.ts; the live source's history,
// history-file.ts): "MAGIC8CH" | uint32 header length | header JSON | padding to 8 | chunks. Each
// typed array is written as raw bytes (8-byte aligned) and read straight into its own typed array;
// each dictionary as its joined text plus its starts array, its lower-cased form and sorted orders;
// small string lists as one UTF-8 block split on NUL (JSON when a string itself contains NUL). So no
// file-sized buffer stays in memory and no per-entry strings are made when a file is read.

import { closeSync, readSync } from 'node:fs';
import { openRegularFile } from '../files/regular-file';
import { writeFileAtomically } from '../files/temp-files';
import { type StringDict, lowerDict } from './string-dict';
import { type DictPart, WIDE } from './string-part';

/** Arrays of at least this many elements are read with 1/ROOM_SHARE more room in their buffer. */
const ROOM_MIN_LENGTH = 1 << 16;
const ROOM_SHARE = 16;
export type Typed = Uint32Array | Float64Array | Uint8Array;
const ARRAY_TYPES = { u32: Uint32Array, f64: Float64Array, u8: Uint8Array } as const;
type ArrayTag = keyof typeof ARRAY_TYPES;

export interface ChunkRef {
  at: number;
  bytes: number;
  tag: ArrayTag | 'strings' | 'json' | 'latin1' | 'utf8' | 'utf16le';
}

interface PartHeader {
  text: number;
  starts: number;
  first: number;
}

export interface DictHeader {
  size: number;
  parts: PartHeader[];
  plain: boolean;
  /** The lower-cased parts ('same' for a part already in lower case); 'same' when all are. */
  lower: 'same' | (PartHeader | 'same')[];
  /** Per lower-cased part, its sorted orders (string-order.ts) when it has them. */
  orders: ({ byPrefix: number; bySuffix: number } | null)[];
}

/** A chunk's bytes, or a text encoded only when it is written (in pieces: see `textPieces`). */
type Chunk = Buffer | { bytes: number; pieces: (scratch: TextScratch) => Iterable<Buffer> };

export class ChunkWriter {
  readonly chunks: Chunk[] = [];
  readonly refs: ChunkRef[] = [];
  private at = 0;

  add(data: Chunk, tag: ChunkRef['tag']): number {
    const pad = (8 - (this.at % 8)) % 8;
    if (pad) this.chunks.push(Buffer.alloc(pad));
    this.at += pad;
    const bytes = 'pieces' in data ? data.bytes : data.length;
    this.refs.push({ at: this.at, bytes, tag });
    this.chunks.push(data);
    this.at += bytes;
    return this.refs.length - 1;
  }

  /**
   * The chunks as they go to the file, texts encoded piece by piece as they are written, into one
   * buffer used again for every piece: a piece is valid until the next one is asked for (the file is
   * written synchronously, piece after piece). A new buffer per piece left tens of MB with the
   * allocator after a million contacts' snapshot was written (issue 15).
   */
  *pieces(): Generator<Buffer> {
    const scratch = new TextScratch();
    for (const chunk of this.chunks) {
      if ('pieces' in chunk) yield* chunk.pieces(scratch);
      else yield chunk;
    }
  }

  array(a: Typed): number {
    const tag: ArrayTag = a instanceof Float64Array ? 'f64' : a instanceof Uint8Array ? 'u8' : 'u32';
    return this.add(Buffer.from(a.buffer, a.byteOffset, a.byteLength), tag);
  }

  /**
   * A dictionary's text: latin1 when every character fits (one byte each, decoded by a copy), else
   * UTF-8 (half the bytes of UTF-16 to read and hold while decoding), else — a lone surrogate, which
   * UTF-8 cannot carry — UTF-16.
   */
  text(text: string): number {
    // Encoded when written, a piece at a time: a million emails' dictionary and its lower-cased form
    // as whole buffers were tens of MB more at the end of a fetch's peak (issue 15).
    const encoded = (encoding: BufferEncoding, bytes: number) => this.add({ bytes, pieces: (scratch) => textPieces(text, encoding, scratch) }, encoding as ChunkRef['tag']);
    if (!WIDE.test(text)) return encoded('latin1', text.length);
    if ((text as unknown as { isWellFormed(): boolean }).isWellFormed()) return encoded('utf8', Buffer.byteLength(text, 'utf8'));
    return encoded('utf16le', text.length * 2);
  }

  /** The lower-cased form is stored too, so the first evaluation after a load does not lower-case it again. */
  dict(d: StringDict): DictHeader {
    const part = (p: DictPart): PartHeader => ({ text: this.text(p.text), starts: this.array(p.starts), first: p.first });
    const lower = lowerDict(d);
    const orders = lower.map((p) => (p.orders ? { byPrefix: this.array(p.orders.byPrefix), bySuffix: this.array(p.orders.bySuffix) } : null));
    const header = { size: d.size, parts: d.parts.map(part), plain: d.plain, orders };
    if (lower.every((p, i) => p === d.parts[i])) return { ...header, lower: 'same' };
    return { ...header, lower: lower.map((p, i) => (p === d.parts[i] ? 'same' : part(p))) };
  }

  strings(list: string[]): number {
    const plain = !list.some((s) => s.includes('\u0000'));
    return plain ? this.add(Buffer.from(list.join('\u0000'), 'utf8'), 'strings') : this.add(Buffer.from(JSON.stringify(list), 'utf8'), 'json');
  }
}

/** Writes `body` (headers naming `w`'s chunks by number) and the chunks to `path`, atomically (a temporary file, then a rename). */
export function writeChunkFile(path: string, magic: string, body: object, w: ChunkWriter): void {
  const header = Buffer.from(JSON.stringify({ ...body, chunks: w.refs }), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(magic, 0, 'latin1');
  prefix.writeUInt32LE(header.length, 8);
  const headPad = Buffer.alloc((8 - ((12 + header.length) % 8)) % 8);
  // A generator, never an array of the pieces: each text piece is valid only until the next is written.
  writeFileAtomically(path, (function* () {
    yield* [prefix, header, headPad];
    yield* w.pieces();
  })());
}

/**
 * Characters encoded at a time when a text is written. The scratch buffer takes up to three bytes a
 * character (UTF-8): pieces of 4M characters made it 12 MB, held while the snapshot is written, one of
 * the steps that can set a fetch's peak (issue 15); 1M characters write as fast.
 */
export const TEXT_PIECE_CHARS = 1 << 20;

/** Most bytes a UTF-16 code unit takes in each encoding a text is written in. */
const BYTES_PER_UNIT: Partial<Record<BufferEncoding, number>> = { latin1: 1, utf8: 3, utf16le: 2 };

/** One buffer a text's pieces are encoded into, grown to the widest encoding met. */
class TextScratch {
  private buffer = Buffer.alloc(0);

  encode(text: string, encoding: BufferEncoding): Buffer {
    const need = text.length * (BYTES_PER_UNIT[encoding] ?? 3);
    if (this.buffer.length < need) this.buffer = Buffer.allocUnsafe(need);
    return this.buffer.subarray(0, this.buffer.write(text, 0, encoding));
  }
}

/** `text` encoded in pieces of TEXT_PIECE_CHARS characters; in UTF-8 a piece never ends inside a surrogate pair (each half alone would be written as U+FFFD). */
function* textPieces(text: string, encoding: BufferEncoding, scratch: TextScratch): Generator<Buffer> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + TEXT_PIECE_CHARS);
    const high = text.charCodeAt(end - 1);
    if (encoding === 'utf8' && end < text.length && high >= 0xd800 && high <= 0xdbff) end--;
    yield scratch.encode(text.slice(at, end), encoding);
    at = end;
  }
}

export interface ChunkFileKind {
  /** The file's first eight bytes, which say its format. */
  magic: string;
  /** The magic of this kind's earlier formats. */
  older: RegExp;
  /** "an hslist snapshot". */
  what: string;
  /** What to do about a file of an earlier format ("load the contacts file again"). */
  again: string;
}

/** Reads a file `writeChunkFile` wrote: `restore` gets its header body and a reader of its chunks. Any failure is a sentence naming the file. */
export function readChunkFile<B, T>(path: string, kind: ChunkFileKind, restore: (body: B, r: ChunkReader) => T): T | { error: string } {
  // Only a regular file: a FIFO put in the cache's place would block a plain open for ever.
  const opened = openRegularFile(path);
  if (!opened.ok) return { error: `${path} ${opened.message}` };
  const fd = opened.fd;
  try {
    const prefix = readExactly(fd, 0, 12);
    const magic = prefix.toString('latin1', 0, 8);
    if (magic !== kind.magic) return { error: kind.older.test(magic) ? `${path} was written by another version of hslist; ${kind.again}` : `${path} is not ${kind.what}` };
    const headerLength = prefix.readUInt32LE(8);
    if (12 + headerLength > opened.size) return { error: `${path} is truncated` };
    const body = JSON.parse(readExactly(fd, 12, headerLength).toString('utf8')) as B & { chunks: ChunkRef[] };
    const base = 12 + headerLength + ((8 - ((12 + headerLength) % 8)) % 8);
    return restore(body, new ChunkReader(fd, base, body.chunks));
  } catch (e) {
    return { error: `${path} is not a readable ${kind.what.replace(/^an? /, '')}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

function readExactly(fd: number, position: number, bytes: number, into?: Uint8Array): Buffer {
  const target = into ?? new Uint8Array(bytes);
  let done = 0;
  while (done < bytes) {
    const n = readSync(fd, target, done, bytes - done, position + done);
    if (n === 0) throw new Error('unexpected end of file');
    done += n;
  }
  return Buffer.from(target.buffer, target.byteOffset, bytes);
}

export class ChunkReader {
  constructor(
    private readonly fd: number,
    private readonly base: number,
    private readonly refs: ChunkRef[],
  ) {}

  /**
   * A large array gets room to grow behind it (ROOM_SHARE more elements) in its buffer: an incremental
   * refresh appends new contacts there without copying the column (columns-patch.ts). The room is
   * never written, so its pages are never touched and cost no memory.
   */
  array<T extends Typed>(i: number): T {
    const ref = this.refs[i];
    const Ctor = ARRAY_TYPES[ref.tag as ArrayTag];
    const length = ref.bytes / Ctor.BYTES_PER_ELEMENT;
    const room = length >= ROOM_MIN_LENGTH ? Math.ceil(length / ROOM_SHARE) : 0;
    const out = new Ctor(new ArrayBuffer((length + room) * Ctor.BYTES_PER_ELEMENT), 0, length);
    readExactly(this.fd, this.base + ref.at, ref.bytes, new Uint8Array(out.buffer, 0, ref.bytes));
    return out as T;
  }

  text(i: number): string {
    const ref = this.refs[i];
    const encoding = ref.tag === 'utf16le' || ref.tag === 'utf8' ? ref.tag : 'latin1';
    return readExactly(this.fd, this.base + ref.at, ref.bytes).toString(encoding);
  }

  dict(h: DictHeader): StringDict {
    const part = (p: PartHeader): DictPart => {
      const restored = { text: this.text(p.text), starts: this.array<Uint32Array>(p.starts), first: p.first };
      if (restored.starts[restored.starts.length - 1] !== restored.text.length) throw new Error('a dictionary does not match its offsets');
      return restored;
    };
    const parts = h.parts.map(part);
    const lower = h.lower === 'same' ? parts : h.lower.map((p, i) => (p === 'same' ? parts[i] : part(p)));
    h.orders.forEach((o, i) => {
      if (o) lower[i].orders = { byPrefix: this.array<Uint32Array>(o.byPrefix), bySuffix: this.array<Uint32Array>(o.bySuffix) };
    });
    return { size: h.size, parts, plain: h.plain, lower };
  }

  strings(i: number): string[] {
    const ref = this.refs[i];
    const text = readExactly(this.fd, this.base + ref.at, ref.bytes).toString('utf8');
    return ref.tag === 'json' ? (JSON.parse(text) as string[]) : text.split('\u0000');
  }
}

