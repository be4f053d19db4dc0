import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  IMPORT_SHEETS,
  type ImportProblem,
  type ImportReport,
  type ImportSheet,
  type ImportSheetCount,
  LICENCE_SCOPE_LABELS,
  type LicenceScope,
  SCHOOL_FORM_LABELS,
  type SchoolForm,
  lastDayToGiveNotice,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import type { Changes, SubjectType } from '../common/event-log.service';
import { hasUnsafeNameCharacter } from '../common/validators';
import type { ImportDto } from './dto/import.dto';
import { parseCell } from './import-cells';
import {
  AGREEMENT_SHEET,
  LICENCE_SHEET,
  SERVICE_SHEET,
  SHEET_SPECS,
  type SheetSpec,
} from './import-sheets';
import { type RawSheet, readImportFiles } from './workbook-reader';

/** Who may add or change services (the access policy's write roles for services). */
const SERVICE_WRITERS = ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'];

type Values = Record<string, unknown>;

interface Row {
  row: number;
  values: Values;
  /** Whether every cell of the row was read. */
  ok: boolean;
}

interface SupplierRecord {
  name: string;
  organisationNumber: string;
  contactName: string | null;
  contactEmail: string | null;
  webAddress: string | null;
}

interface ServiceRecord {
  name: string;
  supplierOrg: string;
  category: string;
  description: string;
  schoolForms: SchoolForm[];
  languages: string[];
  webAddress: string | null;
  signInMethod: string;
  personalData: string;
  dataLocation: string;
  catalogueStatus: string;
}

interface AgreementRecord {
  supplierOrg: string;
  agreementNumber: string;
  caseNumber: string;
  procurementRoute: string;
  frameworkName: string | null;
  callOffReference: string | null;
  signedOn: string | null;
  startsOn: string;
  endsOn: string;
  extensionOptions: number;
  extensionMonths: number;
  extensionOptionsUsed: number;
  nextExtensionDecisionBy: string | null;
  noticePeriodMonths: number;
  internalLeadDays: number;
  renewsAutomatically: boolean;
  annualCost: number;
  costModel: string;
  ownerId: string | null;
  scopeSchoolForms: SchoolForm[];
  dpaSigned: boolean;
  dpaSignedOn: string | null;
  subProcessors: string[];
  terminatedOn: string | null;
}

interface LicenceRecord {
  agreementKey: string;
  serviceKey: string;
  scope: LicenceScope;
  schoolForms: SchoolForm[];
  unitIds: string[];
  seatCount: number | null;
  seatsInUse: number | null;
  startsOn: string;
  endsOn: string;
}

/** A record of the file and what it does: a new one, a change to `id`, or nothing. */
interface Planned<T> {
  key: string;
  record: T;
  id: string | null;
  changes: Changes;
}

interface Plan {
  suppliers: Planned<SupplierRecord>[];
  services: Planned<ServiceRecord>[];
  agreements: Planned<AgreementRecord>[];
  licences: Planned<LicenceRecord>[];
}

const SUPPLIER_FIELDS = [
  'name',
  'organisationNumber',
  'contactName',
  'contactEmail',
  'webAddress',
] as const;
const SERVICE_FIELDS = [
  'name',
  'supplierOrg',
  'category',
  'description',
  'schoolForms',
  'languages',
  'webAddress',
  'signInMethod',
  'personalData',
  'dataLocation',
  'catalogueStatus',
] as const;
const AGREEMENT_FIELDS = [
  'supplierOrg',
  'agreementNumber',
  'caseNumber',
  'procurementRoute',
  'frameworkName',
  'callOffReference',
  'signedOn',
  'startsOn',
  'endsOn',
  'extensionOptions',
  'extensionMonths',
  'extensionOptionsUsed',
  'nextExtensionDecisionBy',
  'noticePeriodMonths',
  'internalLeadDays',
  'renewsAutomatically',
  'annualCost',
  'costModel',
  'ownerId',
  'scopeSchoolForms',
  'dpaSigned',
  'dpaSignedOn',
  'subProcessors',
  'terminatedOn',
] as const;
const LICENCE_FIELDS = [
  'scope',
  'schoolForms',
  'unitIds',
  'seatCount',
  'seatsInUse',
  'startsOn',
  'endsOn',
] as const;

/** The fields of `after` that differ from `before` (all of them for a new record). */
function diff<T extends object>(before: T | null, after: T, fields: readonly (keyof T)[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    const old = before ? before[field] : null;
    if (JSON.stringify(old) !== JSON.stringify(after[field])) {
      changes[field as string] = { old, new: after[field] };
    }
  }
  return changes;
}

const lower = (text: string) => text.toLocaleLowerCase('sv');
const serviceKey = (org: string, name: string) => `${org}|${lower(name)}`;
const agreementKey = (org: string, number: string) => `${org}|${number}`;
const formNames = (forms: readonly SchoolForm[]) =>
  forms.map((form) => SCHOOL_FORM_LABELS[form]).join(', ');

/** The problems of one check, in the file's order: sheet, row, then column. */
class Problems {
  readonly list: ImportProblem[] = [];

  add(sheet: ImportSheet | string, row: number, column: string | null, message: string): void {
    this.list.push({ sheet, row, column, message });
  }

  sorted(): ImportProblem[] {
    const order = (sheet: string) => {
      const index = (IMPORT_SHEETS as readonly string[]).indexOf(sheet);
      return index < 0 ? -1 : index;
    };
    return [...this.list].sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row);
  }
}

