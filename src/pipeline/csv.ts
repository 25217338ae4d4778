/**
 * A streaming CSV reader that keeps the line and column of every cell, so that validation can
 * point an analyst at `file:line:column`.
 *
 * It takes text in chunks of any size (no whole-file string), and hands each record to a callback.
 * The arrays passed to the callback are reused between records: copy what you keep.
 *
 * Accepted as analysts export it: UTF-8 with or without BOM, LF or CRLF line ends, `,` `;` or tab
 * delimiters (detected from the header line), quoted fields with doubled quotes and line breaks.
 * Rows made only of delimiters and spaces (Excel's phantom rows, `,,,,,,`) are skipped like blank
 * lines. A byte-order mark later in the file (two exports joined) is removed from the cell and
 * marked on its record. A UTF-16 file (Excel's "Unicode text") is reported once and not read.
 */
import { createReadStream } from 'node:fs';
import type { Issue } from './issues.ts';

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Cell texts, quotes removed. */
  cells: string[];
  /** 1-based column where each cell starts. */
  columns: number[];
  /** Column of a byte-order mark found inside this record (removed from the cell), if any. */
  bom?: number;
}

export interface CsvHandlers {
  /** The first record, with the delimiter detected from it. */
  header(record: CsvRecord, delimiter: Delimiter): void;
  record(record: CsvRecord): void;
  issue(issue: Issue): void;
  /** Called once after the last record (not for a file that could not be read at all). */
  end?(): void;
}

