import { type IsoDate, addDays, addMonths, daysBetween } from './iso-date';

/**
 * An agreement's status, derived from its dates and today, never typed in. Ordered as the rules
 * below test them.
 */
export const CONTRACT_STATUSES = [
  'DRAFT',
  'TERMINATED',
  'EXPIRED',
  'NOTICE_WINDOW_PASSED',
  'ACTION_NEEDED',
  'EXPIRING',
  'ACTIVE',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  DRAFT: 'Utkast',
  TERMINATED: 'Uppsagt',
  EXPIRED: 'Har löpt ut',
  NOTICE_WINDOW_PASSED: 'Uppsägningstiden passerad',
  ACTION_NEEDED: 'Åtgärd krävs',
  EXPIRING: 'Löper snart ut',
  ACTIVE: 'Aktivt',
};

/** An agreement ending within this many days, with nothing to follow it, is expiring. */
export const EXPIRING_WITHIN_DAYS = 90;

/** The dates and terms a status is derived from. */
export interface ContractTerms {
  /** Null while the agreement is a draft. */
  signedOn: IsoDate | null;
  startsOn: IsoDate;
  /** The current end, including extensions already used. */
  endsOn: IsoDate;
  /** The supplier's notice period: notice must be given this many months before the end. */
  noticePeriodMonths: number;
  /** The municipality's own lead time before a deadline, when work on the decision must start. */
  internalLeadDays: number;
  /** Renews by itself unless notice is given. */
  renewsAutomatically: boolean;
  extensionOptions: number;
  extensionOptionsUsed: number;
  /** The date by which the next extension must be decided, while options remain. */
  nextExtensionDecisionBy: IsoDate | null;
  /** The date notice was given or the agreement was ended early; null if neither. */
  terminatedOn: IsoDate | null;
  /** A following agreement (renewal chain) is recorded. */
  hasFollowUp: boolean;
}

export type DeadlineKind = 'NOTICE' | 'EXTENSION';

export interface Deadline {
  kind: DeadlineKind;
  date: IsoDate;
  /** The day the internal lead time starts: from then on, action is needed. */
  actionFrom: IsoDate;
}

/** The last day the municipality can give notice: the end minus the notice period. */
export function lastDayToGiveNotice(
  terms: Pick<ContractTerms, 'endsOn' | 'noticePeriodMonths'>,
): IsoDate {
  return addMonths(terms.endsOn, -terms.noticePeriodMonths);
}

/**
 * The decision the municipality must make next: whether to use an extension option (while one
 * remains and its decision date is set), else whether to give notice.
 */
export function nextDeadline(terms: ContractTerms): Deadline {
  const extension =
    terms.extensionOptionsUsed < terms.extensionOptions && terms.nextExtensionDecisionBy !== null;
  const date = extension ? (terms.nextExtensionDecisionBy as IsoDate) : lastDayToGiveNotice(terms);
  return {
    kind: extension ? 'EXTENSION' : 'NOTICE',
    date,
    actionFrom: addDays(date, -terms.internalLeadDays),
  };
}

/**
 * The status of an agreement on a given day. The first rule that holds decides:
 * 1. DRAFT: not signed.
 * 2. TERMINATED: notice was given or it was ended.
 * 3. EXPIRED: its end has passed.
 * 4. NOTICE_WINDOW_PASSED: it renews by itself and the last day to give notice has passed (and no
 *    extension decision is pending), so renewal is now certain.
 * 5. ACTION_NEEDED: the internal lead time before the next deadline (notice or extension) has
 *    begun and the deadline has not passed. For an agreement that ends by itself with no option
 *    left, only an extension decision counts: there is nothing to give notice of.
 * 6. EXPIRING: it ends within 90 days and nothing follows it.
 * 7. ACTIVE: otherwise.
 * The same rules in SQL: the `agreement_status` function of the agreements migration.
 */
export function contractStatus(terms: ContractTerms, today: IsoDate): ContractStatus {
  if (terms.signedOn === null) return 'DRAFT';
  if (terms.terminatedOn !== null) return 'TERMINATED';
  if (today > terms.endsOn) return 'EXPIRED';
  const deadline = nextDeadline(terms);
  const decisionMatters = deadline.kind === 'EXTENSION' || terms.renewsAutomatically;
  if (terms.renewsAutomatically && deadline.kind === 'NOTICE' && today > deadline.date) {
    return 'NOTICE_WINDOW_PASSED';
  }
  if (decisionMatters && today >= deadline.actionFrom && today <= deadline.date) {
    return 'ACTION_NEEDED';
  }
  if (!terms.hasFollowUp && daysBetween(today, terms.endsOn) <= EXPIRING_WITHIN_DAYS) {
    return 'EXPIRING';
  }
  return 'ACTIVE';
}
