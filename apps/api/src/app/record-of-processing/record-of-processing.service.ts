import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type {
  CatalogueStatus,
  DataProtectionFindings,
  IsoDate,
  ProcessingAgreementRef,
  ProcessingRecordEntry,
  RecordOfProcessing,
  ReviewOutcome,
  ServiceCategory,
} from '@licensregistret/domain';
import { reviewValidity } from '@licensregistret/domain';

import { ClockService } from '../common/clock.service';

/** The catalogue statuses of a service in use. */
const APPROVED: readonly CatalogueStatus[] = ['APPROVED', 'APPROVED_WITH_CONDITIONS'];

/**
 * Approved services whose latest data protection review (the same "latest" as the approval
 * gates: newest created first) says they process personal data, with the agreements that
 * license them today.
 */
const SELECT_RECORD = `
  SELECT d.id, d.name, d.description, d.category, d.catalogue_status,
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
    JOIN LATERAL (SELECT * FROM service_review sr
                   WHERE sr.service_id = d.id AND sr.kind = 'DATA_PROTECTION'
                   ORDER BY sr.created_at DESC, sr.id LIMIT 1) r ON true
    JOIN account ra ON ra.id = r.reviewer_id
   WHERE d.catalogue_status = ANY ($1::text[])
     AND (r.findings ->> 'processesPersonalData')::boolean
   ORDER BY d.name, d.id`;

interface RecordRow {
  id: string;
  name: string;
  description: string;
  category: ServiceCategory;
  catalogue_status: CatalogueStatus;
  supplier_name: string;
  organisation_number: string;
  outcome: ReviewOutcome;
  findings: DataProtectionFindings;
  reviewed_on: IsoDate;
  redo_by: IsoDate;
  due_again_since: Date | null;
  reviewer_name: string;
  agreements: {
    agreement_id: string;
    agreement_number: string;
    signed: boolean;
    signed_on: IsoDate | null;
    sub_processors: string[];
  }[];
}

function toEntry(row: RecordRow, today: IsoDate): ProcessingRecordEntry {
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
    purpose: row.description,
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
    return { readOn: today, entries: rows.map((row) => toEntry(row, today)) };
  }
}
