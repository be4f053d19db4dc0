import type { RequestEventKind } from '@licensregistret/domain';

/**
 * What happened, as a short sentence in the past tense, for the request's history: the same words
 * for the school and for the routine's roles ("Begäran skickades in", "Rektor tillstyrkte").
 */
export const REQUEST_EVENT_LABELS: Record<RequestEventKind, string> = {
  CREATED: 'Begäran skapades',
  EDITED: 'Begäran ändrades',
  COMMENT: 'Kommentar',
  JOINED: 'En skolenhet anslöt sig',
  REVIEW: 'En granskning registrerades',
  SERVICE_CHANGED: 'En ändring av tjänsten rapporterades',
  ENDORSE: 'Rektor tillstyrkte',
  DECLINE: 'Rektor avstyrkte',
  SUBMIT: 'Begäran skickades in',
  START_TRIAGE: 'Bedömningen började',
  QUEUE: 'Sparades till samlad bedömning',
  UNQUEUE: 'Togs upp igen',
  MARK_COVERED: 'Verktyget fanns redan för skolenheten',
  ASK_FOR_INFO: 'Komplettering begärdes',
  ANSWER: 'Skolan kompletterade',
  START_REVIEW: 'Granskningen började',
  PROPOSE_DECISION: 'Beslut föreslogs',
  DECIDE: 'Beslut fattades',
  CORRECT_DECISION: 'Beslutet rättades',
  REOPEN_DECISION: 'Beslutet öppnades för ny granskning',
  IMPLEMENT: 'Verktyget infördes',
  WITHDRAW: 'Begäran återtogs',
};

/** A kind in words; one this app does not know yet (a newer API) as it is. */
export function requestEventLabel(kind: string): string {
  return (REQUEST_EVENT_LABELS as Record<string, string>)[kind] ?? kind;
}
