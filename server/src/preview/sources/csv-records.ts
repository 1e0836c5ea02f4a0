// CSV text to records (RFC 4180: `,` between fields, `"` around a field that holds `,`, `"` or a line
// break, `""` for a quote inside one), with recovery at the record boundary. csv-parse 5 keeps parsing
// inside a quoted field after a quote error (`3,"Na"me3,u3@x.io`), so every good row after it was lost
// and reported as one or two bad rows. Here a bad record is reported once, at the line it starts on:
//  - a quote error on the record's first line: the rest of the record is read leniently (a stray
//    quote is a character, text after a closing quote goes on the field) to find where it ends, and
//    the whole record is skipped as one row;
//  - a record that runs over several lines and then fails (an unclosed quote swallows the lines after
//    it, up to a later quote or the end of the file): only its first line is skipped, and the lines
//    after it are read again as records of their own.
// Each line is re-read at most once per record that started before it and failed, and a record is
// held in memory only while it spans lines, up to MAX_RECORD_CHARS.

/** A quoted field longer than this is taken for an unclosed quote (HubSpot text values stop at 65,536). */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/**
 * A bad record's `problem` completes "Line N …": "has 2 fields where the header has 3", "is not valid
 * CSV: …"; `reread`: the lines after it that were read again as records of their own.
 */
export type CsvItem =
  | { kind: 'record'; line: number; fields: string[] }
  | { kind: 'bad'; line: number; problem: string; /** Last line of the skipped record, when it spans lines. */ through?: number; reread?: { from: number; to: number } };

interface Line {
  text: string;
  number: number;
  /** The line break that ended it ("" for the last line of a file without one). */
  eol: string;
  /** Longer than MAX_RECORD_CHARS: its text was not kept (a file of one huge line must not fill memory). */
  tooLong?: boolean;
}

/** A record that runs over more than one line so far. */
interface OpenRecord {
  lines: Line[];
  fields: string[];
  field: string;
  /** Field number (1-based) of the quoted field still open. */
  fieldNumber: number;
  chars: number;
  /** The quote error found on the first line; the rest of the record was read leniently. */
  problem?: string;
}

type LineResult = { kind: 'complete'; fields: string[]; problem?: string } | { kind: 'open'; record: OpenRecord } | { kind: 'error'; problem: string };

export class CsvRecordReader {
  private partial = '';
  /** The current line is already over MAX_RECORD_CHARS: its text is dropped up to its line break. */
  private oversize = false;
  private nextLine = 1;
  private started = false;
  /** Lines waiting to be read from `head` on: new ones, and ones given back by a failed multi-line record. */
  private queue: Line[] = [];
  private head = 0;
  private open: OpenRecord | undefined;
  /** Fields of the header: a record of another width is rejected. */
  private width: number | undefined;

  constructor(private readonly emit: (item: CsvItem) => void) {}

  /** Feeds the next piece of text (UTF-8 already decoded). */
  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const text = this.oversize ? chunk : this.partial + chunk;
    let at = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
      const crlf = nl > at && text.charCodeAt(nl - 1) === 13;
      if (this.oversize || nl - at > MAX_RECORD_CHARS) this.queue.push({ text: '', number: this.nextLine++, eol: '\n', tooLong: true });
      else this.queue.push({ text: text.slice(at, crlf ? nl - 1 : nl), number: this.nextLine++, eol: crlf ? '\r\n' : '\n' });
      this.oversize = false;
      at = nl + 1;
    }
    this.oversize ||= text.length - at > MAX_RECORD_CHARS;
    this.partial = this.oversize ? '' : text.slice(at);
    this.drain(false);
  }

  /** The end of the text: the last line, and a record still open is reported as unclosed. */
  end(): void {
    if (this.oversize) this.queue.push({ text: '', number: this.nextLine++, eol: '', tooLong: true });
    else if (this.partial !== '') this.queue.push({ text: this.partial, number: this.nextLine++, eol: '' });
    this.partial = '';
    this.oversize = false;
    this.drain(true);
  }

  /** Records and bad records so far (the CSV's header is the first record). */
  private drain(ended: boolean): void {
    for (;;) {
      if (this.head < this.queue.length) {
        this.read(this.queue[this.head++]);
        continue;
      }
      this.queue = [];
      this.head = 0;
      if (!ended || !this.open) return;
      this.fail(`is not valid CSV: the quote that opens field ${this.open.fieldNumber} is never closed`);
    }
  }

  private read(line: Line): void {
    if (line.tooLong) return this.readTooLong(line);
    const open = this.open;
    if (!open && line.text === '') return; // blank lines are not rows
    const result = open ? continueRecord(open, line) : startRecord(line);
    if (result.kind === 'open') {
      this.open = result.record;
      if (result.record.chars > MAX_RECORD_CHARS) this.fail(`is not valid CSV: the quote that opens field ${result.record.fieldNumber} is still open after ${MAX_RECORD_CHARS / 1024 / 1024} MB`);
      return;
    }
    const lines = open ? open.lines : [line];
    this.open = undefined;
    if (result.kind === 'error') this.reject(lines, result.problem, 'reread');
    else this.complete(lines, result.fields, result.problem);
  }

  /** A line over the limit: an open record ends before it (the line is read again after it), then the line is bad. */
  private readTooLong(line: Line): void {
    const mb = MAX_RECORD_CHARS / 1024 / 1024;
    if (this.open) {
      this.head--;
      this.fail(`is not valid CSV: the quote that opens field ${this.open.fieldNumber} is still open after ${mb} MB`);
      return;
    }
    this.emit({ kind: 'bad', line: line.number, problem: `is longer than ${mb} MB, more than any contact row; it was not read` });
  }

  private complete(lines: Line[], fields: string[], problem: string | undefined): void {
    if (this.width === undefined) this.width = fields.length;
    if (problem !== undefined) {
      // Read leniently to its end: one row, unless its width says the end is not where the text meant it.
      this.reject(lines, problem, lines.length === 1 || fields.length === this.width ? 'whole' : 'reread');
      return;
    }
    if (fields.length === this.width) {
      this.emit({ kind: 'record', line: lines[0].number, fields });
      return;
    }
    const last = lines[lines.length - 1].number;
    const spans = lines.length > 1 ? `, after a quoted field that runs to line ${last},` : '';
    this.reject(lines, `has ${fields.length} fields${spans} where the header has ${this.width}`, 'reread');
  }

  /** An open record that cannot be right: reported at its first line. */
  private fail(problem: string): void {
    const lines = this.open?.lines ?? [];
    this.open = undefined;
    if (lines.length > 0) this.reject(lines, problem, 'reread');
  }

  /**
   * One bad record, reported at its first line. `whole`: all its lines are skipped; `reread`: the lines
   * after the first are read again, since the mistake (most often a stray quote) may be what joined
   * them to it.
   */
  private reject(lines: Line[], problem: string, how: 'whole' | 'reread'): void {
    const last = lines[lines.length - 1].number;
    if (how === 'whole' || lines.length === 1) {
      this.emit({ kind: 'bad', line: lines[0].number, problem, ...(lines.length > 1 ? { through: last } : {}) });
      return;
    }
    this.emit({ kind: 'bad', line: lines[0].number, problem, reread: { from: lines[1].number, to: last } });
    this.queue = [...lines.slice(1), ...this.queue.slice(this.head)];
    this.head = 0;
  }
}

