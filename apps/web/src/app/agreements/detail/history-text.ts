import {
  type AgreementActionEventKind,
  COST_MODEL_LABELS,
  type CostModel,
  type DataProcessingAgreement,
  type DocumentEventKind,
  type DocumentLink,
  type HistoryEntry,
  PROCUREMENT_ROUTE_LABELS,
  type ProcurementRoute,
  type RecordEventKind,
  type SchoolForm,
} from '@licensregistret/domain';

import { formatDateTime, formatSek, schoolFormNames } from '../../shared/format/format';
import { AGREEMENT_FIELD_LABELS } from '../agreement-labels';

/** One changed field: `from` and `to` in words; neither when the values mean nothing to read. */
export interface HistoryChange {
  field: string;
  label: string;
  from?: string;
  to?: string;
}

export interface HistoryItem {
  id: string;
  /** ISO timestamp, for `<time datetime>`. */
  at: string;
  when: string;
  who: string;
  what: string;
  /** The reason given for the change, if any. */
  why: string | null;
  changes: HistoryChange[];
}

const KIND_TEXT: Record<RecordEventKind | AgreementActionEventKind | DocumentEventKind, string> = {
  created: 'Avtalet registrerades',
  updated: 'Avtalet ändrades',
  'document-added': 'Ett dokument laddades upp',
  'document-removed': 'Ett dokument togs bort',
  GIVE_NOTICE: 'Avtalet sades upp',
  USE_EXTENSION: 'En förlängningsoption utnyttjades',
  DECLINE_EXTENSION: 'Förlängning avstods',
  REGISTER_SUCCESSOR: 'Efterföljande avtal registrerades',
  END_EARLY: 'Avtalet avslutades i förtid',
};

/** The successor's side of REGISTER_SUCCESSOR: it now follows another agreement. */
const REGISTERED_AS_SUCCESSOR = 'Avtalet registrerades som efterföljare till ett tidigare avtal';

/** What the lifecycle actions record beside the terms. */
const ACTION_FIELD_LABELS: Record<string, string> = {
  noticeCaseNumber: 'Uppsägningens diarienummer',
  followedById: 'Följs av',
};

/** References by id: the history holds the id, which says nothing to a reader. */
const REFERENCE_FIELDS = new Set(['supplierId', 'ownerId', 'followsId', 'followedById']);

const EMPTY = '(tomt)';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A value of an agreement field in Swedish, as the agreement page shows it. */
export function agreementValueText(field: string, value: unknown): string {
  if (isEmpty(value)) return EMPTY;
  switch (field) {
    case 'procurementRoute':
      return PROCUREMENT_ROUTE_LABELS[value as ProcurementRoute] ?? String(value);
    case 'costModel':
      return COST_MODEL_LABELS[value as CostModel] ?? String(value);
    case 'annualCost':
      return typeof value === 'number' ? formatSek(value) : String(value);
    case 'noticePeriodMonths':
    case 'extensionMonths':
      return `${String(value)} månader`;
    case 'internalLeadDays':
      return `${String(value)} dagar`;
    case 'scopeSchoolForms':
      return schoolFormNames(value as SchoolForm[], 'Alla skolformer');
    case 'documents': {
      const documents = value as DocumentLink[];
      return documents.length === 0
        ? 'Inga'
        : documents.map((document) => document.title).join(', ');
    }
    case 'document': {
      const document = value as { kindLabel?: string; fileName?: string };
      return `${document.fileName ?? ''} (${document.kindLabel ?? ''})`;
    }
    case 'dataProcessingAgreement': {
      const dpa = value as DataProcessingAgreement;
      const signed = dpa.signed
        ? `Undertecknat${dpa.signedOn ? ` ${dpa.signedOn}` : ''}`
        : 'Inte undertecknat';
      return dpa.subProcessors.length > 0
        ? `${signed}; underbiträden: ${dpa.subProcessors.join(', ')}`
        : `${signed}; inga underbiträden`;
    }
  }
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function label(field: string): string {
  if (field === 'document') return 'Dokument';
  return (
    (AGREEMENT_FIELD_LABELS as Record<string, string>)[field] ?? ACTION_FIELD_LABELS[field] ?? field
  );
}

function whatText(entry: HistoryEntry): string {
  if (entry.kind === 'REGISTER_SUCCESSOR' && entry.changes && 'followsId' in entry.changes) {
    return REGISTERED_AS_SUCCESSOR;
  }
  return (KIND_TEXT as Record<string, string>)[entry.kind] ?? entry.kind;
}

function changesOf(entry: HistoryEntry): HistoryChange[] {
  const created = entry.kind === 'created';
  return Object.entries(entry.changes ?? {}).flatMap(([field, change]): HistoryChange[] => {
    if (created) {
      // A new agreement: its terms as written, leaving out what was not filled in.
      if (REFERENCE_FIELDS.has(field) || isEmpty(change.new)) return [];
      return [{ field, label: label(field), to: agreementValueText(field, change.new) }];
    }
    if (REFERENCE_FIELDS.has(field)) return [{ field, label: label(field) }];
    return [
      {
        field,
        label: label(field),
        from: agreementValueText(field, change.old),
        to: agreementValueText(field, change.new),
      },
    ];
  });
}

/** The agreement's history as the page lists it: when, who, what, and each field's change. */
export function historyItems(entries: readonly HistoryEntry[]): HistoryItem[] {
  return entries.map((entry) => ({
    id: entry.id,
    at: entry.occurredAt,
    when: formatDateTime(entry.occurredAt),
    who: entry.actorName ?? 'Okänd användare',
    what: whatText(entry),
    why: entry.message?.trim() || null,
    changes: changesOf(entry),
  }));
}
