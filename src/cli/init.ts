/**
 * `npm run init -- <folder>`: write a starter data folder with every file the project reads, a
 * few example rows that pass every rule, a comment on every YAML key and a README.md describing
 * every file and column (src/cli/data-files.ts). In-process: `runInit` returns the exit code and
 * what to print; scripts/init.ts prints it.
 */
import { lstatSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { LOCALE_CODES } from '../i18n/locales.ts';
import { DATA_FILES, FORMAT_NOTES, renderReference, type FieldDoc } from './data-files.ts';
import { displayFolder, REPOSITORY_ROOT } from './folders.ts';

export interface InitOptions {
  folder: string;
  /** Published locales, the first the default. */
  locales: string[];
  name: string;
  force: boolean;
}

export type ParsedInitCommandLine =
  | { kind: 'run'; options: InitOptions }
  | { kind: 'help'; text: string }
  /** One line, printed to stderr, exit 2. */
  | { kind: 'usage-error'; message: string };

export const DEFAULT_NAME = 'Example Company';
const HELP_HINT = 'run "npm run init -- --help" for the options';

const OPTIONS: [string, string][] = [
  ['--locales LIST', `published languages, separated by commas, the first the default (${LOCALE_CODES.join(', ')}; default: en)`],
  ['--name TEXT', `the company's name (default: ${DEFAULT_NAME})`],
  ['--force', "write into a folder that is not empty, replacing the starter's files in it (other files are kept)"],
  ['-h, --help', 'print this help'],
];

/** The usage text printed by `--help`, in the form of the other commands' (src/cli/args.ts). */
export function initUsage(): string {
  const width = Math.max(...OPTIONS.map(([left]) => left.length)) + 2;
  return [
    'Usage: npm run init -- FOLDER [options]',
    '',
    'Write a starter data folder: every file the project reads, a few example rows that pass every',
    'check, a comment on every YAML key, and a README.md describing every file and column.',
    '',
    'Options:',
    ...OPTIONS.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
    'Example: npm run init -- ../acme-trust-data --locales fi,en --name "Acme Oy"',
    'Then:    npm run check -- --data ../acme-trust-data',
    '',
  ].join('\n');
}

function quoteArg(arg: string): string {
  return /^[\w./@:+,=-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

export function parseInitCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedInitCommandLine {
  const problem = (message: string): ParsedInitCommandLine => ({ kind: 'usage-error', message: `${message}; ${HELP_HINT}` });
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', text: initUsage() };

  // `npm run init --force ../acme` (no `--`): npm keeps the option as npm_config_force.
  for (const name of ['force', 'locales', 'name'] as const) {
    const value = env[`npm_config_${name}`];
    if (value === undefined) continue;
    const shown = name === 'force' ? '--force' : `--${name} ${value !== '' && value !== 'true' ? quoteArg(value) : name === 'locales' ? 'fi,en' : 'TEXT'}`;
    const folder = argv.find((arg) => !arg.startsWith('-'));
    return {
      kind: 'usage-error',
      message: `npm took --${name} as its own setting, so init never saw it: put -- before the folder and options, as in "npm run init -- ${folder ? quoteArg(folder) : 'FOLDER'} ${shown}"`,
    };
  }

  let folder: string | undefined;
  let locales: string[] | undefined;
  let name: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('-') || arg === '-') {
      if (folder !== undefined) return problem(`unexpected argument ${quoteArg(arg)}: give one folder (found ${quoteArg(folder)} already)`);
      folder = arg;
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    if (flag === '--force') {
      if (inline !== undefined) return problem('--force takes no value');
      force = true;
      continue;
    }
    if (flag !== '--locales' && flag !== '--name') {
      const word = flag.replace(/^-+/, '');
      const guess = ['locales', 'name', 'force'].find((known) => word !== '' && (known.startsWith(word) || word.startsWith(known.slice(0, 4))));
      return problem(`unknown option ${quoteArg(flag)}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
    if ((flag === '--locales' && locales !== undefined) || (flag === '--name' && name !== undefined)) return problem(`${flag} is given more than once`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (flag === '--name') {
      if (value === undefined || value.trim() === '') return problem('--name needs the company\'s name, as in --name "Acme Oy"');
      name = value.trim();
      continue;
    }
    if (value === undefined || value === '') return problem('--locales needs a list, as in --locales fi,en');
    const list = value.split(',').map((code) => code.trim());
    const unknown = list.find((code) => !LOCALE_CODES.includes(code));
    if (unknown !== undefined) return problem(`--locales: expected locale codes from ${LOCALE_CODES.join(', ')} separated by commas, found ${quoteArg(unknown === '' ? value : unknown)}`);
    const twice = list.find((code, k) => list.indexOf(code) !== k);
    if (twice !== undefined) return problem(`--locales: expected each locale once, found ${twice} twice`);
    locales = list;
  }
  if (folder === undefined) return problem('expected the folder to write, as in "npm run init -- ../acme-trust-data"');
  return { kind: 'run', options: { folder: resolve(folder), locales: locales ?? ['en'], name: name ?? DEFAULT_NAME, force } };
}

// ---------------------------------------------------------------------------------------------
// What the starter holds

/** Country and currency of the example rows, after the first locale. */
const MARKET: Record<string, { country: string; currency: string }> = {
  en: { country: 'US', currency: 'USD' },
  th: { country: 'TH', currency: 'THB' },
  fi: { country: 'FI', currency: 'EUR' },
  ru: { country: 'RU', currency: 'RUB' },
  vi: { country: 'VN', currency: 'VND' },
};

const SEGMENT_LABELS: Record<string, Record<string, string>> = {
  consumers: { en: 'Consumers', th: 'ลูกค้าบุคคล', fi: 'Kuluttajat', ru: 'Частные клиенты', vi: 'Khách hàng cá nhân' },
  business: { en: 'Businesses', th: 'ลูกค้าธุรกิจ', fi: 'Yritykset', ru: 'Бизнес-клиенты', vi: 'Khách hàng doanh nghiệp' },
};

const yamlText = (text: string) => JSON.stringify(text);

function fieldDoc(file: string, name: string): FieldDoc {
  const found = DATA_FILES.find((f) => f.path === file)?.fields.find((f) => f.name === name);
  if (!found) throw new Error(`init.ts: ${file} documents no key ${name}`);
  return found;
}

/** `key: value  # meaning`, the comment taken from the reference. */
function keyLine(indent: string, file: string, path: string, key: string, value: string): string {
  const doc = fieldDoc(file, path);
  const line = `${indent}${key}:${value === '' ? '' : ` ${value}`}`;
  return `${line.padEnd(30)}  # ${doc.meaning}${doc.required === 'default' ? ` (optional; ${doc.accepts.match(/\(default ([^)]*)\)/)?.[1] ?? 'has a default'} if left out)` : doc.required === 'no' ? ' (optional)' : ''}`;
}

function companyYaml(options: InitOptions): string {
  const file = 'company/company.yaml';
  const { currency } = MARKET[options.locales[0]!]!;
  const { country } = MARKET[options.locales[0]!]!;
  const k = (path: string, value: string, indent = '') => keyLine(indent, file, path, path.replace(/^.*[.\]]/, ''), value);
  const labels = (id: string) => options.locales.map((l) => `${l}: ${yamlText(SEGMENT_LABELS[id]![l]!)}`).join(', ');
  return [
    '# Who the report is for and how it is published. Every key is described in ../README.md;',
    '# a key marked optional may be deleted. Check your changes with: npm run check -- --data <this folder>',
    '',
    k('name', yamlText(options.name)),
    k('locales', `[${options.locales.join(', ')}]`),
    k('default_locale', options.locales[0]!),
    k('currency', currency),
    k('reporting_period', ''),
    keyLine('  ', file, 'reporting_period.start', 'start', '2025-07-01'),
    keyLine('  ', file, 'reporting_period.end', 'end', '2025-12-31'),
    k('minimum_cell_size', '30'),
    k('benchmark_max_age_years', '7'),
    k('industry', 'retail'),
    k('markets', `[${country}]`),
    k('segments', ''),
    keyLine('  - ', file, 'segments[].id', 'id', 'consumers'),
    keyLine('    ', file, 'segments[].labels', 'labels', `{ ${labels('consumers')} }`),
    keyLine('  - ', file, 'segments[].id', 'id', 'business'),
    keyLine('    ', file, 'segments[].labels', 'labels', `{ ${labels('business')} }`),
    k('materiality', ''),
    keyLine('  ', file, 'materiality.share', 'share', '2'),
    keyLine('  ', file, 'materiality.hours', 'hours', '2'),
    keyLine('  ', file, 'materiality.orders', 'orders', '0.1'),
    k('complaint_resolution_days', '14'),
    k('guidance_checked_within_days', '365'),
    k('repeat_answers', 'first'),
    '',
    '# Optional keys, not set here (remove the # to use them; see ../README.md):',
    k('site_url', 'https://trust.example.com/', '# '),
    k('gross_margin', '0.3', '# '),
    k('acquisition_cost', '40', '# '),
    k('weighting', '', '# '),
    keyLine('#   ', file, 'weighting.by', 'by', 'segment'),
    keyLine('#   ', file, 'weighting.targets', 'targets', ''),
    keyLine('#     - ', file, 'weighting.targets[].segment', 'segment', 'consumers'),
    keyLine('#       ', file, 'weighting.targets[].share', 'share', '800'),
    keyLine('#     - ', file, 'weighting.targets[].segment', 'segment', 'business'),
    keyLine('#       ', file, 'weighting.targets[].share', 'share', '200'),
    '',
  ].join('\n');
}

function csv(header: readonly string[], rows: readonly string[]): string {
  return `${header.join(',')}\n${rows.map((row) => `${row}\n`).join('')}`;
}

const columnsOf = (path: string) => DATA_FILES.find((f) => f.path === path)!.fields.map((f) => f.name);

/** 12 answers in two waves: too few to publish at minimum_cell_size 30, enough to check. */
function surveyCsv(country: string): string {
  const rows = [
    'R001,C001,2025-Q3,consumers,@,9,4,4,3,4,4,4,3,4,4,3',
    'R002,,2025-Q3,consumers,@,7,4,4,2,4,3,4,4,4,3,4',
    'R003,C002,2025-Q3,consumers,@,10,5,5,3,5,4,4,2,5,5,4',
    'R004,,2025-Q3,business,@,6,3,3,2,4,3,3,4,4,3,2',
    'R005,C004,2025-Q3,business,@,8,4,4,3,4,4,4,3,3,4,3',
    'R006,,2025-Q3,consumers,@,4,2,2,1,3,2,2,5,4,2,',
    'R007,C001,2025-Q4,consumers,@,9,5,4,4,5,4,5,3,4,5,4',
    'R008,C003,2025-Q4,consumers,@,8,4,4,3,4,4,4,2,4,4,3',
    'R009,,2025-Q4,consumers,@,9,4,5,3,4,4,4,3,5,4,4',
    'R010,C005,2025-Q4,business,@,7,4,3,3,4,3,4,4,4,3,3',
    'R011,,2025-Q4,business,@,10,5,5,4,5,5,5,2,4,5,4',
    'R012,C006,2025-Q4,consumers,@,5,3,3,2,3,3,3,4,5,3,2',
  ];
  return csv(columnsOf('company/survey.csv'), rows.map((row) => row.replace('@', country)));
}

function ordersCsv(country: string): string {
  const rows = [
    'O0001,C001,2025-03-12,consumers,@,referral,42.50,42.50,2025-03-17,2025-03-16',
    'O0002,C001,2025-08-04,consumers,@,referral,58.00,58.00,2025-08-09,2025-08-08',
    'O0003,C001,2025-11-20,consumers,@,referral,61.90,61.90,2025-11-25,2025-11-27',
    'O0004,C002,2025-07-15,consumers,@,search,35.00,35.00,2025-07-20,2025-07-19',
    'O0005,C002,2025-10-02,consumers,@,search,44.90,47.40,2025-10-07,2025-10-07',
    'O0006,C003,2025-09-09,consumers,@,social,29.90,29.90,2025-09-14,2025-09-13',
    'O0007,C004,2025-05-28,business,@,partner,420.00,420.00,2025-06-04,2025-06-03',
    'O0008,C004,2025-09-30,business,@,partner,515.00,515.00,2025-10-07,2025-10-09',
    'O0009,C005,2025-12-01,business,@,email,380.00,380.00,2025-12-08,2025-12-05',
    'O0010,C006,2025-12-18,consumers,,direct,24.90,24.90,2025-12-23,',
  ];
  return csv(columnsOf('company/orders.csv'), rows.map((row) => row.replace('@', country)));
}

function complaintsCsv(): string {
  return csv(columnsOf('company/complaints.csv'), [
    'K001,C002,2025-10-09T08:30,2025-10-09T11:05,2025-10-10T15:00',
    'K002,C004,2025-10-12T14:20,2025-10-13T09:00,2025-10-20T12:00',
    'K003,C006,2025-12-27T19:45,,',
  ]);
}

/** Two real publications from the project's verified library (data/benchmarks/), three of their figures. */
function sourcesYaml(): string {
  const file = 'benchmarks/sources.yaml';
  const k = (key: string, value: string) => keyLine('    ', file, `sources[].${key}`, key, value);
  const first = (key: string, value: string) => keyLine('  - ', file, `sources[].${key}`, key, value);
  return [
    '# Public publications the benchmark figures come from, one entry per publication, with its',
    '# provenance. Figures are rows of statistics.csv, linked by their source column. Every key is',
    '# described in ../README.md. These two entries are verified (status: primary); the whole',
    "# verified library of the project is in its data/benchmarks/ folder (copy it here to use it).",
    '',
    keyLine('', file, 'sources', 'sources', ''),
    first('id', 'pew-2019-privacy'),
    k('publisher', 'Pew Research Center'),
    k('title', yamlText('Americans and Privacy: Concerned, Confused and Feeling Lack of Control Over Their Personal Information')),
    k('authors', '[Brooke Auxier, Lee Rainie, Monica Anderson, Andrew Perrin, Madhu Kumar, Erica Turner]'),
    k('year', '2019'),
    k('released', '2019-11-15'),
    k('fieldwork', ''),
    keyLine('      ', file, 'sources[].fieldwork.start', 'start', '2019-06-03'),
    keyLine('      ', file, 'sources[].fieldwork.end', 'end', '2019-06-17'),
    k('population', 'US adults'),
    k('markets', '[US]'),
    k('n', '4272'),
    k('margin_of_error', '1.9'),
    k('sample', 'probability'),
    k('method', yamlText("Online survey of Pew's American Trends Panel, a probability-based panel")),
    k('url', 'https://www.pewresearch.org/internet/2019/11/15/americans-and-privacy-concerned-confused-and-feeling-lack-of-control-over-their-personal-information/'),
    k('status', 'primary'),
    '',
    first('id', 'xmi-2022-nps'),
    k('publisher', 'Qualtrics XM Institute'),
    k('title', yamlText('Consumer NPS benchmark study, 2022')),
    k('year', '2022'),
    k('population', 'US consumers rating 353 companies in 22 industries'),
    k('markets', '[US]'),
    k('n', '10000'),
    k('sample', 'unknown'),
    k('method', yamlText('Online survey; NPS per industry averaged over the companies rated')),
    k('status', 'primary'),
    '',
  ].join('\n');
}

function statisticsCsv(): string {
  return csv(columnsOf('benchmarks/statistics.csv'), [
    'pew-2019-concerned-company-data-use,pew-2019-privacy,data_concern,level,percent,0..100,79,,,,,,,,"Are very or somewhat concerned about how companies use the data they collect about them",primary,,"64% say the same of the government."',
    'pew-2019-risks-outweigh-benefits,pew-2019-privacy,data_risk_vs_benefit,level,percent,0..100,81,,,,,,,,"Say the potential risks of companies collecting data about them outweigh the benefits",primary,,"66% say the same of data collection by the government."',
    'xmi-2022-nps-retail,xmi-2022-nps,nps,level,points,-100..100,28.4,,,,US consumers rating retailers,,,retail,"Net Promoter Score of retailers, the highest-scoring industry that year",primary,,',
  ]);
}

/** The English text each translated field stands for, shown beside it as its comment. */
const ENGLISH: Record<string, string> = {
  'pew-2019-privacy.population': 'US adults',
  'pew-2019-privacy.method': "Online survey of Pew's American Trends Panel, a probability-based panel",
  'xmi-2022-nps.population': 'US consumers rating 353 companies in 22 industries',
  'xmi-2022-nps.method': 'Online survey; NPS per industry averaged over the companies rated',
  'pew-2019-concerned-company-data-use.wording': 'Are very or somewhat concerned about how companies use the data they collect about them',
  'pew-2019-concerned-company-data-use.note': '64% say the same of the government.',
  'pew-2019-risks-outweigh-benefits.wording': 'Say the potential risks of companies collecting data about them outweigh the benefits',
  'pew-2019-risks-outweigh-benefits.note': '66% say the same of data collection by the government.',
  'xmi-2022-nps-retail.wording': 'Net Promoter Score of retailers, the highest-scoring industry that year',
  'xmi-2022-nps-retail.population': 'US consumers rating retailers',
};

/** The project's own translations of these entries (data/benchmarks/translations/). */
const TRANSLATED: Record<string, Record<string, string>> = {
  th: {
    'pew-2019-privacy.population': 'ผู้ใหญ่ในสหรัฐอเมริกา',
    'pew-2019-privacy.method': 'การสำรวจออนไลน์ผ่าน American Trends Panel ของ Pew ซึ่งเป็นกลุ่มผู้ตอบประจำ (panel) ที่คัดเลือกด้วยการสุ่มตัวอย่างโดยอาศัยความน่าจะเป็น',
    'xmi-2022-nps.population': 'ผู้บริโภคในสหรัฐอเมริกาที่ให้คะแนนบริษัท 353 แห่งใน 22 อุตสาหกรรม',
    'xmi-2022-nps.method': 'การสำรวจออนไลน์ โดย NPS ของแต่ละอุตสาหกรรมเป็นค่าเฉลี่ยของบริษัทที่ได้รับการให้คะแนน',
    'pew-2019-concerned-company-data-use.wording': 'กังวลมากหรือค่อนข้างกังวลว่าบริษัทนำข้อมูลที่เก็บเกี่ยวกับตนไปใช้อย่างไร',
    'pew-2019-concerned-company-data-use.note': '64% ตอบเช่นเดียวกันเมื่อถามถึงรัฐบาล',
    'pew-2019-risks-outweigh-benefits.wording': 'ระบุว่าความเสี่ยงที่อาจเกิดขึ้นจากการที่บริษัทเก็บข้อมูลเกี่ยวกับตนมีมากกว่าประโยชน์',
    'pew-2019-risks-outweigh-benefits.note': '66% ตอบเช่นเดียวกันเมื่อถามถึงการเก็บข้อมูลโดยรัฐบาล',
    'xmi-2022-nps-retail.wording': 'NPS ของธุรกิจค้าปลีก ซึ่งเป็นอุตสาหกรรมที่ได้คะแนนสูงสุดในปีนั้น',
    'xmi-2022-nps-retail.population': 'ผู้บริโภคในสหรัฐอเมริกาที่ให้คะแนนธุรกิจค้าปลีก',
  },
  fi: {
    'pew-2019-privacy.population': 'Yhdysvaltalaiset aikuiset',
    'pew-2019-privacy.method': "Verkkokysely Pew'n American Trends Panel -paneelissa, joka perustuu todennäköisyysotantaan",
    'xmi-2022-nps.population': 'Yhdysvaltalaiset kuluttajat, jotka arvioivat 353 yritystä 22 toimialalta',
    'xmi-2022-nps.method': 'Verkkokysely; toimialan NPS (suositteluindeksi) on sen arvioitujen yritysten lukujen keskiarvo',
    'pew-2019-concerned-company-data-use.wording': 'Osuus, joka on hyvin tai jonkin verran huolissaan siitä, miten yritykset käyttävät heistä keräämiään tietoja',
    'pew-2019-concerned-company-data-use.note': '64 % sanoo samaa valtiosta.',
    'pew-2019-risks-outweigh-benefits.wording': 'Osuus, jonka mielestä yritysten heistä keräämien tietojen mahdolliset riskit ovat hyötyjä suuremmat',
    'pew-2019-risks-outweigh-benefits.note': '66 % sanoo samaa valtion harjoittamasta tiedonkeruusta.',
    'xmi-2022-nps-retail.wording': 'Vähittäiskauppojen suositteluindeksi (NPS), sinä vuonna korkein kaikista toimialoista',
    'xmi-2022-nps-retail.population': 'Yhdysvaltalaiset kuluttajat, jotka arvioivat vähittäiskauppoja',
  },
  ru: {
    'pew-2019-privacy.population': 'Взрослые жители США',
    'pew-2019-privacy.method': 'Онлайн-опрос участников American Trends Panel — панели Pew, сформированной на основе вероятностной выборки',
    'xmi-2022-nps.population': 'Потребители в США, оценивавшие 353 компании из 22 отраслей',
    'xmi-2022-nps.method': 'Онлайн-опрос; NPS отрасли — среднее по оценённым компаниям',
    'pew-2019-concerned-company-data-use.wording': 'Очень или в некоторой степени обеспокоены тем, как компании используют собираемые о них данные',
    'pew-2019-concerned-company-data-use.note': '64 % говорят то же самое о государстве.',
    'pew-2019-risks-outweigh-benefits.wording': 'Говорят, что возможные риски от сбора компаниями данных о них перевешивают пользу',
    'pew-2019-risks-outweigh-benefits.note': '66 % говорят то же самое о сборе данных государством.',
    'xmi-2022-nps-retail.wording': 'NPS розничной торговли — отрасли с самым высоким результатом в том году',
    'xmi-2022-nps-retail.population': 'Потребители в США, оценивавшие розничные компании',
  },
  vi: {
    'pew-2019-privacy.population': 'Người trưởng thành tại Mỹ',
    'pew-2019-privacy.method': 'Khảo sát trực tuyến qua American Trends Panel của Pew, một nhóm người trả lời cố định được tuyển chọn theo phương pháp chọn mẫu xác suất',
    'xmi-2022-nps.population': 'Người tiêu dùng tại Mỹ đánh giá 353 công ty thuộc 22 ngành',
    'xmi-2022-nps.method': 'Khảo sát trực tuyến; NPS của mỗi ngành là trung bình của các công ty được đánh giá trong ngành đó',
    'pew-2019-concerned-company-data-use.wording': 'Rất lo ngại hoặc khá lo ngại về cách các công ty sử dụng dữ liệu thu thập được về bản thân họ',
    'pew-2019-concerned-company-data-use.note': '64% cũng nói như vậy về chính phủ.',
    'pew-2019-risks-outweigh-benefits.wording': 'Cho rằng rủi ro tiềm ẩn của việc các công ty thu thập dữ liệu về họ lớn hơn lợi ích',
    'pew-2019-risks-outweigh-benefits.note': '66% cũng nói như vậy về việc chính phủ thu thập dữ liệu.',
    'xmi-2022-nps-retail.wording': 'Chỉ số NPS của các nhà bán lẻ, ngành có điểm cao nhất trong năm đó',
    'xmi-2022-nps-retail.population': 'Người tiêu dùng tại Mỹ đánh giá các nhà bán lẻ',
  },
};

function translationsYaml(locale: string): string {
  const text = TRANSLATED[locale]!;
  const out = [
    `# The benchmark library's text in ${locale}: each field translates the English field of the same`,
    '# name in sources.yaml or statistics.csv (its English text is the comment beside it). A field left',
    '# out shows in English, marked as such, and npm run check warns about it.',
    '',
  ];
  const group = (key: 'sources' | 'statistics', ids: string[], what: string) => {
    out.push(`${`${key}:`.padEnd(30)}  # ${what}, by id`);
    for (const id of ids) {
      out.push(`${`  ${id}:`.padEnd(30)}  # ${key === 'sources' ? 'a publication of sources.yaml' : 'a figure of statistics.csv'}`);
      for (const [path, value] of Object.entries(text)) {
        if (!path.startsWith(`${id}.`)) continue;
        out.push(`    ${path.slice(id.length + 1)}: ${yamlText(value)}  # ${ENGLISH[path]}`);
      }
    }
  };
  group('sources', ['pew-2019-privacy', 'xmi-2022-nps'], 'publications');
  group('statistics', ['pew-2019-concerned-company-data-use', 'pew-2019-risks-outweigh-benefits', 'xmi-2022-nps-retail'], 'published figures');
  out.push('');
  return out.join('\n');
}

/** A short introduction in the company's first language, when it is not English. */
const INTRODUCTION: Record<string, { heading: string; text: string }> = {
  fi: {
    heading: 'Tästä kansiosta',
    text: [
      'Tämä kansio on yrityksen luottamusraportin aineisto: yrityksen omat tiedostot kansiossa `company/` ja julkiset vertailuluvut kansiossa `benchmarks/`. Esimerkkirivit läpäisevät kaikki tarkistukset; korvaa ne omilla tiedoillasi.',
      'Tarkista muutokset komennolla `npm run check -- --data <tämä kansio>` ja rakenna sivusto komennolla `npm run build -- --data <tämä kansio> --out <kansio>`. Jokainen virhe kerrotaan tiedoston, rivin ja sarakkeen tarkkuudella.',
      'Sarakkeiden ja avainten kuvaukset alla ovat englanniksi, koska sarakkeiden nimet, sallitut arvot ja tarkistuksen viestit ovat englanniksi: kuvaus käyttää samoja sanoja kuin `check`. Sivuston tekstit (segmenttien nimet, vertailulukujen käännökset) kirjoitetaan julkaisukielillä.',
    ].join('\n\n'),
  },
  ru: {
    heading: 'Об этой папке',
    text: [
      'Эта папка — данные для отчёта о доверии клиентов: собственные файлы компании в папке `company/` и публичные ориентиры в папке `benchmarks/`. Строки-примеры проходят все проверки; замените их своими данными.',
      'Проверьте изменения командой `npm run check -- --data <эта папка>`, а сайт соберите командой `npm run build -- --data <эта папка> --out <папка>`. Каждая ошибка указывается с файлом, строкой и столбцом.',
      'Описания столбцов и ключей ниже даны на английском, потому что названия столбцов, допустимые значения и сообщения проверки — английские: описание говорит теми же словами, что и `check`. Тексты сайта (названия сегментов, переводы ориентиров) пишутся на языках публикации.',
    ].join('\n\n'),
  },
  th: {
    heading: 'เกี่ยวกับโฟลเดอร์นี้',
    text: [
      'โฟลเดอร์นี้เก็บข้อมูลสำหรับรายงานความไว้วางใจของลูกค้า: ไฟล์ของบริษัทเองอยู่ในโฟลเดอร์ `company/` และตัวเลขอ้างอิงสาธารณะอยู่ในโฟลเดอร์ `benchmarks/` แถวตัวอย่างผ่านการตรวจสอบทุกข้อ ให้แทนที่ด้วยข้อมูลของคุณเอง',
      'ตรวจสอบการแก้ไขด้วยคำสั่ง `npm run check -- --data <โฟลเดอร์นี้>` และสร้างเว็บไซต์ด้วยคำสั่ง `npm run build -- --data <โฟลเดอร์นี้> --out <โฟลเดอร์>` ปัญหาแต่ละข้อจะระบุไฟล์ บรรทัด และคอลัมน์',
      'คำอธิบายคอลัมน์และคีย์ด้านล่างเป็นภาษาอังกฤษ เพราะชื่อคอลัมน์ ค่าที่ใช้ได้ และข้อความของการตรวจสอบเป็นภาษาอังกฤษ คำอธิบายจึงใช้คำเดียวกับ `check` ส่วนข้อความบนเว็บไซต์ (ชื่อกลุ่มลูกค้า คำแปลของตัวเลขอ้างอิง) เขียนเป็นภาษาที่เผยแพร่',
    ].join('\n\n'),
  },
  vi: {
    heading: 'Về thư mục này',
    text: [
      'Thư mục này chứa dữ liệu cho báo cáo niềm tin của khách hàng: các tệp của chính công ty trong thư mục `company/` và các số liệu tham chiếu công khai trong thư mục `benchmarks/`. Các dòng ví dụ vượt qua mọi bước kiểm tra; hãy thay chúng bằng dữ liệu của bạn.',
      'Kiểm tra các thay đổi bằng lệnh `npm run check -- --data <thư mục này>` và tạo trang web bằng lệnh `npm run build -- --data <thư mục này> --out <thư mục>`. Mỗi lỗi được chỉ rõ tệp, dòng và cột.',
      'Phần mô tả các cột và khóa bên dưới được viết bằng tiếng Anh vì tên cột, giá trị hợp lệ và thông báo kiểm tra đều bằng tiếng Anh: phần mô tả dùng đúng những từ mà `check` dùng. Văn bản trên trang web (tên các phân khúc, bản dịch số liệu tham chiếu) được viết bằng các ngôn ngữ xuất bản.',
    ].join('\n\n'),
  },
};

function readme(options: InitOptions): string {
  const intro = INTRODUCTION[options.locales[0]!];
  const translated = options.locales.filter((l) => l !== 'en');
  return [
    `# Trust data of ${options.name}`,
    '',
    ...(intro ? [`## ${intro.heading}`, '', intro.text, '', '## About this folder', ''] : []),
    'This folder holds the data of a customer-trust report: the company\'s own files in `company/` and the public benchmark figures in `benchmarks/`. It was written by `npm run init`; the example rows pass every check. Replace them with your own data:',
    '',
    '1. `company/company.yaml`: your name, languages, reporting period and segments (every key has a comment).',
    '2. `company/survey.csv`, `company/orders.csv`, `company/complaints.csv`: export your own rows with the same header. A file you do not have may be deleted; `company/kpis.csv` (described below) can give pre-aggregated figures instead.',
    '3. `benchmarks/`: the public figures to compare with. The two publications here are from the project\'s verified library; its `data/benchmarks/` folder has the whole library to copy.',
    '',
    'Then, from the project folder:',
    '',
    '```sh',
    'npm run check -- --data <this folder>',
    'npm run build -- --data <this folder> --out <a new folder>',
    '```',
    '',
    'The example rows (12 answers, 6 customers) are too few to publish at `minimum_cell_size: 30`: the site built from them shows every figure as suppressed ("fewer than 30") until your own rows are in. To see figures while you try the site, set `minimum_cell_size: 5` for a while; never publish with it.',
    '',
    `Published languages: ${options.locales.join(', ')}. ${translated.length > 0 ? `The benchmark text is translated in \`benchmarks/translations/\` (${translated.map((l) => `${l}.yaml`).join(', ')}); ` : ''}segment labels are in company.yaml. These descriptions are in English, as the column names, allowed values and \`check\`'s messages are.`,
    '',
    '## Files and columns',
    '',
    FORMAT_NOTES,
    '',
    renderReference('###'),
  ].join('\n');
}

/** Every file of the starter folder, by path, in the order written. */
export function starterFiles(options: InitOptions): Map<string, string> {
  const { country } = MARKET[options.locales[0]!]!;
  const files = new Map<string, string>([
    ['README.md', readme(options)],
    ['company/company.yaml', companyYaml(options)],
    ['company/survey.csv', surveyCsv(country)],
    ['company/orders.csv', ordersCsv(country)],
    ['company/complaints.csv', complaintsCsv()],
    ['benchmarks/sources.yaml', sourcesYaml()],
    ['benchmarks/statistics.csv', statisticsCsv()],
  ]);
  for (const locale of options.locales) if (locale !== 'en') files.set(`benchmarks/translations/${locale}.yaml`, translationsYaml(locale));
  return files;
}

// ---------------------------------------------------------------------------------------------
// Writing

function realPath(path: string): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
}

const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : `${b}${sep}`);

/** Why init must not write into this folder, or undefined. Reads only. */
export function refuseInitFolder(options: InitOptions, context: { home?: string; repositoryRoot?: string } = {}): string | undefined {
  const shown = displayFolder(options.folder);
  const refuse = (why: string) => `refusing to write a data folder into ${shown}: ${why}`;
  const target = realPath(options.folder);
  const root = realPath(context.repositoryRoot ?? REPOSITORY_ROOT);
  if (target === parse(target).root) return refuse('it is the root of the file system');
  if (target === realPath(context.home ?? homedir())) return refuse('it is your home folder');
  if (target === root) return refuse('it is the repository root');
  if (within(target, join(root, 'data'))) return refuse("it is the project's demo data (a test regenerates it); choose another folder");
  let entries: string[];
  try {
    const stats = lstatSync(options.folder);
    if (stats.isSymbolicLink()) return refuse('it is a symbolic link (give the folder it points to)');
    if (!stats.isDirectory()) return refuse('it is a file, not a folder').replace(`${shown}:`, `${shown.replace(/[\\/]$/, '')}:`);
    entries = readdirSync(options.folder).sort();
  } catch {
    return undefined; // does not exist yet
  }
  if (entries.length === 0 || options.force) return undefined;
  const listed = entries.slice(0, 3).join(', ') + (entries.length > 3 ? `, … (${entries.length} entries)` : '');
  return refuse(`it is not empty (it holds ${listed}); choose a new or empty folder, or add --force to replace the starter's files in it (other files are kept)`);
}

/** Writes the starter folder; returns the paths written, relative to it. */
export function writeStarterFolder(options: InitOptions): string[] {
  const files = starterFiles(options);
  for (const [path, text] of files) {
    const target = join(options.folder, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return [...files.keys()];
}

export interface InitOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run init -- …` in-process: exit code and output; writes only on success. */
export function runInit(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): InitOutcome {
  const parsed = parseInitCommandLine(argv, env);
  if (parsed.kind === 'help') return { code: 0, stdout: parsed.text, stderr: '' };
  if (parsed.kind === 'usage-error') return { code: 2, stdout: '', stderr: `init: ${parsed.message}\n` };
  const { options } = parsed;
  const refusal = refuseInitFolder(options);
  if (refusal) return { code: 1, stdout: '', stderr: `init: ${refusal}\nNothing was written.\n` };
  const written = writeStarterFolder(options);
  const shown = displayFolder(options.folder);
  const argument = shown.replace(/[\\/]$/, '');
  return {
    code: 0,
    stdout: [
      `ok: wrote a starter data folder for ${options.name} (${options.locales.join(', ')}) into ${shown}: ${written.length} files`,
      ...written.map((path) => `  ${path}${path === 'README.md' ? '  (every file and column explained)' : ''}`),
      `next: replace the example rows with your own, then run "npm run check -- --data ${quoteArg(argument)}"`,
      '',
    ].join('\n'),
    stderr: '',
  };
}