interface DatabaseState {
  suppliers: Map<string, SupplierRecord & { id: string }>;
  services: Map<string, ServiceRecord & { id: string }>;
  agreements: Map<string, AgreementRecord & { id: string }>;
  /** Licences by agreement key | service key | scope. */
  licences: Map<string, (LicenceRecord & { id: string })[]>;
  units: { id: string; name: string; schoolForms: SchoolForm[] }[];
  owners: Map<string, string[]>;
}

/**
 * Imports suppliers, services, agreements and licences from the exports' own sheets. Every row
 * is checked first, against the file and the registry, and every problem reported by sheet, row
 * and column; if there is any, or on a dry run, nothing is written. Otherwise every record is
 * written in one transaction: new ones created, the ones the registry has (suppliers by
 * organisation number, services by supplier and name, agreements by supplier and agreement
 * number, licences by agreement, service and scope) changed where the file differs, each with
 * its history entry.
 */
@Injectable()
export class ImportService {
  constructor(private readonly dataSource: DataSource) {}

  async import(actor: Actor, body: ImportDto): Promise<ImportReport> {
    const read = await readImportFiles(body.files);
    const problems = new Problems();
    read.problems.forEach((problem) =>
      problems.add(problem.sheet, problem.row, problem.column, problem.message),
    );
    const plan = await this.check(actor, read.sheets, problems);
    const report: ImportReport = {
      dryRun: body.dryRun,
      imported: false,
      sheets: plan ? counts(read.sheets, plan) : [],
      problems: problems.sorted(),
    };
    if (report.problems.length > 0 && !body.dryRun) {
      throw new AppException(
        'INVALID',
        `The file has ${report.problems.length} problems; nothing was imported.`,
        {
          errors: [
            {
              field: 'files',
              messages: report.problems
                .slice(0, 100)
                .map(
                  (p) => `${p.sheet}, rad ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`,
                ),
            },
          ],
          extensions: { report },
        },
      );
    }
    if (body.dryRun || !plan) return report;
    await this.dataSource.transaction((manager) => this.write(manager, actor, plan));
    return { ...report, imported: true };
  }

  private async check(actor: Actor, sheets: RawSheet[], problems: Problems): Promise<Plan | null> {
    const rowsOf = new Map<ImportSheet, Row[]>();
    for (const spec of SHEET_SPECS) {
      const sheet = sheets.find((candidate) => candidate.sheet === spec.sheet);
      if (sheet) rowsOf.set(spec.sheet, readRows(spec, sheet, problems));
    }
    if (problems.list.some((problem) => problem.row <= 1)) return null;
    const db = await this.state();
    const plan: Plan = { suppliers: [], services: [], agreements: [], licences: [] };
    const fileSuppliers = planSuppliers(rowsOf.get('Leverantörer') ?? [], db, plan, problems);
    const supplierKnown = (org: string) => fileSuppliers.has(org) || db.suppliers.has(org);
    const fileServices = planServices(
      rowsOf.get('Tjänster') ?? [],
      db,
      plan,
      problems,
      supplierKnown,
      actor.roles.some((role) => SERVICE_WRITERS.includes(role)),
    );
    const fileAgreements = planAgreements(
      rowsOf.get('Avtal') ?? [],
      db,
      plan,
      problems,
      supplierKnown,
    );
    planLicences(rowsOf.get('Licenser') ?? [], db, plan, problems, fileServices, fileAgreements);
    return plan;
  }

