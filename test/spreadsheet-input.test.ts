/**
 * CSV as spreadsheets really write it: Finnish, Russian and Vietnamese Excel dates and numbers,
 * UTF-16 and Windows-1251 files, thousands separators, phantom rows, two exports joined, and
 * floods of one problem (one summary line instead of thousands). Exact messages throughout.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../src/pipeline/csv.ts';
import { parseDate, parseDateTimeText } from '../src/pipeline/dates.ts';
import { appendIssues, formatIssue, summariseIssues, type Issue } from '../src/pipeline/issues.ts';
import { runDataBuild } from '../src/pipeline/run.ts';
import { readTableFile, readTableText, type TableSpec } from '../src/pipeline/table.ts';
import { dateCell } from '../src/schemas/cells.ts';
import { complaintColumns, orderColumns, orderRules, surveyColumns } from '../src/schemas/company-data.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TODAY = '2026-11-23';

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trust-spreadsheet-'));
  temps.push(dir);
  return dir;
}

const show = (issues: Issue[]) => issues.map(formatIssue);

function read<S extends TableSpec>(text: string, spec: S, rules: Parameters<typeof readTableText<S>>[4] = {}) {
  const rows: unknown[] = [];
  const result = readTableText(text, 'x.csv', spec, (row) => rows.push({ ...row }), rules);
  return { rows, issues: show(result.issues), count: result.rows };
}

// ---------------------------------------------------------------------------------------------
// What Finnish Excel writes when it saves a CSV: `;`, decimal commas, a BOM, CRLF, dates as
// 1.10.2022, date-times as 5.10.2022 14:51, and 78.0 as 78.

/** One CSV line split into cells (the demo files quote only text with commas or quotes). */
function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A cell as Finnish Excel writes it back after opening the CSV. */
function finnishCell(cell: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  if (m) return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(cell);
  if (m) return `${Number(m[3])}.${Number(m[2])}.${m[1]} ${Number(m[4])}:${m[5]}`;
  if (/^-?\d+\.\d+$/.test(cell)) return String(Number(cell)).replace('.', ',');
  return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function finnishCsv(text: string): string {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return `\ufeff${lines.map((line) => splitLine(line).map(finnishCell).join(';')).join('\r\n')}\r\n`;
}

describe('the demo data saved by Finnish Excel', () => {
  it('converts cells as Excel does', () => {
    expect(['2022-10-01', '2022-10-05T14:51', '2022-10-05T09:05', '78.0', '152.24', '152.20', 'a;b', 'C01', ''].map(finnishCell)).toEqual([
      '1.10.2022',
      '5.10.2022 14:51',
      '5.10.2022 9:05',
      '78',
      '152,24',
      '152,2',
      '"a;b"',
      'C01',
      '',
    ]);
  });

  it('builds the same figures as the demo', async () => {
    const work = await tempDir();
    const data = join(work, 'data');
    await cp(join(ROOT, 'data'), data, { recursive: true });
    const company = join(data, 'company');
    for (const name of (await readdir(company)).filter((n) => n.endsWith('.csv'))) {
      const text = await readFile(join(company, name), 'utf8');
      const converted = finnishCsv(text);
      expect(converted).not.toBe(text);
      await writeFile(join(company, name), converted);
    }
    const orders = await readFile(join(company, 'orders.csv'), 'utf8');
    expect(orders.slice(0, 200)).toMatch(/^\ufefforder_id;customer_id;order_date;.*\r\nO\d+;C\d+;\d{1,2}\.\d{1,2}\.\d{4};/);
    expect(orders).toMatch(/;\d+,\d+;/);
    expect(await readFile(join(company, 'complaints.csv'), 'utf8')).toMatch(/\r\nK\d+;C\d+;\d{1,2}\.\d{1,2}\.\d{4} \d{1,2}:\d{2};/);

    const content = join(ROOT, 'content');
    const [demo, finnish] = await Promise.all([
      runDataBuild({ dataDir: join(ROOT, 'data'), contentDir: content, today: TODAY }),
      runDataBuild({ dataDir: data, contentDir: content, today: TODAY }),
    ]);
    expect(demo.issues).toEqual([]);
    expect(show(finnish.issues)).toEqual([]);
    expect(finnish.counts).toEqual(demo.counts);
    expect(JSON.stringify(finnish.report!.metrics)).toBe(JSON.stringify(demo.report!.metrics));
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------

const DATE_EXPECTED = 'expected a date written as YYYY-MM-DD that exists on the calendar';
const DATE_TIME_EXPECTED =
  'expected a date and time written as YYYY-MM-DDTHH:MM (UTC unless an offset is given) on a date that exists on the calendar';

describe('dates as Finnish, Russian and Vietnamese Excel write them', () => {
  it('reads ISO dates, day-first dotted dates and dates at midnight', () => {
    const { rows, issues } = read(
      'd\n2025-01-31\n1.10.2022\n01.10.2022\n29.2.2024\n2023-01-01 00:00:00\n2023-01-01 00:00\n2025-01-01T00:00:00.000Z\n1.10.2022 0:00\n',
      { d: dateCell() },
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual(['2025-01-31', '2022-10-01', '2022-10-01', '2024-02-29', '2023-01-01', '2023-01-01', '2025-01-01', '2022-10-01'].map((d) => ({ d })));
    expect(parseDate('1.10.2022')).toBe('2022-10-01');
  });

  it('refuses slash dates, dates not on the calendar, times of day and two-digit years, each with its reason', () => {
    const { issues } = read('d\n01/02/2026\n31.2.2025\n2023-01-01 12:30:00\n1.10.22\n2025-02-30\nyesterday\n', { d: dateCell() });
    expect(issues).toEqual([
      `x.csv:2:1: d: ${DATE_EXPECTED}, found "01/02/2026", which can be read as day/month or month/day\n  hint: a date with slashes reads as day/month or month/day depending on the sheet; write dates as YYYY-MM-DD (set the column format to ISO dates before exporting)`,
      `x.csv:3:1: d: ${DATE_EXPECTED}, found "31.2.2025", which is not on the calendar\n  hint: a date with dots is read as day.month.year; check the day and the month`,
      `x.csv:4:1: d: ${DATE_EXPECTED}, found "2023-01-01 12:30:00", a date with a time of day\n  hint: this column holds dates only (a time is accepted only when it is midnight); format the column as a date (YYYY-MM-DD) before exporting`,
      `x.csv:5:1: d: ${DATE_EXPECTED}, found "1.10.22" with a two-digit year\n  hint: write the year with four digits; set the column format to ISO dates (YYYY-MM-DD) before exporting`,
      `x.csv:6:1: d: ${DATE_EXPECTED}, found "2025-02-30"\n  hint: set the column format to ISO dates (YYYY-MM-DD) before exporting`,
      `x.csv:7:1: d: ${DATE_EXPECTED}, found "yesterday"\n  hint: set the column format to ISO dates (YYYY-MM-DD) before exporting`,
    ]);
  });

  it('reads date-times as ISO timestamps, with a space, and day first with dots', () => {
    const { rows, issues } = read(
      'a\n2025-01-01T00:11:00.000Z\n01.01.2025 00:11\n1.1.2025 0:11\n2025-01-01 00:11:00\n2025-01-01T02:11+02:00\n2025-01-01T00:11\n',
      { a: complaintColumns.opened_at },
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual(Array.from({ length: 6 }, () => ({ a: Date.UTC(2025, 0, 1, 0, 11) })));
    expect(parseDateTimeText('5.10.2022 14:51')).toBe(Date.UTC(2022, 9, 5, 14, 51));
    expect(parseDateTimeText('2025-01-01T00:11:00.250Z')).toBe(Date.UTC(2025, 0, 1, 0, 11, 0, 250));
  });

  it('refuses date-times it cannot read, always with a hint', () => {
    const { issues } = read('a\n01/01/2025 00:11\n1.1.2025\n31.2.2025 10:00\n1.1.2025 24:00\n2025-02-30T16:00\nnoon\n', { a: complaintColumns.opened_at });
    expect(issues).toEqual([
      `x.csv:2:1: a: ${DATE_TIME_EXPECTED}, found "01/01/2025 00:11", which can be read as day/month or month/day\n  hint: a date with slashes reads as day/month or month/day depending on the sheet; write date-times as YYYY-MM-DDTHH:MM (e.g. 2025-01-31T14:05)`,
      `x.csv:3:1: a: ${DATE_TIME_EXPECTED}, found "1.1.2025", a date without a time of day\n  hint: this column needs the time too: format the column as date and time (YYYY-MM-DD HH:MM) before exporting`,
      `x.csv:4:1: a: ${DATE_TIME_EXPECTED}, found "31.2.2025 10:00", which is not on the calendar\n  hint: check the day and the month`,
      `x.csv:5:1: a: ${DATE_TIME_EXPECTED}, found "1.1.2025 24:00", which is not a time of day\n  hint: hours go from 0 to 23, minutes and seconds from 0 to 59`,
      `x.csv:6:1: a: ${DATE_TIME_EXPECTED}, found "2025-02-30T16:00", which is not on the calendar\n  hint: check the day and the month`,
      `x.csv:7:1: a: ${DATE_TIME_EXPECTED}, found "noon"\n  hint: write date-times as YYYY-MM-DDTHH:MM (e.g. 2025-01-31T14:05), or as 31.1.2025 14:05 as Finnish Excel does`,
    ]);
  });
});

describe('numbers', () => {
  const spec = { q: orderColumns.quoted_amount, n: surveyColumns.nps };
  const THOUSANDS = '  hint: write numbers without thousands separators: in Excel, untick "Use 1000 Separator" in the column\'s number format before exporting';
  const SEMI = 'expected the quoted amount as a number of 0 or more, with a comma or a dot for decimals';
  const COMMA = 'expected the quoted amount as a number of 0 or more, with a dot for decimals';

  it('names the thousands separator, and never asks for a dot in a file that takes decimal commas', () => {
    const { issues, rows } = read('q;n\n1 086,25;1\n1\u00a0086,25;1\n1\u202f086,25;1\n1.086,25;1\n1 000 000;1\n1086,25;1\n', spec);
    expect(issues).toEqual([
      `x.csv:2:1: q: ${SEMI}, found "1 086,25" with a space as the thousands separator\n${THOUSANDS}`,
      `x.csv:3:1: q: ${SEMI}, found "1\u00a0086,25" with a no-break space as the thousands separator\n${THOUSANDS}`,
      `x.csv:4:1: q: ${SEMI}, found "1\u202f086,25" with a narrow no-break space as the thousands separator\n${THOUSANDS}`,
      `x.csv:5:1: q: ${SEMI}, found "1.086,25" with a dot as the thousands separator\n${THOUSANDS}`,
      `x.csv:6:1: q: ${SEMI}, found "1 000 000" with a space as the thousands separator\n${THOUSANDS}`,
    ]);
    expect(rows).toEqual([{ q: 1086.25, n: 1 }]);
  });

  it('in a comma-delimited file, names a comma thousands separator and asks for a decimal dot', () => {
    const { issues } = read('q,n\n"1,086.25",1\n"1,5",1\nn/a,1\n', spec);
    expect(issues).toEqual([
      `x.csv:2:1: q: ${COMMA}, found "1,086.25" with a comma as the thousands separator\n${THOUSANDS}`,
      `x.csv:3:1: q: ${COMMA}, found "1,5"\n  hint: this comma-delimited file needs a dot as the decimal separator (or export with ";" as the delimiter)`,
      `x.csv:4:1: q: ${COMMA}, found "n/a"`,
    ]);
  });

  it('asks for a finite number', () => {
    const { issues } = read('q;n\n1e309;1\n-1e400;1\nInfinity;1\nNaN;1\n', spec);
    expect(issues).toEqual([
      'x.csv:2:1: q: expected a finite number, found "1e309"\n  hint: a value this large is probably a typing or export error; check the cell',
      'x.csv:3:1: q: expected a finite number, found "-1e400"\n  hint: a value this large is probably a typing or export error; check the cell',
      'x.csv:4:1: q: expected a finite number, found "Infinity"\n  hint: leave the cell empty when there is no value, if the column allows it',
      'x.csv:5:1: q: expected a finite number, found "NaN"\n  hint: leave the cell empty when there is no value, if the column allows it',
    ]);
  });

  it('takes answers only as whole numbers written plainly', () => {
    const { issues, rows } = read('q;n\n1;1e1\n1;7.0\n1;+4\n1;7,0\n1;7.5\n1;07\n1;\n', spec);
    const NPS = 'expected a whole number from 0 to 10 or an empty cell';
    expect(issues).toEqual([
      `x.csv:2:3: n: ${NPS}, found "1e1", which is not a whole number written plainly\n  hint: write whole numbers with digits only (10, not 1e1)`,
      `x.csv:3:3: n: ${NPS}, found "7.0", which is not a whole number written plainly\n  hint: write whole numbers with digits only (7, not 7.0)`,
      `x.csv:4:3: n: ${NPS}, found "+4", which is not a whole number written plainly\n  hint: write whole numbers with digits only (4, not +4)`,
      `x.csv:5:3: n: ${NPS}, found "7,0", which is not a whole number written plainly\n  hint: write whole numbers with digits only (7, not 7,0)`,
      `x.csv:6:3: n: ${NPS}, found "7.5"\n  hint: the answer to "How likely are you to recommend us?" on the 0-10 scale`,
    ]);
    expect(rows).toEqual([{ q: 1, n: 7 }, { q: 1, n: undefined }]);
  });
});

describe('rows Excel adds', () => {
  const spec = { d: dateCell(), n: surveyColumns.nps, c: surveyColumns.csat };

  it('skips phantom rows made only of delimiters and spaces', () => {
    const { issues, rows, count } = read('d,n,c\r\n2025-01-01,1,2\r\n,,\r\n , ,\r\n"","",""\r\n;;\r\n2025-01-02,3,4\r\n,,\r\n,,\r\n', spec);
    expect(issues).toEqual([
      'x.csv:6:1: expected 3 cells as in the header, found 1\n  hint: a delimiter is probably missing, or the row was cut short',
    ]);
    expect(rows).toHaveLength(2);
    expect(count).toBe(3);
  });

  it('reports a second header row once, with its byte-order mark, and reads the rows below it', () => {
    const { issues, rows, count } = read('\ufeffd,n,c\n2025-01-01,1,2\n\ufeffd,n,c\n2025-01-02,3,4\n', spec);
    expect(issues).toEqual([
      'x.csv:3:1: expected data rows below the header, found a second header row at line 3 (two exports joined?)\n  hint: delete this row; if two exports were joined, check that no rows appear twice',
    ]);
    expect(rows).toHaveLength(2);
    expect(count).toBe(2);
  });

  it('reports a byte-order mark inside the file', () => {
    const { issues, rows } = read('d,n,c\n2025-01-01,1,2\n\ufeff2025-01-02,3,4\n', spec);
    expect(issues).toEqual([
      'x.csv:3:1: expected a byte-order mark only at the start of the file, found one at line 3 (two exports joined?)\n  hint: delete the invisible character U+FEFF at this place; Excel writes one at the start of every "CSV UTF-8" file',
    ]);
    expect(rows).toEqual([
      { d: '2025-01-01', n: 1, c: 2 },
      { d: '2025-01-02', n: 3, c: 4 },
    ]);
  });
});

describe('encodings', () => {
  const spec = { id: surveyColumns.respondent_id, n: surveyColumns.nps };
  const UTF16 = [
    'x.csv:1:1: expected UTF-8 text, found a file saved as UTF-16 (Excel\'s "Unicode text")\n  hint: save it again as "CSV UTF-8 (Comma delimited)"',
  ];
  const text = 'id\tn\r\nR1\t7\r\nR2\t8\r\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();

  for (const [name, bytes] of [
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ['UTF-16 LE without a BOM', le],
    ['UTF-16 BE without a BOM', be],
  ] as const) {
    it(`reports ${name} once, as UTF-16`, async () => {
      const file = join(await tempDir(), 'x.csv');
      await writeFile(file, bytes);
      const result = await readTableFile(file, 'x.csv', spec, () => {});
      expect(show(result.issues)).toEqual(UTF16);
    });
  }

  /** Windows-1251: А..я are C0..FF. */
  const cp1251 = (s: string) => Buffer.from([...s].map((ch) => (ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));

  it('names Windows-1251 for Cyrillic bytes, and Latin-1 for others', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ru.csv'), cp1251('id,n\nR1,7\nДоверие,8\n'));
    await writeFile(join(dir, 'fi.csv'), Buffer.from('id,n\nR1,7\nJ\xe4rvi,8\n', 'latin1'));
    const ru = await readTableFile(join(dir, 'ru.csv'), 'ru.csv', spec, () => {});
    const fi = await readTableFile(join(dir, 'fi.csv'), 'fi.csv', spec, () => {});
    expect(show(ru.issues)).toEqual([
      'ru.csv:3:1: expected UTF-8 text, found bytes that are not UTF-8\n  hint: the file was probably saved as Windows-1251 (Cyrillic); save it again as "CSV UTF-8"',
    ]);
    expect(show(fi.issues)).toEqual([
      'fi.csv:3:2: expected UTF-8 text, found bytes that are not UTF-8\n  hint: the file was probably saved as Windows-1252 or Latin-1; save it again as "CSV UTF-8"',
    ]);
  });

  it('reads UTF-8 with a BOM and CRLF as before', () => {
    const issues: Issue[] = [];
    const records: string[][] = [];
    parseCsvText('\ufeffid;n\r\nR1;7\r\n', 'x.csv', { header: () => {}, record: (r) => records.push([...r.cells]), issue: (i) => issues.push(i) });
    expect(issues).toEqual([]);
    expect(records).toEqual([['R1', '7']]);
  });
});

describe('floods of one problem', () => {
  it('shows the first five of a kind in a column, then one line with the count and the cause', () => {
    const header = 'order_id,customer_id,order_date,segment,country,acquisition_channel,quoted_amount,charged_amount,promised_date,delivered_date';
    const lines = [header];
    for (let i = 1; i <= 1000; i++) lines.push(`O${i},C1,1/${1 + (i % 12)}/2025,families,FI,search,10.5,10.5,2025-02-01,${i % 4 === 0 ? '2025-02-01' : ''}`);
    const { issues } = read(`${lines.join('\n')}\n`, orderColumns, { rules: orderRules });
    const SLASH = 'hint: a date with slashes reads as day/month or month/day depending on the sheet; write dates as YYYY-MM-DD (set the column format to ISO dates before exporting)';
    expect(issues).toEqual([
      ...[2, 3, 4, 5, 6].map((line) => `x.csv:${line}:${String(`O${line - 1},C1,`).length + 1}: order_date: ${DATE_EXPECTED}, found "1/${1 + ((line - 1) % 12)}/2025", which can be read as day/month or month/day\n  ${SLASH}`),
      `x.csv:7:7: order_date: … and 995 more rows like these, up to line 1,001: this column is written like "1/2/2025" in every row\n  ${SLASH}`,
    ]);
  });

  it('summarises rows with the wrong number of cells and rule problems the same way', () => {
    const lines = ['order_id,customer_id,order_date,segment,country,acquisition_channel,quoted_amount,charged_amount,promised_date,delivered_date'];
    for (let i = 1; i <= 20; i++) lines.push(`O${i},C1,2025-02-01,families,FI,search,10.5,10.5,2025-01-01,`);
    for (let i = 21; i <= 40; i++) lines.push(`O${i};C1;2025-02-01;families;FI;search;10.5;10.5;2025-02-01;`);
    const { issues } = read(`${lines.join('\n')}\n`, orderColumns, { rules: orderRules });
    expect(issues.filter((i) => i.includes('…'))).toEqual([
      'x.csv:7:47: promised_date: … and 15 more rows like these, up to line 21: the same problem in 20 of 40 rows',
      'x.csv:27:1: … and 15 more rows like these, up to line 41: 1 cell instead of 10 in 20 of 40 rows\n  hint: a delimiter is probably missing, or the row was cut short',
    ]);
    expect(issues).toHaveLength(12);
  });

  it('never overflows the stack, however many problems a file has', async () => {
    const work = await tempDir();
    await cp(join(ROOT, 'test', 'fixtures', 'small'), join(work, 'data'), { recursive: true });
    const file = join(work, 'data', 'company', 'orders.csv');
    const header = (await readFile(file, 'utf8')).split('\n')[0]!;
    const rows = 150_000;
    let text = `${header}\n`;
    for (let i = 1; i <= rows; i++) {
      const d = `${1 + (i % 28)}/${1 + (i % 12)}/2025`;
      text += `O${i},C${String(1 + (i % 12)).padStart(2, '0')},${d},families,FI,search,10.5,10.5,${d},${i % 10 === 0 ? '' : d}\n`;
    }
    await writeFile(file, text);
    const result = await runDataBuild({ dataDir: join(work, 'data'), contentDir: join(ROOT, 'test', 'fixtures', 'small-content'), today: TODAY });
    // Three date columns: five located problems each and one summary line.
    expect(result.issues).toHaveLength(18);
    expect(result.issues.filter((i) => i.message.startsWith('…')).map((i) => `${i.line}:${i.field}: ${i.message}`)).toEqual([
      '7:order_date: … and 149,995 more rows like these, up to line 150,001: this column is written like "2/2/2025" in every row',
      '7:promised_date: … and 149,995 more rows like these, up to line 150,001: this column is written like "2/2/2025" in every row',
      '7:delivered_date: … and 134,995 more rows like these, up to line 150,000: this column is written like "2/2/2025" in 135,000 of 150,000 rows',
    ]);
  }, 60_000);
});

describe('summarising problems found row by row', () => {
  const unknown = (line: number, id: string): Issue => ({
    file: 'survey.csv',
    line,
    column: 9,
    field: 'customer_id',
    message: `expected a customer id that appears in orders.csv, found "${id}"`,
    hint: 'leave the cell empty for respondents who are not linked to a customer',
  });

  it('keeps the first five of a kind and puts one line for the rest where they begin', () => {
    const issues = [...Array.from({ length: 3000 }, (_, i) => unknown(i + 2, `C${i}`)), { file: 'survey.csv', line: 4, column: 1, message: 'another kind' }];
    expect(show(summariseIssues(issues))).toEqual([
      ...[2, 3, 4, 5, 6].map((line) => formatIssue(unknown(line, `C${line - 2}`))),
      'survey.csv:7:9: customer_id: … and 2,995 more like these, up to line 3,001\n  hint: leave the cell empty for respondents who are not linked to a customer',
      'survey.csv:4:1: another kind',
    ]);
  });

  it('appends any number of problems without overflowing the stack', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => unknown(i + 2, 'C1'));
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(appendIssues([], many)).toHaveLength(300_000);
  });
});
