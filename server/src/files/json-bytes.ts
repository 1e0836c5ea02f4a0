// A pull reader of JSON held as its UTF-8 bytes: the caller asks for the object's keys, the array's
// elements and the values it wants, and skips the rest. For answers read by the hundred in a full fetch,
// where `JSON.parse` made an object for every field of every item and the text was one large string
// besides (issue 15: at 100,000 contacts the associations' answers were most of what the companies' read
// allocated). It accepts exactly what JSON.parse accepts (RFC 8259: no trailing commas, no comments, no
// leading zeros, strings without raw control characters), and a syntax error says the byte offset.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
/** Deeper than this is refused (a hostile answer must not exhaust the stack while it is skipped). */
const MAX_DEPTH = 512;

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'true' | 'false' | 'null';

export class JsonSyntaxError extends Error {
  constructor(
    what: string,
    readonly offset: number,
  ) {
    super(`${what} at byte ${offset}`);
  }
}

const ESCAPED: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };

/**
 * Strings a reader expects over and over (its keys, a field's few values), each read as the one string
 * given here rather than made anew: a hundred answers of a thousand results each made a string for every
 * key of every item.
 */
export class KnownStrings {
  /** By length: each string and its UTF-8 bytes. */
  private readonly byLength = new Map<number, { text: string; bytes: Uint8Array }[]>();

  constructor(texts: readonly string[]) {
    for (const text of texts) {
      const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
      const same = this.byLength.get(bytes.length);
      if (same) same.push({ text, bytes });
      else this.byLength.set(bytes.length, [{ text, bytes }]);
    }
  }

  /** The known string whose bytes are `bytes[start, end)`, if there is one. */
  find(bytes: Buffer, start: number, end: number): string | undefined {
    const same = this.byLength.get(end - start);
    if (!same) return undefined;
    // Compared here, byte by byte: these strings are a few bytes long, and Buffer.compare's call into
    // C++ cost more than the comparison (a tenth of reading an associations answer).
    for (const known of same) if (sameBytes(known.bytes, bytes, start)) return known.text;
    return undefined;
  }
}

function sameBytes(known: Uint8Array, bytes: Buffer, start: number): boolean {
  for (let k = 0; k < known.length; k++) if (known[k] !== bytes[start + k]) return false;
  return true;
}

const NONE_KNOWN = new KnownStrings([]);