/** A record from the start of a line. */
function startRecord(line: Line): LineResult {
  // Most lines hold no quote at all: a split is all they need.
  if (line.text.indexOf('"') < 0) return { kind: 'complete', fields: line.text.split(',') };
  return readFields({ lines: [line], fields: [], field: '', fieldNumber: 1, chars: 0 }, line, 0, false);
}

function continueRecord(open: OpenRecord, line: Line): LineResult {
  open.lines.push(line);
  return readFields(open, line, 0, true);
}

/**
 * Reads fields of `line` from `at`; `quoted`: inside the quoted field `record.field` holds. A quote
 * error on the record's first line is noted and the line read on leniently; on a later line it ends
 * the record (its start is in doubt).
 */
function readFields(record: OpenRecord, line: Line, at: number, quoted: boolean): LineResult {
  const text = line.text;
  const lenient = (problem: string): LineResult | undefined => {
    if (record.lines[0].number !== line.number) return { kind: 'error', problem };
    record.problem ??= problem;
    return undefined;
  };
  let i = at;
  for (;;) {
    if (!quoted) {
      if (text.charCodeAt(i) === 34) {
        quoted = true;
        i++;
        continue;
      }
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      const quote = text.indexOf('"', i);
      if (quote >= 0 && quote < end) {
        const stop = lenient(strayQuote(record.fields.length + 1, text.slice(i, end), onLine(record, line)));
        if (stop) return stop;
      }
      record.fields.push(record.field + text.slice(i, end));
      record.field = '';
      if (comma < 0) return complete(record);
      i = comma + 1;
      continue;
    }
    const quote = text.indexOf('"', i);
    if (quote < 0) {
      record.field += text.slice(i) + line.eol;
      record.chars += text.length - i + line.eol.length;
      record.fieldNumber = record.fields.length + 1;
      return { kind: 'open', record };
    }
    record.field += text.slice(i, quote);
    if (text.charCodeAt(quote + 1) === 34) {
      record.field += '"';
      i = quote + 2;
      continue;
    }
    quoted = false;
    i = quote + 1;
    if (i < text.length && text.charCodeAt(i) !== 44) {
      const stop = lenient(afterClosingQuote(record.fields.length + 1, text[i], onLine(record, line)));
      if (stop) return stop;
      continue; // leniently: what follows the quote goes on the same field, up to the next comma
    }
    record.fields.push(record.field);
    record.field = '';
    if (i === text.length) return complete(record);
    i++;
  }
}

function complete(record: OpenRecord): LineResult {
  return { kind: 'complete', fields: record.fields, ...(record.problem !== undefined ? { problem: record.problem } : {}) };
}

/** " on line 9" when the problem is on a later line than the record's first, else "". */
function onLine(record: OpenRecord, line: Line): string {
  return record.lines[0].number === line.number ? '' : ` on line ${line.number}`;
}

function strayQuote(field: number, text: string, where: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `is not valid CSV: field ${field} (${shown})${where} has a quote but does not start with one; quote the whole field and double the quotes inside it ("")`;
}

function afterClosingQuote(field: number, char: string, where: string): string {
  return `is not valid CSV: field ${field} goes on after its closing quote${where} (${JSON.stringify(char)} where a comma or the end of the line should be); double a quote that is part of the text ("")`;
}