  private async state(): Promise<DatabaseState> {
    const query = <T>(sql: string) => this.dataSource.query(sql) as Promise<T[]>;
    const [suppliers, services, agreements, licences, units, owners] = await Promise.all([
      query<SupplierRecord & { id: string }>(
        `SELECT id, name, organisation_number AS "organisationNumber", contact_name AS "contactName",
                contact_email AS "contactEmail", web_address AS "webAddress" FROM supplier`,
      ),
      query<ServiceRecord & { id: string }>(
        `SELECT d.id, d.name, s.organisation_number AS "supplierOrg", d.category, d.description,
                d.school_forms AS "schoolForms", d.languages, d.web_address AS "webAddress",
                d.sign_in_method AS "signInMethod", d.personal_data AS "personalData",
                d.data_location AS "dataLocation", d.catalogue_status AS "catalogueStatus"
           FROM digital_service d JOIN supplier s ON s.id = d.supplier_id`,
      ),
      query<AgreementRecord & { id: string }>(
        `SELECT a.id, s.organisation_number AS "supplierOrg", a.agreement_number AS "agreementNumber",
                a.case_number AS "caseNumber", a.procurement_route AS "procurementRoute",
                a.framework_name AS "frameworkName", a.call_off_reference AS "callOffReference",
                a.signed_on::text AS "signedOn", a.starts_on::text AS "startsOn",
                a.ends_on::text AS "endsOn", a.extension_options AS "extensionOptions",
                a.extension_months AS "extensionMonths",
                a.extension_options_used AS "extensionOptionsUsed",
                a.next_extension_decision_by::text AS "nextExtensionDecisionBy",
                a.notice_period_months AS "noticePeriodMonths",
                a.internal_lead_days AS "internalLeadDays",
                a.renews_automatically AS "renewsAutomatically",
                a.annual_cost::float8 AS "annualCost", a.cost_model AS "costModel",
                a.owner_id AS "ownerId", a.scope_school_forms AS "scopeSchoolForms",
                a.dpa_signed AS "dpaSigned", a.dpa_signed_on::text AS "dpaSignedOn",
                a.sub_processors AS "subProcessors", a.terminated_on::text AS "terminatedOn"
           FROM agreement a JOIN supplier s ON s.id = a.supplier_id`,
      ),
      query<LicenceRecord & { id: string }>(
        `SELECT l.id, s.organisation_number || '|' || a.agreement_number AS "agreementKey",
                ds.organisation_number || '|' || lower(d.name COLLATE "default") AS "serviceKey",
                l.scope, l.school_forms AS "schoolForms",
                array(SELECT lu.school_unit_id::text FROM licence_unit lu
                       WHERE lu.licence_id = l.id ORDER BY 1) AS "unitIds",
                l.seat_count AS "seatCount", l.seats_in_use AS "seatsInUse",
                l.starts_on::text AS "startsOn", l.ends_on::text AS "endsOn"
           FROM licence l
           JOIN agreement a ON a.id = l.agreement_id JOIN supplier s ON s.id = a.supplier_id
           JOIN digital_service d ON d.id = l.service_id JOIN supplier ds ON ds.id = d.supplier_id`,
      ),
      query<{ id: string; name: string; schoolForms: SchoolForm[] }>(
        `SELECT id, name, school_forms AS "schoolForms" FROM school_unit`,
      ),
      query<{ id: string; name: string }>(
        `SELECT id, display_name AS name FROM account WHERE 'OBJECT_MANAGER' = ANY (roles)`,
      ),
    ]);
    const licencesByKey = new Map<string, (LicenceRecord & { id: string })[]>();
    for (const licence of licences) {
      licence.serviceKey = serviceKeyOfDatabase(licence.serviceKey);
      const key = `${licence.agreementKey}|${licence.serviceKey}|${licence.scope}`;
      licencesByKey.set(key, [...(licencesByKey.get(key) ?? []), licence]);
    }
    const ownersByName = new Map<string, string[]>();
    for (const owner of owners) {
      const key = lower(owner.name.trim());
      ownersByName.set(key, [...(ownersByName.get(key) ?? []), owner.id]);
    }
    return {
      suppliers: new Map(suppliers.map((s) => [s.organisationNumber, s])),
      services: new Map(services.map((s) => [serviceKey(s.supplierOrg, s.name), s])),
      agreements: new Map(
        agreements.map((a) => [agreementKey(a.supplierOrg, a.agreementNumber), a]),
      ),
      licences: licencesByKey,
      units,
      owners: ownersByName,
    };
  }

  private async write(manager: EntityManager, actor: Actor, plan: Plan): Promise<void> {
    const events: {
      subjectType: SubjectType;
      subjectId: string;
      kind: string;
      changes: Changes;
    }[] = [];
    const note = (subjectType: SubjectType, planned: Planned<unknown>, id: string) => {
      if (Object.keys(planned.changes).length > 0) {
        events.push({
          subjectType,
          subjectId: id,
          kind: planned.id ? 'updated' : 'created',
          changes: planned.changes,
        });
      }
    };

    const supplierIds = new Map<string, string>(
      (
        (await manager.query(`SELECT id, organisation_number FROM supplier`)) as {
          id: string;
          organisation_number: string;
        }[]
      ).map((row) => [row.organisation_number, row.id]),
    );
    for (const planned of plan.suppliers) {
      const s = planned.record;
      const values = [s.name, s.organisationNumber, s.contactName, s.contactEmail, s.webAddress];
      if (planned.id) {
        await manager.query(
          `UPDATE supplier SET name = $2, organisation_number = $3, contact_name = $4,
                  contact_email = $5, web_address = $6, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [planned.id, ...values],
        );
        note('supplier', planned, planned.id);
      } else {
        const [{ id }] = (await manager.query(
          `INSERT INTO supplier (name, organisation_number, contact_name, contact_email, web_address)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          values,
        )) as { id: string }[];
        supplierIds.set(s.organisationNumber, id as string);
        note('supplier', planned, id as string);
      }
    }

    const serviceIds = new Map<string, string>();
    for (const planned of plan.services) {
      const s = planned.record;
      const values = [
        s.name,
        supplierIds.get(s.supplierOrg),
        s.category,
        s.description,
        s.schoolForms,
        s.languages,
        s.webAddress,
        s.signInMethod,
        s.personalData,
        s.dataLocation,
        s.catalogueStatus,
      ];
      if (planned.id) {
        await manager.query(
          `UPDATE digital_service SET name = $2, supplier_id = $3, category = $4, description = $5,
                  school_forms = $6, languages = $7, web_address = $8, sign_in_method = $9,
                  personal_data = $10, data_location = $11, catalogue_status = $12,
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [planned.id, ...values],
        );
        serviceIds.set(planned.key, planned.id);
        note('service', planned, planned.id);
      } else {
        const [{ id }] = (await manager.query(
          `INSERT INTO digital_service (name, supplier_id, category, description, school_forms,
                  languages, web_address, sign_in_method, personal_data, data_location,
                  catalogue_status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          values,
        )) as { id: string }[];
        serviceIds.set(planned.key, id as string);
        note('service', planned, id as string);
      }
    }

