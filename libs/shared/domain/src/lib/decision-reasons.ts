/**
 * The five grounds on which a request for a digital tool is judged, and on which a rejection
 * must name at least one (see docs/domain in shared/domain.md).
 */
export const DECISION_REASONS = [
  'INFORMATION_SECURITY',
  'AGREEMENT',
  'ECONOMY',
  'NEED',
  'EQUITY',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const DECISION_REASON_LABELS: Record<DecisionReason, { label: string; meaning: string }> = {
  INFORMATION_SECURITY: {
    label: 'Informationssäkerhet',
    meaning: 'Tjänsten är säker för de uppgifter den hanterar.',
  },
  AGREEMENT: {
    label: 'Avtal',
    meaning: 'Ett giltigt avtal och personuppgiftsbiträdesavtal kan finnas på plats.',
  },
  ECONOMY: {
    label: 'Ekonomi',
    meaning: 'Kostnaden är motiverad och ryms i budget, utan att vi betalar dubbelt.',
  },
  NEED: {
    label: 'Behov',
    meaning: 'Ett verkligt pedagogiskt eller administrativt behov som inte redan är täckt.',
  },
  EQUITY: {
    label: 'Likvärdighet',
    meaning: 'Alla barn och elever som omfattas får samma tillgång.',
  },
};

export function isDecisionReason(value: unknown): value is DecisionReason {
  return typeof value === 'string' && (DECISION_REASONS as readonly string[]).includes(value);
}
