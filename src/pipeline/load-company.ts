/**
 * Load stage for `company/company.yaml`.
 */
import { LOCALE_CODES } from '../i18n/locales.ts';
import { companySchema, type Company } from '../schemas/company.ts';
import { dataFile, readYamlFile } from './files.ts';
import type { Issue } from './issues.ts';

export async function loadCompany(dataDir: string): Promise<{ company?: Company; issues: Issue[] }> {
  const file = dataFile(dataDir, 'company/company.yaml');
  const result = await readYamlFile(file, companySchema, 'see README, "Bringing your own data"');
  const issues = [...result.issues];
  const company = result.data;
  if (company && result.locate) {
    company.locales.forEach((locale, i) => {
      if (LOCALE_CODES.includes(locale)) return;
      const pos = result.locate!(['locales', i]);
      issues.push({
        file: file.display,
        line: pos.line,
        column: pos.column,
        field: 'locales',
        message: `expected one of the available locales ${LOCALE_CODES.join(', ')}, found "${locale}"`,
        hint: 'see README, "Adding a locale"',
      });
    });
  }
  if (company && result.locate) {
    company.segments.forEach((segment, i) => {
      const missing = company.locales.filter((locale) => !(locale in segment.labels));
      if (missing.length === 0) return;
      const pos = result.locate!(['segments', i, 'labels']);
      issues.push({
        file: file.display,
        line: pos.line,
        column: pos.column,
        field: 'labels',
        message: `expected a label in every published locale, found none for ${missing.join(', ')}`,
        hint: `add ${missing.map((l) => `${l}: ...`).join(', ')} to the labels of "${segment.id}"`,
      });
    });
  }
  return { company: issues.length ? undefined : company, issues };
}
