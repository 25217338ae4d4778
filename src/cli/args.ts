/**
 * The command line of `npm run build`, `npm run check` and `npm run dev`: one small parser with
 * usage text, so that `--help`, a typo or a missing value gets one clear line instead of a stack
 * trace. Pure: it returns what to do; the scripts print and exit (see run.ts in this folder).
 */
import { resolve } from 'node:path';
import type { OutputFormat } from './output.ts';

export type Command = 'build' | 'check' | 'dev';

export interface CliOptions {
  dataDir: string;
  contentDir: string;
  outDir: string;
  quiet: boolean;
  /** build and check: how problems and the summary are printed (`--json`, `--format github`). */
  format: OutputFormat;
  /** dev only: the port of the dev server (Astro's default, 4321, when not given). */
  port?: number;
}

export type ParsedCommandLine =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help'; text: string }
  /** A usage problem: one line, printed to stderr, exit 2. */
  | { kind: 'usage-error'; message: string };

interface OptionSpec {
  name: 'data' | 'content' | 'out' | 'quiet' | 'port' | 'json' | 'format';
  value?: string;
  text: string;
}

const DATA: OptionSpec = {
  name: 'data',
  value: 'DIR',
  text: 'the data folder (default: data/, or the environment variable TRUST_DATA); "npm run init -- DIR" starts a new one',
};
const CONTENT: OptionSpec = { name: 'content', value: 'DIR', text: "the guidance articles' folder (default: content/, or TRUST_CONTENT)" };
const OUT: OptionSpec = {
  name: 'out',
  value: 'DIR',
  text: 'the output folder (default: dist/); it must be new, empty, or a site an earlier build wrote',
};
const QUIET: OptionSpec = { name: 'quiet', text: 'print only problems' };
const JSON_OUTPUT: OptionSpec = { name: 'json', text: 'print one JSON document: the summary, every problem and every warning' };
const FORMAT: OptionSpec = {
  name: 'format',
  value: 'FORMAT',
  text: 'text (default), json (as --json) or github (problems as GitHub Actions annotations)',
};
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'github'];
const PORT: OptionSpec = { name: 'port', value: 'N', text: "the dev server's port (default: 4321)" };

const COMMANDS: Record<Command, { summary: string; options: OptionSpec[] }> = {
  build: {
    summary: 'Validate the data, compute the report and render the site into the output folder.',
    options: [DATA, CONTENT, OUT, QUIET, JSON_OUTPUT, FORMAT],
  },
  check: {
    summary: 'Validate the data, the guidance articles and the UI strings without building.',
    options: [DATA, CONTENT, QUIET, JSON_OUTPUT, FORMAT],
  },
  dev: {
    summary: "Astro's dev server: editing a file in the data or content folder reloads the page.",
    options: [DATA, CONTENT, PORT],
  },
};

/** The usage text printed by `--help`. */
export function usage(command: Command): string {
  const { summary, options } = COMMANDS[command];
  const rows: [string, string][] = options.map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ''}`, o.text]);
  rows.push(['-h, --help', 'print this help']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Usage: npm run ${command} -- [options]`,
    '',
    summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    '',
    `Example: npm run ${command} -- --data ../acme-trust-data${command === 'build' ? ' --out public-site' : ''}`,
    '',
  ].join('\n');
}

const helpHint = (command: Command) => `run "npm run ${command} -- --help" for the options`;

/** npm turns `npm run build --data=DIR` (no `--`) into npm_config_data; the script never sees it. */
const NPM_TRAPS = ['data', 'content', 'out'] as const;