/** An encoding guessed from the bytes of a file that is not UTF-8, for the hint. */
export type LegacyEncoding = 'windows-1251' | 'windows-1252';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const REPLACEMENT = 0xfffd;
const BOM = 0xfeff;
/** What a line must not hold to take the fast path: quotes, BOM, replacement character, CR. */
const SPECIAL_IN_LINE = /["\ufeff\ufffd\r]/;

export class CsvParser {
  private readonly file: string;
  private readonly handlers: CsvHandlers;
  private delimiter: Delimiter | undefined;
  private delimiterCode = 44;
  private started = false;
  private headerSeen = false;
  private badEncodingReported = false;
  /** Text of the header line kept until its end is seen, to detect the delimiter. */
  private headerBuffer = '';
  /** The file is UTF-16: reported once, nothing else is read. */
  private unreadable = false;
  /** Set by the file reader from the raw bytes, for the hint about bytes that are not UTF-8. */
  legacyEncoding: LegacyEncoding | undefined;
  /** Column of a byte-order mark inside the record being built. */
  private bomColumn = 0;

  // Position of the next character.
  private line = 1;
  private column = 1;

  // The record being built.
  private cells: string[] = [];
  private columns: number[] = [];
  private recordLine = 1;
  private cell = '';
  private cellColumn = 1;
  private cellLine = 1;
  private inQuotes = false;
  /** A closing quote was just read inside a quoted cell: the next char decides. */
  private quotePending = false;
  private afterClosingQuote = false;
  private cellStarted = false;
  private skipLf = false;

  constructor(file: string, handlers: CsvHandlers) {
    this.file = file;
    this.handlers = handlers;
  }

  write(text: string): void {
    if (this.unreadable) return;
    if (!this.started) {
      if (text === '') return;
      this.started = true;
      if (looksLikeUtf16(text)) {
        this.reportUtf16();
        return;
      }
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    if (this.delimiter === undefined) {
      this.headerBuffer += text;
      const end = firstLineEnd(this.headerBuffer);
      if (end < 0) return;
      this.setDelimiter(detectDelimiter(this.headerBuffer.slice(0, end)));
      text = this.headerBuffer;
      this.headerBuffer = '';
    }
    this.consume(text);
  }

  end(): void {
    if (this.unreadable) return;
    if (this.delimiter === undefined) {
      if (this.headerBuffer.trim() === '') {
        this.handlers.issue({
          file: this.file,
          line: 1,
          column: 1,
          message: 'expected a header row naming the columns, found an empty file',
          hint: 'export the sheet again with its header row, or remove the file if it is optional',
        });
        return;
      }
      this.setDelimiter(detectDelimiter(this.headerBuffer));
      const text = this.headerBuffer;
      this.headerBuffer = '';
      this.consume(text);
    }
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
      this.afterClosingQuote = true;
    }
    if (this.inQuotes) {
      this.handlers.issue({
        file: this.file,
        line: this.cellLine,
        column: this.cellColumn,
        message: 'expected a closing quote for the quoted cell that starts here, found the end of the file',
        hint: 'the file may be truncated, or a quote inside a value is not doubled ("")',
      });
      this.cells.length = 0;
      return;
    }
    if (this.cellStarted || this.cells.length > 0) this.finishRecord();
    if (!this.headerSeen) {
      this.handlers.issue({
        file: this.file,
        line: 1,
        column: 1,
        message: 'expected a header row naming the columns, found an empty file',
        hint: 'export the sheet again with its header row, or remove the file if it is optional',
      });
      return;
    }
    this.handlers.end?.();
  }

  private setDelimiter(delimiter: Delimiter): void {
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  private consume(text: string): void {
    const n = text.length;
    const delimiter = this.delimiterCode;
    const separator = this.delimiter!;
    let i = 0;
    while (i < n) {
      // Fast path: a whole line without quotes, stray marks or carriage returns inside, read with
      // the engine's own search and split. Everything else goes through the state machine below.
      if (this.headerSeen && this.cells.length === 0 && !this.cellStarted && !this.inQuotes && !this.skipLf && !this.afterClosingQuote && this.bomColumn === 0) {
        const end = text.indexOf('\n', i);
        if (end >= 0) {
          const stop = end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end;
          const line = text.slice(i, stop);
          if (!SPECIAL_IN_LINE.test(line)) {
            this.plainLine(line, separator);
            i = end + 1;
            continue;
          }
        }
      }
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (c === REPLACEMENT) this.reportEncoding();
      if (c === BOM) {
        // A byte-order mark after the start of the file: two exports joined. Not part of any value.
        if (this.bomColumn === 0) this.bomColumn = this.column;
        this.column++;
        i++;
        continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === QUOTE) {
            this.cell += '"';
            this.column++;
            i++;
            continue;
          }
          this.inQuotes = false;
          this.afterClosingQuote = true;
          continue; // re-read c outside the quotes
        }
        if (c === QUOTE) {
          this.quotePending = true;
          this.column++;
          i++;
          continue;
        }
        // Take a run of ordinary characters at once.
        let j = i;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === QUOTE || d === LF || d === CR || d === REPLACEMENT || d === BOM) break;
          j++;
        }
        if (j > i) {
          this.cell += text.slice(i, j);
          this.column += j - i;
          i = j;
          continue;
        }
        // A line break inside quotes is part of the value; normalise CRLF to LF.
        if (c === CR) {
          this.cell += '\n';
          this.newLine();
          this.skipLf = true;
        } else if (c === LF) {
          this.cell += '\n';
          this.newLine();
        } else {
          this.cell += text[i];
          this.column++;
        }
        i++;
        continue;
      }
      if (c === delimiter) {
        this.endCell();
        this.column++;
        i++;
        this.startCell();
        continue;
      }
      if (c === LF || c === CR) {
        this.finishRecord();
        this.newLine();
        if (c === CR) this.skipLf = true;
        i++;
        continue;
      }
      if (this.afterClosingQuote) {
        this.handlers.issue({
          file: this.file,
          line: this.line,
          column: this.column,
          message: `expected a delimiter or the end of the line after a closing quote, found ${JSON.stringify(text[i])}`,
          hint: 'a quote inside a quoted value must be doubled ("")',
        });
        this.afterClosingQuote = false;
      }
      if (c === QUOTE && !this.cellStarted) {
        this.cellStarted = true;
        this.inQuotes = true;
        this.column++;
        i++;
        continue;
      }
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === delimiter || d === LF || d === CR || d === REPLACEMENT || d === BOM) break;
        j++;
      }
      if (j === i) j = i + 1;
      this.cell += text.slice(i, j);
      this.cellStarted = true;
      this.column += j - i;
      i = j;
    }
  }

  /** A line known to hold no quote, BOM, replacement character or CR: its cells are split at once. */
  private plainLine(line: string, separator: string): void {
    const cells = line.split(separator);
    if (!onlySpaces(cells)) {
      const columns = new Array<number>(cells.length);
      let column = 1;
      for (let k = 0; k < cells.length; k++) {
        columns[k] = column;
        column += cells[k]!.length + 1;
      }
      this.handlers.record({ line: this.line, cells, columns });
    }
    this.line++;
    this.column = 1;
    this.cellLine = this.line;
    this.cellColumn = 1;
  }

  private newLine(): void {
    this.line++;
    this.column = 1;
  }

  private startCell(): void {
    this.cell = '';
    this.cellColumn = this.column;
    this.cellLine = this.line;
    this.cellStarted = false;
    this.afterClosingQuote = false;
  }

  private endCell(): void {
    if (this.cells.length === 0) this.recordLine = this.cellLine;
    this.cells.push(this.cell);
    this.columns.push(this.cellColumn);
  }

  private finishRecord(): void {
    this.endCell();
    const blank = (this.cells.length === 1 && this.cells[0] === '' && !this.cellStarted) || onlySpaces(this.cells);
    if (!blank) {
      const record: CsvRecord = { line: this.recordLine, cells: this.cells, columns: this.columns };
      if (this.bomColumn > 0) record.bom = this.bomColumn;
      if (!this.headerSeen) {
        this.headerSeen = true;
        this.handlers.header(
          { line: record.line, cells: [...record.cells], columns: [...record.columns] },
          this.delimiter ?? ',',
        );
      } else {
        this.handlers.record(record);
      }
    }
    this.cells.length = 0;
    this.columns.length = 0;
    this.bomColumn = 0;
    this.cell = '';
    this.cellStarted = false;
    this.afterClosingQuote = false;
    this.cellColumn = 1;
    this.cellLine = this.line + 1;
  }

  private reportEncoding(): void {
    if (this.badEncodingReported) return;
    this.badEncodingReported = true;
    this.handlers.issue({
      file: this.file,
      line: this.line,
      column: this.column,
      message: 'expected UTF-8 text, found bytes that are not UTF-8',
      hint:
        this.legacyEncoding === 'windows-1251'
          ? 'the file was probably saved as Windows-1251 (Cyrillic); save it again as "CSV UTF-8"'
          : 'the file was probably saved as Windows-1252 or Latin-1; save it again as "CSV UTF-8"',
    });
  }

  private reportUtf16(): void {
    this.unreadable = true;
    this.handlers.issue({
      file: this.file,
      line: 1,
      column: 1,
      message: 'expected UTF-8 text, found a file saved as UTF-16 (Excel\'s "Unicode text")',
      hint: 'save it again as "CSV UTF-8 (Comma delimited)"',
    });
  }
}