export class JsonBytes {
  private at = 0;
  /** Whether the innermost object or array has had no member yet (so none needs a comma before it). */
  private fresh = false;
  private depth = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly known: KnownStrings = NONE_KNOWN,
  ) {}

  /** The kind of the next value (whitespace before it is passed over). */
  peek(): JsonKind {
    this.skipSpace();
    const c = this.bytes[this.at];
    if (c === 0x7b) return 'object';
    if (c === 0x5b) return 'array';
    if (c === QUOTE) return 'string';
    if (c === MINUS || (c >= ZERO && c <= NINE)) return 'number';
    if (c === 0x74) return 'true';
    if (c === 0x66) return 'false';
    if (c === 0x6e) return 'null';
    throw this.unexpected();
  }

  beginObject(): void {
    this.open(0x7b);
  }

  /** The object's next key, its colon passed; undefined at its end (its `}` passed). */
  nextKey(): string | undefined {
    if (this.closes(0x7d)) return undefined;
    this.skipSpace();
    if (this.bytes[this.at] !== QUOTE) throw this.unexpected('a key');
    const key = this.readString();
    this.skipSpace();
    if (this.bytes[this.at] !== COLON) throw this.unexpected('":"');
    this.at++;
    return key;
  }

  beginArray(): void {
    this.open(0x5b);
  }

  /** Whether the array has another element (its comma passed); false at its end (its `]` passed). */
  nextElement(): boolean {
    return !this.closes(0x5d);
  }

  readString(): string {
    if (this.peek() !== 'string') throw this.unexpected('a string');
    const open = this.at;
    const end = this.plainEnd(open, open + 1);
    if (this.bytes[end] === BACKSLASH) return this.readEscaped(open, end);
    this.at = end + 1;
    return this.known.find(this.bytes, open + 1, end) ?? this.bytes.toString('utf8', open + 1, end);
  }

  /** From `i` in the string whose quote is at `open`: where it ends (its closing quote) or has its next backslash. */
  private plainEnd(open: number, i: number): number {
    const bytes = this.bytes;
    for (;;) {
      const c = bytes[i];
      if (c === QUOTE || c === BACKSLASH) return i;
      if (c === undefined) throw new JsonSyntaxError('unterminated string', open);
      if (c < 0x20) throw new JsonSyntaxError('a control character in a string', i);
      i++;
    }
  }

  /** The escape at `i` (a backslash), checked: the character it stands for, and where the string goes on. */
  private escapeAt(i: number): [string, number] {
    const e = this.bytes[i + 1];
    if (e === 0x75) {
      const hex = this.bytes.toString('latin1', i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('a malformed \\u escape', i);
      return [String.fromCharCode(parseInt(hex, 16)), i + 6];
    }
    const char = e === undefined ? undefined : ESCAPED[e];
    if (char === undefined) throw new JsonSyntaxError('an unknown escape', i);
    return [char, i + 2];
  }

  /** Passes over a string, checked as readString checks it, without making it. */
  private skipString(): void {
    const open = this.at;
    let i = this.plainEnd(open, open + 1);
    while (this.bytes[i] === BACKSLASH) i = this.plainEnd(open, this.escapeAt(i)[1]);
    this.at = i + 1;
  }

  /** A number as its text (an id is kept as HubSpot wrote it, whatever its size). */
  readNumberText(): string {
    const start = this.at;
    this.scanNumber();
    return this.bytes.toString('latin1', start, this.at);
  }

  /** A number as JSON.parse gives it. */
  readNumber(): number {
    const start = this.at;
    if (!this.scanNumber()) return Number(this.bytes.toString('latin1', start, this.at));
    const bytes = this.bytes;
    const negative = bytes[start] === MINUS;
    let value = 0;
    for (let i = negative ? start + 1 : start; i < this.at; i++) value = value * 10 + (bytes[i] - ZERO);
    return negative ? -value : value;
  }

  /** A number as `String` writes the number JSON.parse gives (an integer of up to 15 digits is its own text). */
  readNumberAsString(): string {
    const start = this.at;
    const plain = this.scanNumber();
    const text = this.bytes.toString('latin1', start, this.at);
    return plain ? text : String(Number(text));
  }

  /**
   * Passes over a number, checked as JSON.parse checks it; whether it is a plain integer of at most 15
   * digits other than -0 (exact as a double, and written back by `String` as it stands).
   */
  private scanNumber(): boolean {
    if (this.peek() !== 'number') throw this.unexpected('a number');
    const bytes = this.bytes;
    const start = this.at;
    let i = start;
    if (bytes[i] === MINUS) i++;
    const digits = i;
    if (bytes[i] === ZERO) i++;
    else if (isDigit(bytes[i])) while (isDigit(bytes[i])) i++;
    else throw new JsonSyntaxError('a malformed number', start);
    let plain = i - digits <= 15 && !(bytes[digits] === ZERO && digits > start);
    if (bytes[i] === 0x2e) {
      i++;
      if (!isDigit(bytes[i])) throw new JsonSyntaxError('a malformed number', start);
      while (isDigit(bytes[i])) i++;
      plain = false;
    }
    if (bytes[i] === 0x65 || bytes[i] === 0x45) {
      i++;
      if (bytes[i] === 0x2b || bytes[i] === MINUS) i++;
      if (!isDigit(bytes[i])) throw new JsonSyntaxError('a malformed number', start);
      while (isDigit(bytes[i])) i++;
      plain = false;
    }
    this.at = i;
    return plain;
  }

  /** A string, number, true, false or null as JSON.parse gives it; an object or array is an error. */
  readScalar(): string | number | boolean | null {
    const kind = this.peek();
    if (kind === 'string') return this.readString();
    if (kind === 'number') return this.readNumber();
    if (kind === 'object' || kind === 'array') throw this.unexpected('a string, number, true, false or null');
    this.word(kind);
    return kind === 'null' ? null : kind === 'true';
  }

  /** Passes over the next value, whatever it is (checked as it goes). */
  skipValue(): void {
    const kind = this.peek();
    if (kind === 'object') {
      this.beginObject();
      while (this.nextKey() !== undefined) this.skipValue();
    } else if (kind === 'array') {
      this.beginArray();
      while (this.nextElement()) this.skipValue();
    } else if (kind === 'string') this.skipString();
    else this.readScalar();
  }

  /** Nothing but whitespace is left. */
  end(): void {
    this.skipSpace();
    if (this.at < this.bytes.length) throw this.unexpected('the end');
  }

  private open(bracket: number): void {
    this.skipSpace();
    if (this.bytes[this.at] !== bracket) throw this.unexpected(`"${String.fromCharCode(bracket)}"`);
    if (++this.depth > MAX_DEPTH) throw new JsonSyntaxError(`more than ${MAX_DEPTH} levels of nesting`, this.at);
    this.at++;
    this.fresh = true;
  }

  /** At the container's closing bracket: passes it; else passes the comma before the next member (none before the first). */
  private closes(bracket: number): boolean {
    this.skipSpace();
    const c = this.bytes[this.at];
    if (c === bracket) {
      this.at++;
      this.depth--;
      this.fresh = false;
      return true;
    }
    if (this.fresh) this.fresh = false;
    else if (c === COMMA) this.at++;
    else throw this.unexpected(`"," or "${String.fromCharCode(bracket)}"`);
    return false;
  }

  private word(kind: 'true' | 'false' | 'null'): void {
    for (let k = 0; k < kind.length; k++) {
      if (this.bytes[this.at + k] !== kind.charCodeAt(k)) throw new JsonSyntaxError('an unknown word', this.at);
    }
    this.at += kind.length;
  }

  /** The string whose quote is at `open`, from its first backslash (at `i`) on. */
  private readEscaped(open: number, i: number): string {
    let text = '';
    let from = open + 1;
    while (this.bytes[i] === BACKSLASH) {
      const [char, next] = this.escapeAt(i);
      text += this.bytes.toString('utf8', from, i) + char;
      from = next;
      i = this.plainEnd(open, next);
    }
    this.at = i + 1;
    return text + this.bytes.toString('utf8', from, i);
  }

  private skipSpace(): void {
    const bytes = this.bytes;
    let c = bytes[this.at];
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = bytes[++this.at];
  }

  private unexpected(wanted?: string): JsonSyntaxError {
    const c = this.bytes[this.at];
    const found = c === undefined ? 'the end' : c >= 0x20 && c < 0x7f ? `"${String.fromCharCode(c)}"` : `byte 0x${c.toString(16)}`;
    return new JsonSyntaxError(wanted ? `${found} where ${wanted} was expected` : `${found} where a value was expected`, this.at);
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}