    const agreementIds = new Map<string, string>();
    const created = plan.agreements.filter((planned) => !planned.id);
    if (created.length > 0) {
      const rows = (await manager.query(
        `INSERT INTO agreement (${AGREEMENT_COLUMNS.map(([column]) => column).join(', ')})
         SELECT ${AGREEMENT_COLUMNS.map(([column]) => column).join(', ')}
           FROM jsonb_to_recordset($1::jsonb)
             AS x(${AGREEMENT_COLUMNS.map(([column, type]) => `${column} ${type}`).join(', ')})
         RETURNING id, supplier_id, agreement_number`,
        [JSON.stringify(created.map((planned) => agreementRow(planned.record, supplierIds)))],
      )) as { id: string; supplier_id: string; agreement_number: string }[];
      const idOf = new Map(
        rows.map((row) => [`${row.supplier_id}|${row.agreement_number}`, row.id]),
      );
      for (const planned of created) {
        const a = planned.record;
        const id = idOf.get(`${supplierIds.get(a.supplierOrg)}|${a.agreementNumber}`) as string;
        agreementIds.set(planned.key, id);
        note('agreement', planned, id);
      }
    }
    for (const planned of plan.agreements.filter((p) => p.id)) {
      const id = planned.id as string;
      const row = agreementRow(planned.record, supplierIds);
      if (Object.keys(planned.changes).length > 0) {
        await manager.query(
          `UPDATE agreement SET (${AGREEMENT_COLUMNS.map(([column]) => column).join(', ')}) =
                  (${AGREEMENT_COLUMNS.map(([, type], index) => `$${index + 2}::${type}`).join(', ')}),
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [id, ...AGREEMENT_COLUMNS.map(([column]) => row[column])],
        );
      }
      agreementIds.set(planned.key, id);
      note('agreement', planned, id);
    }

    const resolveAgreement = async (key: string): Promise<string> => {
      const known = agreementIds.get(key);
      if (known) return known;
      const [org, ...number] = key.split('|');
      const [row] = (await manager.query(
        `SELECT a.id FROM agreement a JOIN supplier s ON s.id = a.supplier_id
          WHERE s.organisation_number = $1 AND a.agreement_number = $2`,
        [org, number.join('|')],
      )) as { id: string }[];
      agreementIds.set(key, (row as { id: string }).id);
      return (row as { id: string }).id;
    };
    const resolveService = async (key: string): Promise<string> => {
      const known = serviceIds.get(key);
      if (known) return known;
      const [org, ...name] = key.split('|');
      const [row] = (await manager.query(
        `SELECT d.id FROM digital_service d JOIN supplier s ON s.id = d.supplier_id
          WHERE s.organisation_number = $1 AND lower(d.name COLLATE "default") = $2`,
        [org, name.join('|')],
      )) as { id: string }[];
      serviceIds.set(key, (row as { id: string }).id);
      return (row as { id: string }).id;
    };

    const newLicences: {
      planned: Planned<LicenceRecord>;
      agreementId: string;
      serviceId: string;
    }[] = [];
    for (const planned of plan.licences) {
      const l = planned.record;
      const agreementId = await resolveAgreement(l.agreementKey);
      const serviceId = await resolveService(l.serviceKey);
      if (!planned.id) {
        newLicences.push({ planned, agreementId, serviceId });
        continue;
      }
      if (Object.keys(planned.changes).length === 0) continue;
      await manager.query(
        `UPDATE licence SET scope = $2, school_forms = $3, seat_count = $4, seats_in_use = $5,
                starts_on = $6, ends_on = $7, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [planned.id, l.scope, l.schoolForms, l.seatCount, l.seatsInUse, l.startsOn, l.endsOn],
      );
      await manager.query(`DELETE FROM licence_unit WHERE licence_id = $1`, [planned.id]);
      await manager.query(
        `INSERT INTO licence_unit (licence_id, school_unit_id) SELECT $1, unnest($2::uuid[])`,
        [planned.id, l.unitIds],
      );
      note('licence', planned, planned.id);
    }
    if (newLicences.length > 0) {
      const rows = (await manager.query(
        `INSERT INTO licence (agreement_id, service_id, scope, school_forms, seat_count,
                              seats_in_use, starts_on, ends_on)
         SELECT agreement_id, service_id, scope, school_forms, seat_count, seats_in_use,
                starts_on, ends_on
           FROM jsonb_to_recordset($1::jsonb) AS x(agreement_id uuid, service_id uuid, scope text,
                school_forms text[], seat_count int, seats_in_use int, starts_on date, ends_on date)
         RETURNING id, agreement_id, service_id, scope`,
        [
          JSON.stringify(
            newLicences.map(({ planned: { record: l }, agreementId, serviceId }) => ({
              agreement_id: agreementId,
              service_id: serviceId,
              scope: l.scope,
              school_forms: l.schoolForms,
              seat_count: l.seatCount,
              seats_in_use: l.seatsInUse,
              starts_on: l.startsOn,
              ends_on: l.endsOn,
            })),
          ),
        ],
      )) as { id: string; agreement_id: string; service_id: string; scope: string }[];
      const idOf = new Map(
        rows.map((row) => [`${row.agreement_id}|${row.service_id}|${row.scope}`, row.id]),
      );
      const units: { licence_id: string; school_unit_id: string }[] = [];
      for (const { planned, agreementId, serviceId } of newLicences) {
        const id = idOf.get(`${agreementId}|${serviceId}|${planned.record.scope}`) as string;
        for (const unitId of planned.record.unitIds) {
          units.push({ licence_id: id, school_unit_id: unitId });
        }
        note('licence', planned, id);
      }
      if (units.length > 0) {
        await manager.query(
          `INSERT INTO licence_unit (licence_id, school_unit_id)
           SELECT licence_id, school_unit_id
             FROM jsonb_to_recordset($1::jsonb) AS x(licence_id uuid, school_unit_id uuid)`,
          [JSON.stringify(units)],
        );
      }
    }

    if (events.length > 0) {
      await manager.query(
        `INSERT INTO event (actor_id, subject_type, subject_id, kind, changes, message)
         SELECT $1, subject_type, subject_id, kind, changes, $3
           FROM jsonb_to_recordset($2::jsonb)
             AS x(subject_type text, subject_id uuid, kind text, changes jsonb)`,
        [
          actor.id,
          JSON.stringify(
            events.map((event) => ({
              subject_type: event.subjectType,
              subject_id: event.subjectId,
              kind: event.kind,
              changes: event.changes,
            })),
          ),
          IMPORT_EVENT_MESSAGE,
        ],
      );
    }
  }
}

