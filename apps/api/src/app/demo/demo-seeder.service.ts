import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { parseSchoolFormList } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { PasswordService } from '../auth/password.service';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMINISTRATION,
  DEMO_MUNICIPALITY,
  DEMO_PASSWORD,
  DEMO_UNITS,
  demoEmail,
} from './demo-data';

// Any constant; instances starting together take turns.
const DEMO_LOCK_KEY = 7_466_110;

/**
 * Seeds the demo municipality once: when demo data is on (by default with the embedded database)
 * and the database has no municipality yet. Several instances starting at once seed it once.
 */
@Injectable()
export class DemoSeederService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeederService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.demoData && (await this.seed())) {
      this.logger.log(
        `Seeded the demo municipality; demo accounts use the password ${DEMO_PASSWORD}`,
      );
    }
  }

  /** Returns whether it seeded (false when the organisation already existed). */
  async seed(): Promise<boolean> {
    const passwordHash = await this.passwords.hash(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
      const [existing] = await manager.query('SELECT 1 FROM municipality LIMIT 1');
      if (existing) return false;
      await this.seedOrganisation(manager);
      await this.seedAccounts(manager, passwordHash);
      return true;
    });
  }

  private async seedOrganisation(manager: EntityManager): Promise<void> {
    const [municipality] = await manager.query(
      `INSERT INTO municipality (name) VALUES ($1) RETURNING id`,
      [DEMO_MUNICIPALITY],
    );
    const [administration] = await manager.query(
      `INSERT INTO administration (municipality_id, name) VALUES ($1, $2) RETURNING id`,
      [municipality.id, DEMO_ADMINISTRATION],
    );
    const units = DEMO_UNITS.map((unit) => {
      const forms = parseSchoolFormList(unit.forms);
      if ('error' in forms) throw new Error(`Demo unit ${unit.name}: ${forms.error}`);
      return { ...unit, ...forms };
    });
    await manager.query(
      `INSERT INTO school_unit
         (administration_id, name, code, school_forms, compulsory_stages, pupil_count, network_group)
       SELECT $1, u.name, u.code, u.school_forms, u.compulsory_stages, u.pupil_count, u.network_group
         FROM jsonb_to_recordset($2::jsonb) AS u(name text, code text, school_forms text[],
              compulsory_stages text[], pupil_count int, network_group text)`,
      [
        administration.id,
        JSON.stringify(
          units.map((unit) => ({
            name: unit.name,
            code: unit.code,
            school_forms: unit.schoolForms,
            compulsory_stages: unit.compulsoryStages,
            pupil_count: unit.pupils,
            network_group: unit.group,
          })),
        ),
      ],
    );
  }

  private async seedAccounts(manager: EntityManager, passwordHash: string): Promise<void> {
    for (const account of DEMO_ACCOUNTS) {
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
