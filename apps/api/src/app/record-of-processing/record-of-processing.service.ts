import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type {
  CatalogueStatus,
  DataProtectionFindings,
  IsoDate,
  ProcessingAgreementRef,
  ProcessingRecordEntry,
  RecordOfProcessing,
  RecordOmission,
  RecordOmissionReason,
  ReviewOutcome,
  ServiceCategory,
} from '@licensregistret/domain';
import { reviewValidity } from '@licensregistret/domain';

import { ClockService } from '../common/clock.service';

/** The catalogue statuses of a service in use. */
const APPROVED: readonly CatalogueStatus[] = ['APPROVED', 'APPROVED_WITH_CONDITIONS'];

/**
 * Every approved service with its latest data protection review (the same "latest" as the
 * approval gates: newest created first) if it has one, and the agreements that license it today.
 * Those whose review says they process personal data are the record's entries; the others are
 * listed with why they are not.
 */
const SELECT_RECORD = `
  SELECT d.id, d.name, d.conditions, d.category, d.catalogue_status,
         s.name AS supplier_name, s.organisation_number,
         r.outcome, r.findings, r.reviewed_on, r.redo_by, r.due_again_since,
         ra.display_name AS reviewer_name,
         coalesce((SELECT json_agg(x ORDER BY x.agreement_number) FROM (
                     SELECT DISTINCT ag.id AS agreement_id, ag.agreement_number, ag.dpa_signed AS signed,
                            ag.dpa_signed_on AS signed_on, ag.sub_processors
                       FROM licence l JOIN agreement ag ON ag.id = l.agreement_id
                      WHERE l.service_id = d.id AND l.ends_on >= $2::date) x), '[]') AS agreements
    FROM digital_service d
    JOIN supplier s ON s.id = d.supplier_id
    LEFT JOIN LATERAL (SELECT * FROM service_review sr
                   WHERE sr.service_id = d.id AND sr.kind = 'DATA_PROTECTION'
                   ORDER BY sr.created_at DESC, sr.id LIMIT 1) r ON true
    LEFT JOIN account ra ON ra.id = r.reviewer_id
   WHERE d.catalogue_status = ANY ($1::text[])
   ORDER BY d.name, d.id`;

interface RecordRow {
  id: string;
  name: string;
  conditions: string;
  category: ServiceCategory;
  catalogue_status: CatalogueStatus;
  supplier_name: string;
  organisation_number: string;
  outcome: ReviewOutcome | null;
  findings: DataProtectionFindings | null;
  reviewed_on: IsoDate | null;
  redo_by: IsoDate | null;
  due_again_since: Date | null;
  reviewer_name: string | null;
  agreements: {
    agreement_id: string;
    agreement_number: string;
    signed: boolean;
    signed_on: IsoDate | null;
    sub_processors: string[];
  }[];
}

type ReviewedRow = RecordRow & {
  outcome: ReviewOutcome;
  findings: DataProtectionFindings;
  reviewed_on: IsoDate;
  redo_by: IsoDate;
  reviewer_name: string;
};

/** Why an approved service has no entry, or null when it has one. */
function omissionOf(row: RecordRow): RecordOmissionReason | null {
  if (row.findings === null) return 'NO_DATA_PROTECTION_REVIEW';
  return row.findings.processesPersonalData ? null : 'NO_PERSONAL_DATA';
}

function toOmission(row: RecordRow, reason: RecordOmissionReason): RecordOmission {
  return {
    serviceId: row.id,
    serviceName: row.name,
    supplierName: row.supplier_name,
    catalogueStatus: row.catalogue_status,
    reason,
  };
}

function toEntry(row: ReviewedRow, today: IsoDate): ProcessingRecordEntry {
  const findings = row.findings;
  const agreements: ProcessingAgreementRef[] = row.agreements.map((agreement) => ({
    agreementId: agreement.agreement_id,
    agreementNumber: agreement.agreement_number,
    signed: agreement.signed,
    signedOn: agreement.signed_on,
    subProcessors: agreement.sub_processors,
  }));
  return {
    serviceId: row.id,
    serviceName: row.name,
    supplierName: row.supplier_name,
    supplierOrganisationNumber: row.organisation_number,
    category: row.category,
    catalogueStatus: row.catalogue_status,
    purpose: findings.purpose?.trim() ?? '',
    conditions: row.conditions,
    dataCategories: findings.dataCategories ?? [],
    dataSubjects: findings.dataSubjects ?? [],
    legalBasis: findings.legalBasis ?? null,
    dataProcessingAgreementSigned: findings.dataProcessingAgreementSigned,
    agreements,
    subProcessors: [
      ...new Set([
        ...(findings.subProcessors ?? []),
        ...agreements.flatMap((agreement) => agreement.subProcessors),
      ]),
    ],
    storageLocation: findings.storageLocation,
    transferMechanism: findings.transferMechanism,
    retention: findings.retention ?? '',
    dpiaCriteria: findings.dpiaCriteria ?? [],
    dpiaDone: findings.dpiaDone,
    review: {
      outcome: row.outcome,
      reviewerName: row.reviewer_name,
      reviewedOn: row.reviewed_on,
      redoBy: row.redo_by,
      validity: reviewValidity(
        { redoBy: row.redo_by, dueAgainSince: row.due_again_since?.toISOString() ?? null },
        today,
      ),
    },
  };
}

/** The record of processing (GDPR art. 30), read from the catalogue and its reviews. */
@Injectable()
export class RecordOfProcessingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async read(): Promise<RecordOfProcessing> {
    const today = this.clock.today();
    const rows = (await this.dataSource.query(SELECT_RECORD, [APPROVED, today])) as RecordRow[];
    const entries: ProcessingRecordEntry[] = [];
    const omitted: RecordOmission[] = [];
    for (const row of rows) {
      const omission = omissionOf(row);
      if (omission) omitted.push(toOmission(row, omission));
      else entries.push(toEntry(row as ReviewedRow, today));
    }
    return { readOn: today, entries, omitted };
  }
}