/** What the history says of a change an import made. */
export const IMPORT_EVENT_MESSAGE = 'Importerad från fil';

/** The database's service key uses lower() of PostgreSQL; ours of JavaScript: they agree on Swedish. */
function serviceKeyOfDatabase(key: string): string {
  const [org, ...name] = key.split('|');
  return serviceKey(org as string, name.join('|'));
}

const AGREEMENT_COLUMNS: readonly [string, string][] = [
  ['supplier_id', 'uuid'],
  ['agreement_number', 'text'],
  ['case_number', 'text'],
  ['procurement_route', 'text'],
  ['framework_name', 'text'],
  ['call_off_reference', 'text'],
  ['signed_on', 'date'],
  ['starts_on', 'date'],
  ['ends_on', 'date'],
  ['extension_options', 'int'],
  ['extension_months', 'int'],
  ['extension_options_used', 'int'],
  ['next_extension_decision_by', 'date'],
  ['notice_period_months', 'int'],
  ['internal_lead_days', 'int'],
  ['renews_automatically', 'boolean'],
  ['annual_cost', 'numeric'],
  ['cost_model', 'text'],
  ['owner_id', 'uuid'],
  ['scope_school_forms', 'text[]'],
  ['dpa_signed', 'boolean'],
  ['dpa_signed_on', 'date'],
  ['sub_processors', 'text[]'],
  ['terminated_on', 'date'],
];

function agreementRow(
  a: AgreementRecord,
  supplierIds: Map<string, string>,
): Record<string, unknown> {
  return {
    supplier_id: supplierIds.get(a.supplierOrg),
    agreement_number: a.agreementNumber,
    case_number: a.caseNumber,
    procurement_route: a.procurementRoute,
    framework_name: a.frameworkName,
    call_off_reference: a.callOffReference,
    signed_on: a.signedOn,
    starts_on: a.startsOn,
    ends_on: a.endsOn,
    extension_options: a.extensionOptions,
    extension_months: a.extensionMonths,
    extension_options_used: a.extensionOptionsUsed,
    next_extension_decision_by: a.nextExtensionDecisionBy,
    notice_period_months: a.noticePeriodMonths,
    internal_lead_days: a.internalLeadDays,
    renews_automatically: a.renewsAutomatically,
    annual_cost: a.annualCost,
    cost_model: a.costModel,
    owner_id: a.ownerId,
    scope_school_forms: a.scopeSchoolForms,
    dpa_signed: a.dpaSigned,
    dpa_signed_on: a.dpaSignedOn,
    sub_processors: a.subProcessors,
    terminated_on: a.terminatedOn,
  };
}

/** The header row checked and every data row read by its columns. */
function readRows(spec: SheetSpec, sheet: RawSheet, problems: Problems): Row[] {
  const known = new Set([...spec.columns.map((column) => column.header), ...spec.derived]);
  const lowerHeaders = sheet.headers.map((header) => lower(header));
  sheet.headers.forEach((header, index) => {
    if (header === '') return;
    if (!known.has(header)) {
      const like = [...known].find((candidate) => lower(candidate) === lower(header));
      problems.add(
        spec.sheet,
        1,
        header,
        like
          ? `Rubriken ska skrivas "${like}".`
          : `Okänd kolumn "${header}": rubrikerna är exportens (hämta mallen).`,
      );
    } else if (lowerHeaders.indexOf(lower(header)) !== index) {
      problems.add(spec.sheet, 1, header, `Kolumnen "${header}" finns två gånger.`);
    }
  });
  const missing = spec.columns.filter((column) => !sheet.headers.includes(column.header));
  for (const column of missing) {
    if (sheet.headers.some((header) => lower(header) === lower(column.header))) continue;
    problems.add(spec.sheet, 1, column.header, `Kolumnen "${column.header}" saknas.`);
  }
  if (missing.length > 0) return [];
  const index = new Map(
    spec.columns.map((column) => [column.key, sheet.headers.indexOf(column.header)]),
  );
  return sheet.rows.map(({ row, cells }) => {
    const values: Values = {};
    let ok = true;
    for (const column of spec.columns) {
      const result = parseCell(column, cells[index.get(column.key) as number] ?? '');
      if ('error' in result) {
        problems.add(spec.sheet, row, column.header, result.error);
        ok = false;
      } else {
        values[column.key] = result.value;
      }
    }
    for (const column of spec.columns) {
      const value = values[column.key];
      if (
        typeof value === 'string' &&
        column.kind === 'text' &&
        !column.multiline &&
        hasUnsafeNameCharacter(value)
      ) {
        problems.add(spec.sheet, row, column.header, 'Texten har otillåtna styrtecken.');
        ok = false;
      }
    }
    return { row, values, ok };
  });
}

