import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type IsoDate,
  PUBLIC_CATALOGUE_STATUSES,
  parseSchoolFormList,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { runInMunicipality } from '../../database/query-scope';
import { PasswordService } from '../auth/password.service';
import { ClockService } from '../common/clock.service';
import { insertSchoolUnits } from '../organisation/insert-school-units';
import { JOIN_REJECTION_REASONS } from '../public/public-decision.sql';
import { DEMO_SERVICES, DEMO_SUPPLIERS, demoAgreements } from './demo-catalogue';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMINISTRATION,
  DEMO_MUNICIPALITY,
  DEMO_NEIGHBOURS,
  DEMO_PASSWORD,
  DEMO_UNITS,
  type DemoUnit,
  demoEmail,
} from './demo-data';
import { seedDemoRequests } from './demo-request-seeder';

// Any constant; instances starting together take turns.
const DEMO_LOCK_KEY = 7_466_110;

/**
 * Seeds the demo municipality once: when demo data is on (by default with the embedded database),
 * the organisation and accounts into a database without a municipality, and the catalogue with
 * its agreements into one without suppliers. Several instances starting at once seed it once.
 */
@Injectable()
export class DemoSeederService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeederService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData && (await this.seed())) {
      this.logger.log(
        `Seeded the demo municipalities; demo accounts use the password ${DEMO_PASSWORD}`,
      );
    }
  }

  /**
   * Seeds Örebro and its two neighbours, each what it lacks (false when all were there): each
   * municipality's rows are written as it, under row-level security.
   */
  async seed(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      // Hashed once, and only when an organisation is seeded: not at every start.
      let passwordHash: Promise<string> | undefined;
      const today = this.clock.today();
      let seeded = false;
      const municipalityIds = new Map<string, string>();
      const orebro = {
        ...DEMO_MUNICIPALITY,
        units: DEMO_UNITS,
        accountUnits: {},
        agreements: null,
      };
      for (const demo of [orebro, ...DEMO_NEIGHBOURS]) {
        const municipalityId = await this.municipality(manager, demo);
        municipalityIds.set(demo.slug, municipalityId);
        seeded =
          (await runInMunicipality(municipalityId, async () => {
            let made = false;
            const [organisation] = await manager.query('SELECT 1 FROM administration LIMIT 1');
            if (!organisation) {
              await this.seedOrganisation(manager, municipalityId, demo.units);
              await this.seedAccounts(
                manager,
                await (passwordHash ??= this.passwords.hash(DEMO_PASSWORD)),
                demo.accountUnits,
              );
              made = true;
            }
            const [catalogue] = await manager.query('SELECT 1 FROM supplier LIMIT 1');
            if (!catalogue) {
              await this.seedCatalogue(manager, today, demo.agreements);
              if (demo === orebro) await seedDemoRequests(manager, today);
              made = true;
            }
            return made;
          })) || seeded;
      }
      const [shared] = await manager.query('SELECT 1 FROM published_review LIMIT 1');
      if (!shared) await this.seedSharing(manager, municipalityIds);
      return seeded;
    });
  }

  /**
   * What the demo's municipalities share: Örebro publishes its data protection reviews and its
   * decisions, Lindesberg its decision on NE, and Kumla's data protection officer has adopted
   * Örebro's review of Polylino as the start of Kumla's own.
   */
  private async seedSharing(
    manager: EntityManager,
    municipalityIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const as = <T>(slug: string, work: () => Promise<T>) =>
      runInMunicipality(municipalityIds.get(slug) as string, work);
    await as(DEMO_MUNICIPALITY.slug, async () => {
      await manager.query(
        `INSERT INTO published_review (national_service_id, review_id, kind, reviewer_role,
           reviewed_on, outcome, conditions, findings, service_version)
         SELECT d.national_service_id, r.id, r.kind, r.kind, r.reviewed_on, r.outcome,
                r.conditions, r.findings, n.version
           FROM service_review r JOIN digital_service d ON d.id = r.service_id
           JOIN national_service n ON n.id = d.national_service_id`,
      );
      await publishDecisions(manager, PUBLIC_CATALOGUE_STATUSES);
    });
    await as('lindesberg', () => publishDecisions(manager, PUBLIC_CATALOGUE_STATUSES, 'NE'));
    await as('kumla', () =>
      manager.query(
        `INSERT INTO service_review (service_id, kind, outcome, conditions, notes, findings,
           reviewer_id, reviewed_on, redo_by, adopted_from)
         SELECT d.id, p.kind, p.outcome, p.conditions,
                'Utgår från Örebro kommuns granskning.', p.findings, a.id, $1::date,
                $1::date + interval '1 year', p.id
           FROM published_review p
           JOIN digital_service d ON d.national_service_id = p.national_service_id
           JOIN account a ON a.username = 'dataskydd'
          WHERE d.name = 'Polylino' AND p.kind = 'DATA_PROTECTION'`,
        [this.clock.today()],
      ),
    );
  }

  /** The demo municipality's id, made if missing. */
  private async municipality(
    manager: EntityManager,
    demo: { name: string; slug: string },
  ): Promise<string> {
    const [existing] = (await manager.query('SELECT id FROM municipality WHERE slug = $1', [
      demo.slug,
    ])) as { id: string }[];
    if (existing) return existing.id;
    const [made] = (await manager.query(
      `INSERT INTO municipality (name, slug) VALUES ($1, $2) RETURNING id`,
      [demo.name, demo.slug],
    )) as { id: string }[];
    if (!made) throw new Error(`The demo municipality ${demo.name} could not be made.`);
    return made.id;
  }

  private async seedOrganisation(
    manager: EntityManager,
    municipalityId: string,
    demoUnits: readonly DemoUnit[],
  ): Promise<void> {
    const [administration] = await manager.query(
      `INSERT INTO administration (municipality_id, name) VALUES ($1, $2) RETURNING id`,
      [municipalityId, DEMO_ADMINISTRATION],
    );
    const units = demoUnits.map((unit) => {
      const forms = parseSchoolFormList(unit.forms);
      if ('error' in forms) throw new Error(`Demo unit ${unit.name}: ${forms.error}`);
      return { ...unit, ...forms };
    });
    await insertSchoolUnits(
      manager,
      administration.id,
      units.map((unit) => ({ ...unit, pupilCount: unit.pupils, networkGroup: unit.group })),
    );
  }

  /**
   * Suppliers, services, the municipality-wide agreements and their licences: every agreement,
   * or those of `agreementKeys`.
   */
  private async seedCatalogue(
    manager: EntityManager,
    today: IsoDate,
    agreementKeys: readonly string[] | null,
  ): Promise<void> {
    const supplierIds = new Map<string, string>();
    for (const supplier of DEMO_SUPPLIERS) {
      const [row] = await manager.query(
        `INSERT INTO supplier (name, organisation_number, web_address) VALUES ($1, $2, $3) RETURNING id`,
        [supplier.name, supplier.organisationNumber, supplier.webAddress],
      );
      supplierIds.set(supplier.key, row.id);
    }
    const serviceIds = new Map<string, string>();
    for (const service of DEMO_SERVICES) {
      const [row] = await manager.query(
        `INSERT INTO digital_service (name, supplier_id, category, description, school_forms, languages, web_address,
           sign_in_method, personal_data, data_location, catalogue_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          service.name,
          supplierIds.get(service.supplier),
          service.category,
          service.description,
          service.schoolForms,
          service.languages ?? [],
          service.webAddress ?? null,
          service.signInMethod,
          service.personalData,
          service.dataLocation,
          service.catalogueStatus,
        ],
      );
      serviceIds.set(service.key, row.id);
    }
    const [owner] = await manager.query(`SELECT id FROM account WHERE username = 'objektledare'`);
    const [registrar] = await manager.query(
      `SELECT id FROM account WHERE username = 'upphandlare'`,
    );
    // The demo's procurement officer registered the agreements: their history starts there.
    const recordCreated = (subjectType: string, subjectId: string) =>
      manager.query(
        `INSERT INTO event (actor_id, subject_type, subject_id, kind) VALUES ($1, $2, $3, 'created')`,
        [registrar?.id ?? null, subjectType, subjectId],
      );
    const agreementIds = new Map<string, string>();
    for (const agreement of demoAgreements(today).filter(
      (candidate) => agreementKeys === null || agreementKeys.includes(candidate.key),
    )) {
      const [row] = await manager.query(
        `INSERT INTO agreement (supplier_id, agreement_number, case_number, procurement_route, framework_name,
           call_off_reference, signed_on, starts_on, ends_on, extension_options, extension_months,
           extension_options_used, next_extension_decision_by, notice_period_months, internal_lead_days,
           renews_automatically, annual_cost, cost_model, owner_id, scope_school_forms, dpa_signed,
           dpa_signed_on, sub_processors, documents, follows_id, terminated_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                 $21, $22, $23, $24, $25, $26) RETURNING id`,
        [
          supplierIds.get(agreement.supplier),
          agreement.agreementNumber,
          agreement.caseNumber,
          agreement.procurementRoute,
          agreement.frameworkName ?? null,
          agreement.callOffReference ?? null,
          agreement.signedOn ?? null,
          agreement.startsOn,
          agreement.endsOn,
          agreement.extensionOptions,
          agreement.extensionMonths,
          agreement.extensionOptionsUsed,
          agreement.nextExtensionDecisionBy ?? null,
          agreement.noticePeriodMonths,
          agreement.internalLeadDays,
          agreement.renewsAutomatically,
          agreement.annualCost,
          agreement.costModel,
          owner?.id ?? null,
          agreement.scopeSchoolForms,
          agreement.dataProcessingAgreement.signed,
          agreement.dataProcessingAgreement.signedOn,
          agreement.dataProcessingAgreement.subProcessors,
          JSON.stringify(agreement.documents),
          agreement.follows ? agreementIds.get(agreement.follows) : null,
          agreement.terminatedOn ?? null,
        ],
      );
      agreementIds.set(agreement.key, row.id);
      await recordCreated('agreement', row.id);
      for (const licence of agreement.licences) {
        const [licenceRow] = await manager.query(
          `INSERT INTO licence (agreement_id, service_id, scope, school_forms, seat_count, seats_in_use, starts_on, ends_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            row.id,
            serviceIds.get(licence.service),
            licence.scope,
            licence.schoolForms ?? [],
            licence.seatCount ?? null,
            licence.seatsInUse ?? null,
            agreement.startsOn,
            agreement.endsOn,
          ],
        );
        await manager.query(
          `INSERT INTO licence_unit (licence_id, school_unit_id) SELECT $1, id FROM school_unit WHERE name = ANY($2)`,
          [licenceRow.id, licence.units ?? []],
        );
        await recordCreated('licence', licenceRow.id);
      }
    }
  }

  /** The demo accounts, with their units as `unitsOf` names them (else Örebro's). */
  private async seedAccounts(
    manager: EntityManager,
    passwordHash: string,
    unitsOf: Readonly<Record<string, readonly string[]>>,
  ): Promise<void> {
    for (const demo of DEMO_ACCOUNTS) {
      const account = { ...demo, units: unitsOf[demo.username] ?? demo.units };
      const [row] = await manager.query(
        `INSERT INTO account (username, display_name, email, roles, password_hash)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [
          account.username,
          account.displayName,
          demoEmail(account.username),
          account.roles,
          passwordHash,
        ],
      );
      await manager.query(
        `INSERT INTO account_school_unit (account_id, school_unit_id)
         SELECT $1, id FROM school_unit WHERE name = ANY($2)`,
        [row.id, account.units],
      );
      if (account.roles.includes('PRINCIPAL')) {
        await manager.query(`UPDATE school_unit SET principal_id = $1 WHERE name = ANY($2)`, [
          row.id,
          account.units,
        ]);
      }
    }
  }
}

/** Publishes the current municipality's decisions (of the service named `only`, or all). */
async function publishDecisions(
  manager: EntityManager,
  statuses: readonly string[],
  only?: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO published_decision (national_service_id, service_id, status, decided_on,
       public_conditions, rejection_reasons, service_version)
     SELECT d.national_service_id, d.id, d.catalogue_status, d.status_decided_on,
            d.public_conditions, COALESCE(rejected.decision_reasons, '{}'), n.version
       FROM digital_service d JOIN national_service n ON n.id = d.national_service_id
       ${JOIN_REJECTION_REASONS}
      WHERE d.catalogue_status = ANY ($1) AND ($2::text IS NULL OR d.name = $2)`,
    [statuses, only ?? null],
  );
}
