/**
 * Load stage for the public benchmark data set: `benchmarks/sources.yaml` and
 * `benchmarks/statistics.csv`, validated file by file and then across files.
 */
import { sourcesFileSchema, statisticColumns, statisticRules, type Source, type StatisticRow } from '../schemas/benchmarks.ts';
import { dataFile, inspectFile, missingFile, readYamlFile } from './files.ts';
import { closest, type Issue } from './issues.ts';
import { readTableFile } from './table.ts';

export interface LoadedSource extends Source {
  origin: { file: string; line: number };
}

export interface LoadedStatistic extends StatisticRow {
  /** Decimals as written in the file, so that 78.0 is shown as 78.0. */
  decimals: number;
  origin: { file: string; line: number };
}

export interface Benchmarks {
  sources: LoadedSource[];
  statistics: LoadedStatistic[];
}

export interface BenchmarkLoadOptions {
  /** Today's date (YYYY-MM-DD) for the "released in the future" rule. */
  today: string;
}

export async function loadBenchmarks(
  dataDir: string,
  options: BenchmarkLoadOptions,
): Promise<{ benchmarks: Benchmarks; issues: Issue[]; warnings: Issue[] }> {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const sourcesFile = dataFile(dataDir, 'benchmarks/sources.yaml');
  const statisticsFile = dataFile(dataDir, 'benchmarks/statistics.csv');

  const sourcesResult = await readYamlFile(
    sourcesFile,
    sourcesFileSchema,
    'list each publication under "sources:"; see README, "Adding a benchmark"',
  );
  for (const issue of sourcesResult.issues) issues.push(issue);
  const locate = sourcesResult.locate ?? (() => ({ line: 1, column: 1 }));
  const sources: LoadedSource[] = (sourcesResult.data?.sources ?? []).map((source, i) => ({
    ...source,
    origin: { file: sourcesFile.name, line: locate(['sources', i]).line },
  }));

  // Rules within sources.yaml that need more than one value.
  const sourceIds = new Map<string, number>();
  sources.forEach((source, i) => {
    const at = (key: string) => {
      const pos = locate(['sources', i, key]);
      return { file: sourcesFile.display, line: pos.line, column: pos.column, field: key };
    };
    const first = sourceIds.get(source.id);
    if (first !== undefined) {
      issues.push({ ...at('id'), message: `expected a unique id, found "${source.id}" again (first at line ${first})`, hint: 'give each publication its own id' });
    } else {
      sourceIds.set(source.id, source.origin.line);
    }
    if (source.released !== undefined && source.released > options.today) {
      issues.push({ ...at('released'), message: `expected a release date on or before today (${options.today}), found "${source.released}"`, hint: 'check the year; a figure cannot be cited before it is published' });
    }
    if (source.released !== undefined && source.year !== undefined && Number(source.released.slice(0, 4)) !== source.year) {
      issues.push({ ...at('year'), message: `expected the year of the release date (${source.released.slice(0, 4)}), found ${source.year}`, hint: 'the year is the publication year as printed on the source' });
    }
    const fw = source.fieldwork;
    if (fw?.start !== undefined && fw.end !== undefined && fw.start > fw.end) {
      issues.push({ ...at('fieldwork'), message: `expected fieldwork to start on or before it ends, found ${fw.start} to ${fw.end}` });
    }
    if (fw?.end !== undefined && source.released !== undefined && fw.end > source.released) {
      issues.push({ ...at('fieldwork'), message: `expected fieldwork to end on or before the release date ${source.released}, found ${fw.end}` });
    }
    if (source.n === undefined && source.n_note === undefined) {
      issues.push({ ...at('n'), message: 'expected a sample size n, or an n_note saying why it is unknown, found neither', hint: 'write n_note: "not published" when the publisher gives no n' });
    }
  });

  const statistics: LoadedStatistic[] = [];
  const statisticsFound = await inspectFile(statisticsFile);
  if (statisticsFound === 'absent') {
    issues.push(missingFile(statisticsFile, 'one row per published figure; see README, "Adding a benchmark"'));
  } else if (statisticsFound !== 'file') {
    issues.push(statisticsFound);
  } else {
    const seen = new Map<string, number>();
    const result = await readTableFile(
      statisticsFile.path,
      statisticsFile.display,
      statisticColumns,
      (row, context) => {
        const first = seen.get(row.id);
        if (first !== undefined) {
          issues.push({
            file: context.file,
            line: context.line,
            column: context.columnOf('id'),
            field: 'id',
            message: `expected a unique id, found "${row.id}" again (first at line ${first})`,
            hint: 'give each figure its own id',
          });
          return;
        }
        seen.set(row.id, context.line);
        if (sourcesResult.data && !sourceIds.has(row.source)) {
          const guess = closest(row.source, [...sourceIds.keys()]);
          issues.push({
            file: context.file,
            line: context.line,
            column: context.columnOf('source'),
            field: 'source',
            message: `expected the id of a source in ${sourcesFile.display}, found "${row.source}"`,
            hint: guess ? `did you mean "${guess}"?` : `add a source with id "${row.source}" to ${sourcesFile.display}`,
          });
          return;
        }
        const decimals = Math.max(...(['value', 'low', 'high'] as const).map((f) => decimalsOf(context.raw(f))));
        // 0.79 where 79 % was meant passes the 0-100 check, and would make every gap absurd.
        if (row.unit === 'percent' && row.measure === 'level') {
          const amounts = [row.value, row.low, row.high].filter((v): v is number => v !== undefined);
          if (amounts.length > 0 && amounts.some((v) => v > 0) && amounts.every((v) => v <= 1)) {
            warnings.push({
              file: context.file,
              line: context.line,
              column: context.columnOf(row.value !== undefined ? 'value' : 'low'),
              field: row.value !== undefined ? 'value' : 'low',
              message: `expected a percentage from 0 to 100, found ${amounts.join(' to ')}, which looks like a fraction`,
              hint: `if the source says ${Math.round(amounts[0]! * 1000) / 10} %, write ${Math.round(amounts[0]! * 1000) / 10}; if it really says under 1 %, the figure is used as written`,
            });
          }
        }
        statistics.push({ ...row, decimals, origin: { file: statisticsFile.name, line: context.line } });
      },
      { rules: statisticRules },
    );
    for (const issue of result.issues) issues.push(issue); // not push(...): a file can have 100,000s of problems
    if (result.rows === 0 && result.issues.length === 0) {
      issues.push({ file: statisticsFile.display, line: 2, column: 1, message: 'expected at least one figure below the header, found none' });
    }
  }
  return { benchmarks: { sources, statistics }, issues, warnings };
}

function decimalsOf(raw: string): number {
  const match = /[.,](\d+)$/.exec(raw);
  return match ? match[1]!.length : 0;
}