/** Reports a key seen before in the sheet; true when it is new. */
function firstTime(
  seen: Map<string, number>,
  key: string,
  row: Row,
  sheet: ImportSheet,
  column: string | null,
  what: string,
  problems: Problems,
): boolean {
  const before = seen.get(key);
  if (before !== undefined) {
    problems.add(sheet, row.row, column, `${what} finns redan på rad ${before}.`);
    return false;
  }
  seen.set(key, row.row);
  return true;
}

function planned<T extends object>(
  key: string,
  record: T,
  existing: (T & { id: string }) | undefined,
  fields: readonly (keyof T)[],
): Planned<T> {
  return {
    key,
    record,
    id: existing?.id ?? null,
    changes: diff(existing ? pick(existing, fields) : null, record, fields),
  };
}

function pick<T extends object>(record: T, fields: readonly (keyof T)[]): T {
  return Object.fromEntries(fields.map((field) => [field, record[field]])) as T;
}

function planSuppliers(rows: Row[], db: DatabaseState, plan: Plan, problems: Problems) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const org = row.values['organisationNumber'] as string | undefined;
    if (org === undefined) continue;
    if (
      !firstTime(
        seen,
        org,
        row,
        'Leverantörer',
        'Organisationsnummer',
        `Organisationsnumret ${org}`,
        problems,
      )
    )
      continue;
    if (!row.ok) continue;
    const record = pick(row.values as unknown as SupplierRecord, SUPPLIER_FIELDS);
    plan.suppliers.push(planned(org, record, db.suppliers.get(org), SUPPLIER_FIELDS));
  }
  return seen;
}

function planServices(
  rows: Row[],
  db: DatabaseState,
  plan: Plan,
  problems: Problems,
  supplierKnown: (org: string) => boolean,
  mayWrite: boolean,
) {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const org = row.values['supplierOrg'] as string | undefined;
    const name = row.values['name'] as string | undefined;
    if (org === undefined || name === undefined) continue;
    const key = serviceKey(org, name);
    if (
      !firstTime(
        seen,
        key,
        row,
        'Tjänster',
        'Namn',
        `Tjänsten ${name} hos samma leverantör`,
        problems,
      )
    )
      continue;
    if (!supplierKnown(org)) {
      problems.add(
        'Tjänster',
        row.row,
        SERVICE_SHEET.columns[1]?.header ?? null,
        `Ingen leverantör med organisationsnummer ${org}, varken i bladet Leverantörer eller i registret.`,
      );
      continue;
    }
    if (!row.ok) continue;
    const record = pick(row.values as unknown as ServiceRecord, SERVICE_FIELDS);
    const next = planned(key, record, db.services.get(key), SERVICE_FIELDS);
    if (Object.keys(next.changes).length > 0 && !mayWrite) {
      problems.add(
        'Tjänster',
        row.row,
        null,
        'Bara objektspecialist och objektägare får lägga till eller ändra tjänster; ta bort raden eller låt dem importera.',
      );
      continue;
    }
    plan.services.push(next);
  }
  return seen;
}

function planAgreements(
  rows: Row[],
  db: DatabaseState,
  plan: Plan,
  problems: Problems,
  supplierKnown: (org: string) => boolean,
) {
  const seen = new Map<string, AgreementRecord>();
  const rowOf = new Map<string, number>();
  const header = (key: string) =>
    AGREEMENT_SHEET.columns.find((column) => column.key === key)?.header ?? null;
  for (const row of rows) {
    const v = row.values;
    const org = v['supplierOrg'] as string | undefined;
    const number = v['agreementNumber'] as string | undefined;
    if (org === undefined || number === undefined) continue;
    const key = agreementKey(org, number);
    if (
      !firstTime(
        rowOf,
        key,
        row,
        'Avtal',
        'Avtalsnummer',
        `Avtalsnumret ${number} hos samma leverantör`,
        problems,
      )
    )
      continue;
    let ok = row.ok;
    const fail = (key: string | null, message: string) => {
      problems.add('Avtal', row.row, key ? header(key) : null, message);
      ok = false;
    };
    if (!supplierKnown(org)) {
      fail(
        'supplierOrg',
        `Ingen leverantör med organisationsnummer ${org}, varken i bladet Leverantörer eller i registret.`,
      );
    }
    let ownerId: string | null = null;
    const ownerName = v['ownerName'] as string | null | undefined;
    if (ownerName) {
      const owners = db.owners.get(lower(ownerName)) ?? [];
      if (owners.length === 0) {
        fail('ownerName', `Ingen objektägare heter "${ownerName}".`);
      } else if (owners.length > 1) {
        fail(
          'ownerName',
          `Flera objektägare heter "${ownerName}"; ändra avtalsansvarig i registret efter importen.`,
        );
      } else {
        ownerId = owners[0] as string;
      }
    }
    if (!ok && !row.ok) {
      // Cell problems are reported; the rules across cells need every cell.
      continue;
    }
    const record = { ...pick(v as unknown as AgreementRecord, AGREEMENT_FIELDS), ownerId };
    if (record.endsOn < record.startsOn) fail('endsOn', 'Slutdatum är före startdatum.');
    else if (lastDayToGiveNotice(record) < record.startsOn) {
      fail('noticePeriodMonths', 'Uppsägningstiden är längre än avtalet.');
    }
    if (record.extensionOptionsUsed > record.extensionOptions) {
      fail(
        'extensionOptionsUsed',
        'Fler utnyttjade förlängningar än det finns förlängningsoptioner.',
      );
    }
    if (record.terminatedOn && record.terminatedOn < record.startsOn) {
      fail('terminatedOn', 'Avslutat är före startdatum.');
    }
    if (record.internalLeadDays > 730) fail('internalLeadDays', 'Högst 730 dagar.');
    if (record.noticePeriodMonths > 120) fail('noticePeriodMonths', 'Högst 120 månader.');
    if (!ok) continue;
    seen.set(key, record);
    plan.agreements.push(planned(key, record, db.agreements.get(key), AGREEMENT_FIELDS));
  }
  return { good: seen, all: new Set(rowOf.keys()) };
}

