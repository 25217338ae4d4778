import { describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, guessLegacyEncoding, looksLikeUtf16, type CsvRecord } from '../src/pipeline/csv.ts';
import type { Issue } from '../src/pipeline/issues.ts';

function parse(text: string, chunkSize = Infinity) {
  const records: Array<{ line: number; cells: string[]; columns: number[]; bom?: number }> = [];
  const issues: Issue[] = [];
  let delimiter = '';
  const keep = (r: CsvRecord) => records.push({ line: r.line, cells: [...r.cells], columns: [...r.columns], ...(r.bom ? { bom: r.bom } : {}) });
  const parser = new CsvParser('x.csv', {
    header: (r, d) => {
      delimiter = d;
      keep(r);
    },
    record: keep,
    issue: (i) => issues.push(i),
  });
  if (chunkSize === Infinity) parser.write(text);
  else for (let i = 0; i < text.length; i += chunkSize) parser.write(text.slice(i, i + chunkSize));
  parser.end();
  return { records, issues, delimiter };
}

describe('CsvParser', () => {
  it('reads cells with their line and column', () => {
    const { records } = parse('a,b,c\n1,22,333\n');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'], columns: [1, 3, 5] },
      { line: 2, cells: ['1', '22', '333'], columns: [1, 3, 6] },
    ]);
  });

  it('handles quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    const { records } = parse('a,b\n"x, ""y""","line1\nline2"\nlast,row');
    expect(records[1]).toEqual({ line: 2, cells: ['x, "y"', 'line1\nline2'], columns: [1, 12] });
    expect(records[2]).toEqual({ line: 4, cells: ['last', 'row'], columns: [1, 6] });
  });

  it('gives the same records whatever the chunk size', () => {
    const text = '\ufeffid;value\r\n"a;b";"1,5"\r\nc;2\r\n';
    const whole = parse(text);
    for (const size of [1, 2, 3, 7]) expect(parse(text, size)).toEqual(whole);
  });

  it('strips a BOM, accepts CRLF and detects the semicolon delimiter', () => {
    const { records, delimiter } = parse('\ufeffid;value\r\nx;1,5\r\n');
    expect(delimiter).toBe(';');
    expect(records).toEqual([
      { line: 1, cells: ['id', 'value'], columns: [1, 4] },
      { line: 2, cells: ['x', '1,5'], columns: [1, 3] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    const { records } = parse('a\n\n1\n\n\n2\n');
    expect(records.map((r) => r.line)).toEqual([1, 3, 6]);
  });

  it('reports an unclosed quote at the cell where it opens', () => {
    const { issues } = parse('a,b\n1,"never closed\n2,3\n');
    expect(issues).toEqual([
      {
        file: 'x.csv',
        line: 2,
        column: 3,
        message: 'expected a closing quote for the quoted cell that starts here, found the end of the file',
        hint: 'the file may be truncated, or a quote inside a value is not doubled ("")',
      },
    ]);
  });

  it('reports text after a closing quote', () => {
    const { issues } = parse('a,b\n"x"y,2\n');
    expect(issues[0]).toMatchObject({ line: 2, column: 4, message: 'expected a delimiter or the end of the line after a closing quote, found "y"' });
  });

  it('reports bytes that were not UTF-8 once, where they are', () => {
    const { issues } = parse('a,b\nok,fine\nM\ufffdller,x\nJ\ufffdrvi,y\n');
    expect(issues).toEqual([
      {
        file: 'x.csv',
        line: 3,
        column: 2,
        message: 'expected UTF-8 text, found bytes that are not UTF-8',
        hint: 'the file was probably saved as Windows-1252 or Latin-1; save it again as "CSV UTF-8"',
      },
    ]);
  });

  it('reports an empty file', () => {
    expect(parse('').issues[0]?.message).toBe('expected a header row naming the columns, found an empty file');
    expect(parse('\ufeff\r\n').issues[0]?.message).toBe('expected a header row naming the columns, found an empty file');
  });

  it('detects the delimiter from the header only, ignoring quoted text', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"a;b";"c,d";e')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('skips phantom rows of delimiters and spaces, quoted or not', () => {
    const { records } = parse('a,b,c\r\n1,2,3\r\n,,\r\n , ,\r\n"","",""\r\n4,5,6\r\n,,');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('removes a byte-order mark inside the file and marks its record', () => {
    for (const size of [Infinity, 1, 5]) {
      const { records } = parse('a,b\n1,2\n\ufeffa,b\n3,"\ufeff4"\n', size);
      expect(records.slice(1)).toEqual([
        { line: 2, cells: ['1', '2'], columns: [1, 3] },
        { line: 3, cells: ['a', 'b'], columns: [1, 4], bom: 1 },
        { line: 4, cells: ['3', '4'], columns: [1, 3], bom: 4 },
      ]);
    }
  });

  it('tells the end of the file to the handlers once', () => {
    let ends = 0;
    const parser = new CsvParser('x.csv', { header: () => {}, record: () => {}, issue: () => {}, end: () => ends++ });
    parser.write('a\n1\n');
    parser.end();
    expect(ends).toBe(1);
  });

  it('recognises UTF-16 read as UTF-8, by its BOM or its NULs', () => {
    const decode = (bytes: Buffer) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const le = Buffer.from('id,nps\r\nR1,7\r\n', 'utf16le');
    expect(looksLikeUtf16(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), le])))).toBe(true);
    expect(looksLikeUtf16(decode(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()])))).toBe(true);
    expect(looksLikeUtf16(decode(le))).toBe(true);
    expect(looksLikeUtf16(decode(Buffer.from(le).swap16()))).toBe(true);
    expect(looksLikeUtf16('\ufeffid,nps\r\nR1,7\r\n')).toBe(false);
    expect(looksLikeUtf16('a,b\n1,\u0000\n')).toBe(false);
    const { issues, records } = parse(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), le])));
    expect(records).toEqual([]);
    expect(issues).toEqual([
      {
        file: 'x.csv',
        line: 1,
        column: 1,
        message: 'expected UTF-8 text, found a file saved as UTF-16 (Excel\'s "Unicode text")',
        hint: 'save it again as "CSV UTF-8 (Comma delimited)"',
      },
    ]);
  });

  it('guesses Windows-1251 from runs of Cyrillic bytes, and Latin-1 otherwise', () => {
    // "Доверие" in Windows-1251, and "Järvi" and "Müller" in Latin-1.
    expect(guessLegacyEncoding(Buffer.from([0x41, 0x2c, 0xc4, 0xee, 0xe2, 0xe5, 0xf0, 0xe8, 0xe5, 0x0a]))).toBe('windows-1251');
    expect(guessLegacyEncoding(Buffer.from('J\xe4rvi,M\xfcller,H\xe4\xe4y\xf6\n', 'latin1'))).toBe('windows-1252');
  });
});
