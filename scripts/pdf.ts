/**
 * `npm run pdf [-- --out DIR] [-- --locales en,fi] [-- --metrics] [-- --site DIR]`: print the
 * built report to PDF, one file per locale of the overview (and, with --metrics, one per metric
 * page), through Chromium driven by playwright-core. Run `npm run build` first: the pages come
 * from the built site (dist/ unless --site says otherwise), served on 127.0.0.1 while printing.
 *
 * The site's print stylesheet lays the pages out for A4 paper; the PDF adds a running header
 * (company, page title, reporting period) and footer (figures' date, page n / total) on every
 * page, taken from the page's own print header so they are in the page's language.
 *
 * Chromium: $CHROMIUM_PATH if set, else /usr/bin/chromium, chromium-browser or google-chrome.
 * Without one the command says so in one line and exits 1.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';

const USAGE = `Usage: npm run pdf [-- --out DIR] [-- --locales en,fi] [-- --metrics] [-- --site DIR]

Prints the built report (run npm run build first) to PDF: <out>/<locale>.pdf for the overview of
each locale and, with --metrics, <out>/<locale>/<metric>.pdf for every metric page.

  --out DIR        where to write the PDFs (default dist.pdf/)
  --locales LIST   comma-separated locales (default: every locale the site was built in)
  --metrics        print the metric pages too
  --site DIR       the built site (default dist/)
  --help           this text

Chromium: $CHROMIUM_PATH if set, else /usr/bin/chromium, /usr/bin/chromium-browser or /usr/bin/google-chrome.
`;

interface Options {
  out: string;
  site: string;
  locales: string[] | null;
  metrics: boolean;
}

function usageError(message: string): never {
  process.stderr.write(`pdf: ${message} (see npm run pdf -- --help)\n`);
  process.exit(2);
}

function readOptions(argv: string[]): Options {
  const options: Options = { out: 'dist.pdf', site: 'dist', locales: null, metrics: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) usageError(`${name} needs a value`);
      return v;
    };
    if (name === '--help' || name === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (name === '--out') options.out = value();
    else if (name === '--site') options.site = value();
    else if (name === '--locales') options.locales = value().split(',').map((l) => l.trim()).filter(Boolean);
    else if (name === '--metrics') options.metrics = true;
    else if (name.startsWith('-')) usageError(`unknown option ${name}`);
    else usageError(`unexpected argument "${name}"`);
  }
  return options;
}

const options = readOptions(process.argv.slice(2));
const site = resolve(options.site);
const out = resolve(options.out);

const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executable = candidates.find((p) => existsSync(p));
if (!executable) {
  process.stderr.write(`pdf: no Chromium found (${process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist` : 'install chromium or set CHROMIUM_PATH'}); no PDF was written.\n`);
  process.exit(1);
}
if (!existsSync(join(site, 'index.html'))) {
  process.stderr.write(`pdf: ${relative(process.cwd(), site) || '.'}/ holds no built site; run npm run build first.\n`);
  process.exit(1);
}

const built = readdirSync(site).filter((name) => existsSync(join(site, name, 'index.html')) && existsSync(join(site, name, 'metrics')));
const locales = options.locales ?? built;
const unknown = locales.filter((l) => !built.includes(l));
if (unknown.length > 0) usageError(`locale ${unknown.join(', ')} is not in the built site (built: ${built.join(', ')})`);

let playwright: typeof import('playwright-core');
try {
  playwright = await import('playwright-core');
} catch {
  process.stderr.write('pdf: playwright-core is not installed; run npm install (it is a development dependency).\n');
  process.exit(1);
}

// The built site on 127.0.0.1, as a web host serves it: /path/ is path/index.html.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.wasm': 'application/wasm',
};
const server = createServer(async (request, response) => {
  let file = normalize(join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
  if (!file.startsWith(site)) return void response.writeHead(403).end();
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FONT = "font-family: system-ui, 'Noto Sans', 'Noto Sans Thai', sans-serif; font-size: 7.5pt; color: #333;";

const browser = await playwright.chromium.launch({
  executablePath: executable,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let written = 0;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const locale of locales) {
    const metricDir = join(site, locale, 'metrics');
    const metrics = options.metrics ? readdirSync(metricDir).filter((name) => existsSync(join(metricDir, name, 'index.html'))).sort() : [];
    const jobs = [{ path: `/${locale}/`, file: join(out, `${locale}.pdf`) }, ...metrics.map((m) => ({ path: `/${locale}/metrics/${m}/`, file: join(out, locale, `${m}.pdf`) }))];
    for (const job of jobs) {
      await page.goto(base + job.path, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      // The page's print header (company, page, period, figures' date) becomes the running header and footer.
      const lines = await page.$$eval('.print-header p', (ps) => ps.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()));
      await page.addStyleTag({ content: '.print-header { display: none !important; }' });
      const lang = escape(locale);
      mkdirSync(join(job.file, '..'), { recursive: true });
      await page.pdf({
        path: job.file,
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        margin: { top: '18mm', bottom: '16mm', left: '12mm', right: '12mm' },
        headerTemplate: `<div lang="${lang}" style="${FONT} width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm; border-bottom: 0.5pt solid #999; padding-bottom: 1mm;"><span>${escape(lines[0] ?? '')}</span></div>`,
        footerTemplate: `<div lang="${lang}" style="${FONT} width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;"><span>${escape(lines[1] ?? '')}</span><span style="white-space: nowrap;"><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      });
      written++;
      process.stdout.write(`${relative(process.cwd(), job.file)}\n`);
    }
  }
  await context.close();
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(`${written} PDF${written === 1 ? '' : 's'} written to ${relative(process.cwd(), out) || '.'}/\n`);