type Unit = DatabaseState['units'][number];

/** The registry's units by name (lower case), for unitsByName. */
function unitIndex(units: DatabaseState['units']): Map<string, Unit[]> {
  const byName = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = lower(unit.name.trim());
    byName.set(key, [...(byName.get(key) ?? []), unit]);
  }
  return byName;
}

/** Unit names as the export joins them (", "); a name with a comma in it is found whole. */
function unitsByName(
  text: string,
  byName: Map<string, Unit[]>,
): { units: Unit[] } | { unknown: string } | { ambiguous: string } {
  const parts = text.split(',').map((part) => part.trim());
  const found: Unit[] = [];
  let start = 0;
  while (start < parts.length) {
    let end = parts.length;
    while (end > start && !byName.has(lower(parts.slice(start, end).join(', ')))) end -= 1;
    if (end === start) return { unknown: parts[start] as string };
    const name = parts.slice(start, end).join(', ');
    const matches = byName.get(lower(name)) as Unit[];
    if (matches.length > 1) return { ambiguous: name };
    found.push(matches[0] as Unit);
    start = end;
  }
  return { units: found };
}

function planLicences(
  rows: Row[],
  db: DatabaseState,
  plan: Plan,
  problems: Problems,
  fileServices: Map<string, number>,
  fileAgreementRows: { good: Map<string, AgreementRecord>; all: Set<string> },
) {
  const fileAgreements = fileAgreementRows.good;
  const header = (key: string) =>
    LICENCE_SHEET.columns.find((column) => column.key === key)?.header ?? null;
  const agreementsByNumber = new Map<string, Set<string>>();
  for (const key of [...db.agreements.keys(), ...fileAgreementRows.all]) {
    const [org, ...number] = key.split('|');
    const set = agreementsByNumber.get(number.join('|')) ?? new Set<string>();
    set.add(org as string);
    agreementsByNumber.set(number.join('|'), set);
  }
  const servicesByName = new Map<string, Set<string>>();
  for (const key of [...db.services.keys(), ...fileServices.keys()]) {
    const [, ...name] = key.split('|');
    const set = servicesByName.get(name.join('|')) ?? new Set<string>();
    set.add(key);
    servicesByName.set(name.join('|'), set);
  }
  const units = unitIndex(db.units);
  const seen = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    let ok = row.ok;
    const fail = (key: string | null, message: string) => {
      problems.add('Licenser', row.row, key ? header(key) : null, message);
      ok = false;
    };
    const number = v['agreementNumber'] as string | undefined;
    const serviceName = v['serviceName'] as string | undefined;
    if (number === undefined || serviceName === undefined) continue;
    let org = v['supplierOrg'] as string | null | undefined;
    if (!org) {
      const orgs = [...(agreementsByNumber.get(number) ?? [])];
      if (orgs.length > 1) {
        fail(
          'agreementNumber',
          `Avtalsnumret ${number} finns hos flera leverantörer: fyll i Leverantörens organisationsnummer.`,
        );
        continue;
      }
      org = orgs[0] ?? null;
    }
    const agreementKeyOfRow = org ? agreementKey(org, number) : null;
    const agreement = agreementKeyOfRow
      ? (fileAgreements.get(agreementKeyOfRow) ?? db.agreements.get(agreementKeyOfRow))
      : undefined;
    if (!agreement || !agreementKeyOfRow) {
      // A bad row of the Avtal sheet is reported there; an agreement that is nowhere, here.
      if (!agreementKeyOfRow || !fileAgreementRows.all.has(agreementKeyOfRow)) {
        fail(
          'agreementNumber',
          `Inget avtal med nummer ${number}, varken i bladet Avtal eller i registret.`,
        );
      }
      continue;
    }
    const ownKey = serviceKey(agreement.supplierOrg, serviceName);
    let key: string | null = fileServices.has(ownKey) || db.services.has(ownKey) ? ownKey : null;
    if (!key) {
      const candidates = [...(servicesByName.get(lower(serviceName)) ?? [])];
      if (candidates.length === 1) key = candidates[0] as string;
      else if (candidates.length > 1) {
        fail(
          'serviceName',
          `Flera leverantörer har en tjänst som heter ${serviceName}; ingen av dem är avtalets leverantör.`,
        );
        continue;
      }
    }
    if (!key) {
      fail(
        'serviceName',
        `Ingen tjänst heter ${serviceName}, varken i bladet Tjänster eller i registret.`,
      );
      continue;
    }
    const scope = v['scope'] as LicenceScope | undefined;
    let unitIds: string[] = [];
    const unitText = (v['units'] as string | undefined) ?? '';
    if (scope === 'UNITS') {
      if (unitText === '')
        fail('units', 'En licens för namngivna skolenheter räknar upp minst en.');
      else {
        const result = unitsByName(unitText, units);
        if ('unknown' in result) fail('units', `Okänd skolenhet "${result.unknown}".`);
        else if ('ambiguous' in result)
          fail('units', `Flera skolenheter heter "${result.ambiguous}".`);
        else {
          const scopeForms = agreement.scopeSchoolForms;
          const outside = result.units.filter(
            (unit) =>
              scopeForms.length > 0 && !unit.schoolForms.some((form) => scopeForms.includes(form)),
          );
          if (outside.length > 0) {
            fail(
              'units',
              `Utanför avtalets skolformer (${formNames(scopeForms)}): ${outside.map((unit) => unit.name).join(', ')}.`,
            );
          }
          unitIds = [...new Set(result.units.map((unit) => unit.id))].sort();
        }
      }
    } else if (unitText !== '') {
      fail('units', `Skolenheter anges bara när omfattningen är ${LICENCE_SCOPE_LABELS.UNITS}.`);
    }
    const schoolForms = (v['schoolForms'] as SchoolForm[] | undefined) ?? [];
    if (scope === 'SCHOOL_FORMS' && schoolForms.length === 0) {
      fail('schoolForms', 'En licens för skolformer räknar upp minst en.');
    }
    if (scope && scope !== 'SCHOOL_FORMS' && schoolForms.length > 0) {
      fail(
        'schoolForms',
        `Skolformer anges bara när omfattningen är ${LICENCE_SCOPE_LABELS.SCHOOL_FORMS}.`,
      );
    }
    const scopeForms = agreement.scopeSchoolForms;
    if (scopeForms.length > 0) {
      if (scope === 'MUNICIPALITY') {
        fail('scope', `Avtalet gäller bara ${formNames(scopeForms)}, inte hela kommunen.`);
      }
      const outside = schoolForms.filter((form) => !scopeForms.includes(form));
      if (outside.length > 0)
        fail('schoolForms', `Utanför avtalets skolformer: ${formNames(outside)}.`);
    }
    const startsOn = v['startsOn'] as string | undefined;
    const endsOn = v['endsOn'] as string | undefined;
    if (startsOn && endsOn) {
      if (endsOn < startsOn) fail('endsOn', 'Slutdatum är före startdatum.');
      if (startsOn < agreement.startsOn) {
        fail('startsOn', `Licensen kan inte börja före avtalet (${agreement.startsOn}).`);
      }
      if (endsOn > agreement.endsOn) {
        fail('endsOn', `Licensen kan inte gälla efter avtalets slut (${agreement.endsOn}).`);
      }
    }
    const seatCount = v['seatCount'] as number | null | undefined;
    const seatsInUse = v['seatsInUse'] as number | null | undefined;
    if (seatCount != null && seatsInUse != null && seatsInUse > seatCount) {
      fail('seatsInUse', `Fler platser i bruk (${seatsInUse}) än antal platser (${seatCount}).`);
    }
    if (!scope) continue;
    const licenceKey = `${agreementKeyOfRow}|${key}|${scope}`;
    if (
      !firstTime(
        seen,
        licenceKey,
        row,
        'Licenser',
        null,
        `En licens för samma avtal, tjänst och omfattning`,
        problems,
      )
    )
      continue;
    const existing = db.licences.get(licenceKey) ?? [];
    if (existing.length > 1) {
      fail(
        null,
        'Registret har flera licenser för samma avtal, tjänst och omfattning; ändra dem i registret.',
      );
    }
    if (!ok) continue;
    const record: LicenceRecord = {
      agreementKey: agreementKeyOfRow,
      serviceKey: key,
      scope,
      schoolForms: scope === 'SCHOOL_FORMS' ? schoolForms : [],
      unitIds,
      seatCount: seatCount ?? null,
      seatsInUse: seatsInUse ?? null,
      startsOn: startsOn as string,
      endsOn: endsOn as string,
    };
    plan.licences.push(planned(licenceKey, record, existing[0], LICENCE_FIELDS));
  }
}

function counts(sheets: RawSheet[], plan: Plan): ImportSheetCount[] {
  const of = (sheet: ImportSheet, planned: Planned<unknown>[]): ImportSheetCount => ({
    sheet,
    rows: sheets.find((candidate) => candidate.sheet === sheet)?.rows.length ?? 0,
    created: planned.filter((p) => !p.id).length,
    updated: planned.filter((p) => p.id && Object.keys(p.changes).length > 0).length,
    unchanged: planned.filter((p) => p.id && Object.keys(p.changes).length === 0).length,
  });
  return [
    of('Leverantörer', plan.suppliers),
    of('Tjänster', plan.services),
    of('Avtal', plan.agreements),
    of('Licenser', plan.licences),
  ].filter((count) => sheets.some((sheet) => sheet.sheet === count.sheet));
}