/** Every cell empty or spaces only: a phantom row of delimiters, as Excel leaves below the data. */
function onlySpaces(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

/**
 * UTF-16 read as UTF-8: a byte-order mark FF FE / FE FF (two replacement characters), or NULs in
 * every other position of the first characters (ASCII text in UTF-16 without a BOM).
 */
export function looksLikeUtf16(text: string): boolean {
  if (text.charCodeAt(0) === REPLACEMENT && text.charCodeAt(1) === REPLACEMENT) {
    // FF FE or FE FF: both bytes are invalid UTF-8 lead bytes. The next pair holds a NUL for ASCII.
    const rest = text.slice(2, 66);
    return rest.length === 0 || nulPattern(rest) || rest.includes('\u0000');
  }
  return nulPattern(text.slice(0, 64));
}

function nulPattern(text: string): boolean {
  if (text.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const pairs = Math.floor(text.length / 2);
  return Math.max(even, odd) >= pairs * 0.6 && Math.min(even, odd) <= pairs * 0.1;
}

/**
 * Which legacy encoding bytes that are not UTF-8 were probably written in: runs of three or more
 * bytes from C0 to FF are Cyrillic words in Windows-1251 (in UTF-8 a lead byte is always followed
 * by bytes below C0, and Latin-1 text has its accented letters one or two at a time).
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding {
  let run = 0;
  let runs = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) high++;
    if (b >= 0xc0) {
      run++;
      if (run === 3) runs++;
    } else {
      run = 0;
    }
  }
  return runs > 0 && runs * 3 >= high * 0.2 ? 'windows-1251' : 'windows-1252';
}

function firstLineEnd(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) return i;
  }
  return -1;
}

/** The delimiter is the one of `,` `;` tab that occurs most often outside quotes in the header. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Streams a file through the parser. Bytes are decoded as UTF-8; bytes that are not UTF-8 become
 * U+FFFD, which the parser reports once with its position.
 */
export async function parseCsvFile(path: string, displayPath: string, handlers: CsvHandlers): Promise<void> {
  const parser = new CsvParser(displayPath, handlers);
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let guessed = false;
  for await (const chunk of stream) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (!guessed && text.includes('\ufffd')) {
      guessed = true;
      parser.legacyEncoding = guessLegacyEncoding(chunk as Buffer);
    }
    parser.write(text);
  }
  parser.write(decoder.decode());
  parser.end();
}

/** Parses a whole CSV text; for tests and small inputs. */
export function parseCsvText(text: string, displayPath: string, handlers: CsvHandlers): void {
  const parser = new CsvParser(displayPath, handlers);
  parser.write(text);
  parser.end();
}