export function parseCommandLine(command: Command, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const specs = COMMANDS[command].options;
  const problem = (message: string): ParsedCommandLine => ({ kind: 'usage-error', message: `${message}; ${helpHint(command)}` });

  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', text: usage(command) };

  for (const name of NPM_TRAPS) {
    const value = env[`npm_config_${name}`];
    if (value === undefined) continue;
    // `npm run check --data ../acme` leaves npm_config_data=true and ../acme as an argument.
    const stray = argv.find((arg) => !arg.startsWith('-'));
    const shown = value !== '' && value !== 'true' ? quoteArg(value) : stray !== undefined ? quoteArg(stray) : 'DIR';
    return {
      kind: 'usage-error',
      message: `npm took --${name} as its own setting, so ${command} never saw it: put -- before the options, as in "npm run ${command} -- --${name} ${shown}"`,
    };
  }

  const values: Partial<Record<OptionSpec['name'], string | true>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      const rest = argv[i + 1];
      if (rest !== undefined) return problem(`unexpected argument ${quoteArg(rest)}: options start with --`);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      const previous = argv[i - 1];
      const after = previous && /^--?[a-z]/i.test(previous) ? ` (${previous} takes no value)` : '';
      return problem(`unexpected argument ${quoteArg(arg)}${after}: give folders as --data DIR, --content DIR${specs.includes(OUT) ? ', --out DIR' : ''}`);
    }
    const equals = arg.indexOf('=');
    const flag = equals >= 0 ? arg.slice(0, equals) : arg;
    const inline = equals >= 0 ? arg.slice(equals + 1) : undefined;
    const spec = flag.startsWith('--') ? specs.find((s) => s.name === flag.slice(2)) : undefined;
    if (!spec) {
      const guess = suggest(flag, specs);
      return problem(`unknown option ${quoteArg(flag)}${guess ? ` (did you mean --${guess}?)` : ''}`);
    }
    if (values[spec.name] !== undefined) return problem(`--${spec.name} is given more than once`);
    if (!spec.value) {
      if (inline !== undefined) return problem(`--${spec.name} takes no value`);
      values[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith('-') && next !== '-')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') {
      const what = spec.value === 'N' ? 'a number' : spec.value === 'FORMAT' ? `one of ${FORMATS.join(', ')}` : 'a folder';
      return problem(`--${spec.name} needs ${what}, as in --${spec.name} ${spec.value === 'FORMAT' ? 'github' : spec.value}`);
    }
    if (spec.value === 'N' && !/^\d{1,5}$/.test(value)) return problem(`--${spec.name} expects a port number, found ${quoteArg(value)}`);
    if (spec.value === 'FORMAT' && !FORMATS.includes(value as OutputFormat)) {
      return problem(`--format expects ${FORMATS.join(', ')}, found ${quoteArg(value)}`);
    }
    values[spec.name] = value;
  }
  if (values.json === true && values.format !== undefined && values.format !== 'json') {
    return problem(`--json and --format ${values.format as string} ask for two formats; give one`);
  }

  const text = (name: OptionSpec['name']) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    kind: 'run',
    options: {
      dataDir: resolve(text('data') ?? nonEmpty(env.TRUST_DATA) ?? 'data'),
      contentDir: resolve(text('content') ?? nonEmpty(env.TRUST_CONTENT) ?? 'content'),
      outDir: resolve(text('out') ?? 'dist'),
      quiet: values.quiet === true,
      format: values.json === true ? 'json' : typeof values.format === 'string' ? (values.format as OutputFormat) : 'text',
      ...(typeof values.port === 'string' ? { port: Number(values.port) } : {}),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Shows an argument as typed, quoted only when it needs quotes to be read back. */
function quoteArg(arg: string): string {
  return /^[\w./@:+,=-]+$/.test(arg) ? arg : JSON.stringify(arg);
}

/** A known option the typo is close to: `--output` → out, `-data` → data, `--qiet` → quiet. */
function suggest(flag: string, specs: readonly OptionSpec[]): string | undefined {
  const word = flag.replace(/^-+/, '').toLowerCase();
  if (word === '') return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const { name } of specs) {
    const distance = name.startsWith(word) || word.startsWith(name) ? 0 : editDistance(word, name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
