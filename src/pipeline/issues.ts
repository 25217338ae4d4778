/**
 * A problem found in an input file. Validators return lists of these instead of throwing at the
 * first problem, so an analyst sees every problem in one run.
 */
export interface Issue {
  /** Path as the analyst would type it, relative to the working directory. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based column of the cell or value; 0 when unknown. */
  column: number;
  /** The column or key the problem is about, when there is one. */
  field?: string;
  /** "expected ..., found ..." */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function formatIssue(issue: Issue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const head = issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
  return issue.hint ? `${head}\n  hint: ${issue.hint}` : head;
}

export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.field ?? '').localeCompare(b.field ?? '');
}

export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(compareIssues);
}

/** Quote a raw value for a message: shows exactly what was in the file, shortened if long. */
export function quoteRaw(raw: string): string {
  if (raw === '') return 'an empty cell';
  const shown = raw.length > 60 ? `${raw.slice(0, 57)}...` : raw;
  return JSON.stringify(shown);
}

export function formatIssues(issues: Issue[]): string {
  const count = issues.length;
  const lines = sortIssues(issues).map(formatIssue);
  return `${lines.join('\n')}\n\n${count} problem${count === 1 ? '' : 's'} found.`;
}

/**
 * Adds issues to a list one by one. `list.push(...more)` passes every element as an argument and
 * overflows the call stack from about 125,000 elements; this never does.
 */
export function appendIssues(list: Issue[], more: readonly Issue[]): Issue[] {
  for (const issue of more) list.push(issue);
  return list;
}

/** The message with quoted values and numbers blanked out: problems of one kind share it. */
function messageKind(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+(?:[.,]\d+)*/g, '#');
}

/**
 * Keeps a long list of problems readable: of the problems of one kind (same file, field and
 * message once quoted values and numbers are set aside), the first `keep` by line are kept with
 * their locations, and the rest become one line, "… and 3,412 more like these, up to line 9,001",
 * at the first one left out, with the hint they share. Order: as given, with each summary where
 * the first problem it stands for was. Use it on problems found row by row (unknown ids,
 * duplicates) that the table reader does not summarise itself.
 */
export function summariseIssues(issues: readonly Issue[], keep = 5): Issue[] {
  const summary = new IssueSummary(keep);
  for (const issue of issues) summary.push(issue);
  return summary.finish();
}

/** Where problems go as they are found: a list, or an `IssueSummary`. */
export interface IssueSink {
  push(issue: Issue): unknown;
}

/**
 * `summariseIssues` as problems arrive: a file with a problem on each of its 20 million rows keeps
 * a few issues per kind and a count, never 20 million issues.
 */
export class IssueSummary {
  private readonly groups = new Map<string, { shown: number; more: number; lastLine: number; summary?: Issue }>();
  private readonly out: Issue[] = [];
  /** Problems pushed, shown or counted. */
  length = 0;
  private readonly keep: number;

  constructor(keep = 5) {
    this.keep = keep;
  }

  push(issue: Issue): void {
    this.length++;
    const key = `${issue.file}\u0000${issue.field ?? ''}\u0000${messageKind(issue.message)}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { shown: 0, more: 0, lastLine: issue.line };
      this.groups.set(key, group);
    }
    group.lastLine = Math.max(group.lastLine, issue.line);
    if (group.shown < this.keep) {
      group.shown++;
      this.out.push(issue);
      return;
    }
    group.more++;
    if (group.summary === undefined) {
      group.summary = { file: issue.file, line: issue.line, column: issue.column, message: '' };
      if (issue.field !== undefined) group.summary.field = issue.field;
      if (issue.hint !== undefined) group.summary.hint = issue.hint;
      this.out.push(group.summary);
    }
  }

  /** The problems kept, each summary with its count. */
  finish(): Issue[] {
    for (const group of this.groups.values()) {
      if (group.summary === undefined) continue;
      const n = group.more.toLocaleString('en');
      group.summary.message = `… and ${n} more like ${group.shown === 1 ? 'this' : 'these'}, up to line ${group.lastLine.toLocaleString('en')}`;
    }
    return this.out;
  }
}

/** Edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
