import type { Agreement } from './agreements';
import { lastDayToGiveNotice } from './contract-status';
import { type IsoDate, addMonths } from './iso-date';
import type { Role } from './roles';

/**
 * What procurement does with an agreement over its life, besides writing its terms: give notice,
 * use or decline an extension option, register the agreement that follows it, end it early, or
 * correct its data (the edit form; every other action is `POST /api/agreements/:id/actions`).
 */
export const AGREEMENT_ACTIONS = [
  'GIVE_NOTICE',
  'USE_EXTENSION',
  'DECLINE_EXTENSION',
  'REGISTER_SUCCESSOR',
  'END_EARLY',
  'CORRECT',
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/** The actions the actions route takes; CORRECT is the edit form's PATCH. */
export const AGREEMENT_ROUTE_ACTIONS = AGREEMENT_ACTIONS.filter(
  (action): action is Exclude<AgreementAction, 'CORRECT'> => action !== 'CORRECT',
);
export type AgreementRouteAction = Exclude<AgreementAction, 'CORRECT'>;

export const AGREEMENT_ACTION_LABELS: Record<AgreementAction, string> = {
  GIVE_NOTICE: 'Säg upp avtalet',
  USE_EXTENSION: 'Utnyttja förlängning',
  DECLINE_EXTENSION: 'Avstå förlängning',
  REGISTER_SUCCESSOR: 'Registrera efterföljande avtal',
  END_EARLY: 'Avsluta i förtid',
  CORRECT: 'Rätta uppgifter',
};

/** Who may take each action: the roles that write agreements (ACCESS_POLICY). */
export const AGREEMENT_ACTION_ROLES: Record<AgreementAction, readonly Role[]> = {
  GIVE_NOTICE: ['PROCUREMENT', 'OBJECT_MANAGER'],
  USE_EXTENSION: ['PROCUREMENT', 'OBJECT_MANAGER'],
  DECLINE_EXTENSION: ['PROCUREMENT', 'OBJECT_MANAGER'],
  REGISTER_SUCCESSOR: ['PROCUREMENT', 'OBJECT_MANAGER'],
  END_EARLY: ['PROCUREMENT', 'OBJECT_MANAGER'],
  CORRECT: ['PROCUREMENT', 'OBJECT_MANAGER'],
};

/** What the rules need to know of an agreement. */
export type AgreementSnapshot = Pick<
  Agreement,
  | 'id'
  | 'signedOn'
  | 'startsOn'
  | 'endsOn'
  | 'terminatedOn'
  | 'renewsAutomatically'
  | 'noticePeriodMonths'
  | 'extensionOptions'
  | 'extensionOptionsUsed'
  | 'extensionMonths'
  | 'nextExtensionDecisionBy'
  | 'followedById'
>;

/** What an action carries besides the version. */
export interface AgreementActionInput {
  /** GIVE_NOTICE: the day notice was given; END_EARLY: the agreement's last day. */
  date?: IsoDate;
  /** GIVE_NOTICE: the notice's case number (diarienummer). */
  caseNumber?: string;
  /** Why; every action records it in the history. */
  reason?: string;
  /** REGISTER_SUCCESSOR: the agreement that follows this one. */
  successorId?: string;
  /**
   * USE_EXTENSION: the decision date of the option after this one, while one remains; when left
   * out it keeps the same distance to the new end as the one decided had to the old end.
   */
  nextExtensionDecisionBy?: IsoDate | null;
}

export interface AgreementActionRequest extends AgreementActionInput {
  action: AgreementRouteAction;
  /** The version of the agreement the caller saw. */
  version: number;
}

/** Why an action is refused: 403 for who, 409 for when, 400 for what it lacks (naming the field). */
export type AgreementActionProblem =
  | { status: 403; message: string }
  | { status: 409; message: string }
  | { status: 400; field: AgreementActionField; message: string };

export type AgreementActionField =
  'date' | 'caseNumber' | 'reason' | 'successorId' | 'nextExtensionDecisionBy';

/** Who and when: the problem with taking this action on this agreement today, or null. */
export function agreementActionProblem(
  action: AgreementAction,
  agreement: AgreementSnapshot,
  roles: readonly Role[],
  today: IsoDate,
): Exclude<AgreementActionProblem, { status: 400 }> | null {
  const allowed = AGREEMENT_ACTION_ROLES[action];
  if (!allowed.some((role) => roles.includes(role))) {
    return { status: 403, message: `${action} is for ${allowed.join(' or ')}` };
  }
  if (action === 'CORRECT') return null;
  const refuse = (why: string) => ({ status: 409 as const, message: `${action} refused: ${why}` });
  if (agreement.signedOn === null) {
    return refuse('the agreement is a draft; correct it and record when it was signed');
  }
  if (action === 'REGISTER_SUCCESSOR') {
    return agreement.followedById === null
      ? null
      : refuse('a following agreement is already registered');
  }
  if (agreement.terminatedOn !== null) {
    return refuse(`the agreement was terminated on ${agreement.terminatedOn}`);
  }
  if (today > agreement.endsOn) return refuse(`the agreement ended on ${agreement.endsOn}`);
  switch (action) {
    case 'GIVE_NOTICE': {
      if (!agreement.renewsAutomatically) {
        return refuse(
          `the agreement does not renew by itself; it ends on ${agreement.endsOn} without notice`,
        );
      }
      const lastDay = lastDayToGiveNotice(agreement);
      return today > lastDay ? refuse(`the last day to give notice, ${lastDay}, has passed`) : null;
    }
    case 'USE_EXTENSION':
    case 'DECLINE_EXTENSION':
      if (agreement.extensionOptionsUsed >= agreement.extensionOptions) {
        return refuse('no extension option is left');
      }
      if (agreement.nextExtensionDecisionBy === null) {
        return refuse('the next extension option has no decision date; correct the agreement');
      }
      return today > agreement.nextExtensionDecisionBy
        ? refuse(
            `the decision date of the extension, ${agreement.nextExtensionDecisionBy}, has passed`,
          )
        : null;
    case 'END_EARLY':
      return null;
  }
}

/** The actions this person may take on the agreement today: what the page offers as buttons. */
export function availableAgreementActions(
  agreement: AgreementSnapshot,
  roles: readonly Role[],
  today: IsoDate,
): AgreementAction[] {
  return AGREEMENT_ACTIONS.filter(
    (action) => agreementActionProblem(action, agreement, roles, today) === null,
  );
}

/**
 * Every problem with what an action carries, in the order the API names the first (a form shows
 * them all). Dates are checked against the agreement and today.
 */
export function agreementActionInputProblems(
  action: AgreementRouteAction,
  agreement: AgreementSnapshot,
  input: AgreementActionInput,
  today: IsoDate,
): { field: AgreementActionField; message: string }[] {
  const problems: { field: AgreementActionField; message: string }[] = [];
  const problem = (field: AgreementActionField, message: string) =>
    problems.push({ field, message });
  switch (action) {
    case 'GIVE_NOTICE': {
      const lastDay = lastDayToGiveNotice(agreement);
      if (!input.date) problem('date', 'give the date notice was given');
      else if (input.date > today)
        problem('date', 'notice is registered once given: not a future date');
      else if (input.date < agreement.startsOn) {
        problem(
          'date',
          `notice cannot be given before the agreement starts (${agreement.startsOn})`,
        );
      } else if (input.date > lastDay) {
        problem('date', `notice must be given by the last day to give notice, ${lastDay}`);
      }
      if (!input.caseNumber?.trim()) problem('caseNumber', 'give the case number of the notice');
      break;
    }
    case 'USE_EXTENSION': {
      const next = input.nextExtensionDecisionBy;
      if (next) {
        const after = extendedTerms(agreement, {});
        if (after.extensionOptionsUsed >= agreement.extensionOptions) {
          problem('nextExtensionDecisionBy', 'no option remains after this one to decide on');
        } else if (next <= today) {
          problem('nextExtensionDecisionBy', 'the next decision date must be after today');
        } else if (next > after.endsOn) {
          problem(
            'nextExtensionDecisionBy',
            `the next decision date must be by the new end, ${after.endsOn}`,
          );
        }
      }
      break;
    }
    case 'REGISTER_SUCCESSOR':
      if (!input.successorId) problem('successorId', 'choose the agreement that follows');
      else if (input.successorId === agreement.id) {
        problem('successorId', 'an agreement cannot follow itself');
      }
      break;
    case 'END_EARLY':
      if (!input.date) problem('date', 'give the agreement’s last day');
      else if (input.date < agreement.startsOn) {
        problem('date', `the agreement cannot end before it starts (${agreement.startsOn})`);
      } else if (input.date >= agreement.endsOn) {
        problem('date', `ending early means before the current end, ${agreement.endsOn}`);
      } else if (addMonths(input.date, -agreement.noticePeriodMonths) < agreement.startsOn) {
        problem(
          'date',
          `ending on ${input.date} leaves the agreement shorter than its notice period of ${agreement.noticePeriodMonths} months; correct the notice period first`,
        );
      }
      break;
    case 'DECLINE_EXTENSION':
      break;
  }
  if (!input.reason?.trim()) problem('reason', 'write why');
  return problems;
}

/** The terms an action changes, as they are after it. */
export type AgreementActionChanges = Partial<
  Pick<
    Agreement,
    | 'terminatedOn'
    | 'endsOn'
    | 'extensionOptions'
    | 'extensionOptionsUsed'
    | 'nextExtensionDecisionBy'
  >
>;

function extendedTerms(
  agreement: AgreementSnapshot,
  input: AgreementActionInput,
): Required<
  Pick<AgreementActionChanges, 'endsOn' | 'extensionOptionsUsed' | 'nextExtensionDecisionBy'>
> {
  const endsOn = addMonths(agreement.endsOn, agreement.extensionMonths);
  const extensionOptionsUsed = agreement.extensionOptionsUsed + 1;
  const left = extensionOptionsUsed < agreement.extensionOptions;
  const decided = agreement.nextExtensionDecisionBy as IsoDate;
  return {
    endsOn,
    extensionOptionsUsed,
    nextExtensionDecisionBy: left
      ? (input.nextExtensionDecisionBy ?? addMonths(decided, agreement.extensionMonths))
      : null,
  };
}

/**
 * What an allowed action with valid input writes on the agreement:
 * - GIVE_NOTICE: terminated on the notice's date (it still runs to its end);
 * - USE_EXTENSION: the end moves by one extension, one more option used, the next decision date
 *   set while an option remains, else cleared;
 * - DECLINE_EXTENSION: the options left lapse (options are taken in turn) and the decision date
 *   is cleared, so the agreement ends at its end (or renews, if it renews by itself);
 * - END_EARLY: it ends and is terminated on the date; no extension decision remains;
 * - REGISTER_SUCCESSOR writes on the successor (followsId), not here.
 */
export function agreementActionChanges(
  action: AgreementRouteAction,
  agreement: AgreementSnapshot,
  input: AgreementActionInput,
): AgreementActionChanges {
  switch (action) {
    case 'GIVE_NOTICE':
      return { terminatedOn: input.date as IsoDate };
    case 'USE_EXTENSION':
      return extendedTerms(agreement, input);
    case 'DECLINE_EXTENSION':
      return { extensionOptions: agreement.extensionOptionsUsed, nextExtensionDecisionBy: null };
    case 'END_EARLY':
      return {
        endsOn: input.date as IsoDate,
        terminatedOn: input.date as IsoDate,
        nextExtensionDecisionBy: null,
      };
    case 'REGISTER_SUCCESSOR':
      return {};
  }
}
