import type { Agreement, IsoDate } from '@licensregistret/domain';

import { DEADLINE_KIND_LABELS } from '../agreement-labels';

/** What the agreement page says about the decision ahead: its date, or why there is none. */
export type DeadlineView =
  | { kind: 'next'; label: string; date: IsoDate; actionFrom: IsoDate }
  | { kind: 'note'; text: string };

/**
 * The next decision on an agreement as of `today`, in the terms of contractStatus: an extension
 * decision while options remain, else notice, which only matters for an agreement that renews
 * by itself. A deadline already passed, or an agreement that has ended, needs no decision.
 */
export function deadlineView(agreement: Agreement, today: IsoDate): DeadlineView {
  if (agreement.status === 'TERMINATED') {
    const since = agreement.terminatedOn ? ` sedan ${agreement.terminatedOn}` : '';
    return { kind: 'note', text: `Avtalet är uppsagt${since}. Inget beslut återstår.` };
  }
  if (agreement.status === 'EXPIRED') {
    return { kind: 'note', text: 'Inget beslut återstår.' };
  }
  const { kind, date, actionFrom } = agreement.nextDeadline;
  if (kind === 'NOTICE' && !agreement.renewsAutomatically) {
    return {
      kind: 'note',
      text: 'Avtalet upphör av sig självt och behöver inte sägas upp. Planera ett nytt avtal i god tid.',
    };
  }
  if (date < today) {
    return {
      kind: 'note',
      text: 'Sista dagen att säga upp har passerat: avtalet förnyas automatiskt.',
    };
  }
  return { kind: 'next', label: DEADLINE_KIND_LABELS[kind], date, actionFrom };
}
