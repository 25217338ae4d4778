/**
 * The scripts' output for `check` and `build` in the chosen format: reader's lines (not with
 * --quiet or --json), warnings, problems, the summary, and the single updating progress line,
 * shown only when stdout is a terminal (nothing of it when piped, in CI or with --json).
 */
import { formatIssue, formatIssues, type Issue } from '../pipeline/issues.ts';
import type { RunSummary } from '../build/summary.ts';
import { jsonDocument, progressText, summaryLines, workflowCommands, type OutputFormat } from './output.ts';

export interface Streams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export class Printer {
  readonly format: OutputFormat;
  readonly quiet: boolean;
  readonly showProgress: boolean;
  #streams: Streams;
  #progressShown = false;

  constructor(options: { format: OutputFormat; quiet: boolean }, streams: Streams = process) {
    this.format = options.format;
    this.quiet = options.quiet;
    this.#streams = streams;
    this.showProgress = options.format !== 'json' && !options.quiet && streams.stdout.isTTY === true;
  }

  /** A line for the reader, on stdout: not with --quiet, and not with --json (stdout is the document). */
  log = (line: string): void => {
    if (this.quiet || this.format === 'json') return;
    this.progress(undefined);
    this.#streams.stdout.write(`${line}\n`);
  };

  /**
   * The one updating line, on a terminal only, with the seconds since the step began, redrawn
   * every second; undefined clears it.
   */
  progress = (text: string | undefined): void => {
    if (!this.showProgress) return;
    if (text === undefined) {
      if (this.#ticker) clearInterval(this.#ticker);
      this.#ticker = undefined;
      this.#since = undefined;
      if (this.#progressShown) this.#streams.stdout.write(progressText(undefined));
      this.#progressShown = false;
      return;
    }
    this.#text = text;
    this.#since ??= performance.now();
    this.#ticker ??= setInterval(() => this.#draw(), 1000).unref();
    this.#draw();
  };

  #text = '';
  #since: number | undefined;
  #ticker: NodeJS.Timeout | undefined;

  #draw(): void {
    const seconds = Math.floor((performance.now() - (this.#since ?? performance.now())) / 1000);
    this.#streams.stdout.write(progressText(seconds > 0 ? `${this.#text} (${seconds} s)` : this.#text));
    this.#progressShown = true;
  }

  /** Warnings as they are found: `warning: file:line:col: …`, or annotations with --format github. */
  warnings(warnings: readonly Issue[]): void {
    if (this.format === 'json' || warnings.length === 0) return;
    if (this.format === 'github') {
      this.progress(undefined);
      this.#streams.stdout.write(workflowCommands([], warnings));
      return;
    }
    for (const warning of warnings) this.log(`warning: ${formatIssue(warning)}`);
  }

  /**
   * The problems that stopped the command, with the closing lines (e.g. "Nothing was built; dist/
   * is unchanged."): the list on stderr, or annotations on stdout with the count on stderr.
   */
  problems(problems: readonly Issue[], after?: string): void {
    if (this.format === 'json') return;
    this.progress(undefined);
    const tail = after ? `${after}\n` : '';
    if (this.format === 'github') {
      this.#streams.stdout.write(workflowCommands(problems, []));
      const count = problems.length;
      this.#streams.stderr.write(`${count} problem${count === 1 ? '' : 's'} found.\n${tail}`);
      return;
    }
    this.#streams.stderr.write(`${formatIssues([...problems])}\n${tail}`);
  }

  /** A one-line refusal or failure, on stderr. */
  error(message: string): void {
    if (this.format === 'json') return;
    this.progress(undefined);
    this.#streams.stderr.write(`${message}\n`);
  }

  /** The summary's lines (text and github), or the whole JSON document (json). */
  summary(summary: RunSummary, detail: { problems: readonly Issue[]; warnings: readonly Issue[]; error?: string }, options: { omitTime?: boolean } = {}): void {
    if (this.format === 'json') {
      this.#streams.stdout.write(jsonDocument(summary, detail.problems, detail.warnings, detail.error));
      return;
    }
    const lines = summaryLines(summary).filter((line) => !(options.omitTime && line.startsWith('time: ')));
    for (const line of lines) this.log(line);
  }
}
