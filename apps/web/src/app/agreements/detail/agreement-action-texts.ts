import {
  type AgreementActionField,
  type AgreementRouteAction,
  type AgreementSnapshot,
  addMonths,
  lastDayToGiveNotice,
} from '@licensregistret/domain';

import type { FieldMessages } from '../../shared/forms/form-errors';

/** What the page says once an action is done. */
export const AGREEMENT_ACTION_DONE_TEXTS: Record<AgreementRouteAction, string> = {
  GIVE_NOTICE: 'Uppsägningen är registrerad. Avtalet är uppsagt och löper till sitt slutdatum.',
  USE_EXTENSION: 'Förlängningen är registrerad. Avtalet har ett nytt slutdatum.',
  DECLINE_EXTENSION: 'Beslutet att avstå förlängning är registrerat.',
  REGISTER_SUCCESSOR: 'Det efterföljande avtalet är registrerat.',
  END_EARLY: 'Avtalet är avslutat i förtid.',
};

/** What each action does, said before it is done. */
export function actionEffectText(
  action: AgreementRouteAction,
  agreement: AgreementSnapshot,
): string {
  switch (action) {
    case 'GIVE_NOTICE':
      return `Avtalet förnyas inte. Det löper till ${agreement.endsOn} och får status Uppsagt. Sista dag att säga upp är ${lastDayToGiveNotice(agreement)}.`;
    case 'USE_EXTENSION':
      return `Slutdatumet flyttas från ${agreement.endsOn} till ${addMonths(agreement.endsOn, agreement.extensionMonths)}, och licenser som löper till slutdatumet följer med.`;
    case 'DECLINE_EXTENSION':
      return `Avtalet förlängs inte och återstående förlängningsoptioner förfaller. Det löper ut ${agreement.endsOn}${agreement.renewsAutomatically ? ' om det inte förnyas automatiskt' : ''}.`;
    case 'REGISTER_SUCCESSOR':
      return 'Välj det avtal som tar vid efter detta, till exempel en förnyelse eller en ny upphandling.';
    case 'END_EARLY':
      return 'Avtalet får det nya slutdatumet och status Uppsagt. Licenser under avtalet slutar senast samma dag.';
  }
}

/** Swedish messages for the fields of each action, for its own checks and the API's. */
export function actionFieldMessages(
  action: AgreementRouteAction,
  agreement: AgreementSnapshot,
): Record<AgreementActionField, FieldMessages> {
  const date =
    action === 'GIVE_NOTICE'
      ? `Ange dagen då avtalet sades upp som ÅÅÅÅ-MM-DD: tidigast ${agreement.startsOn}, senast ${lastDayToGiveNotice(agreement)} och inte efter i dag.`
      : `Ange avtalets sista dag som ÅÅÅÅ-MM-DD: före ${agreement.endsOn}, minst uppsägningstiden (${agreement.noticePeriodMonths} månader) efter ${agreement.startsOn}, och inte före en licens under avtalet börjar.`;
  return {
    date: { invalid: date },
    caseNumber: { invalid: 'Ange uppsägningens diarienummer.' },
    reason: { invalid: 'Skriv varför, så att det syns i historiken.' },
    successorId: {
      invalid:
        'Välj ett avtal som inte redan följer ett annat och som inte börjar före det här avtalet.',
    },
    nextExtensionDecisionBy: {
      invalid: `Ange nästa beslutsdag som ÅÅÅÅ-MM-DD, efter i dag och senast det nya slutdatumet ${addMonths(agreement.endsOn, agreement.extensionMonths)}.`,
    },
  };
}
