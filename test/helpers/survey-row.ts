/** A survey row with every answer left empty, for tests that fill in only what they need. */
import type { SurveyRow } from '../../src/schemas/company-data.ts';

export const surveyRow = (over: Partial<SurveyRow>): SurveyRow => ({
  respondent_id: 'r',
  customer_id: undefined,
  wave: '2026-Q3',
  segment: 'a',
  country: 'FI',
  nps: undefined,
  csat: undefined,
  trust_reliability: undefined,
  trust_transparency: undefined,
  trust_competence: undefined,
  trust_empathy: undefined,
  trust_consistency: undefined,
  data_concern: undefined,
  transparency_importance: undefined,
  problem_trust: undefined,
  peer_influence: undefined,
  ...over,
});
