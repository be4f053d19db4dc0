import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type CoverageMatrix,
  type UnitServiceLicence,
  type UnitWithoutService,
  isUnitScoped,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { LICENCE_COVERS_UNIT, licenceInForce } from './licence-coverage';

/** Which units have which services, through licences in force today. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** "Which services does unit X have, under which agreement, until when." */
  async servicesOfUnit(actor: Actor, unitId: string): Promise<UnitServiceLicence[]> {
    if (isUnitScoped(actor.roles) && !actor.schoolUnits.some((unit) => unit.id === unitId)) {
      throw AppException.notFound('The school unit');
    }
    const [unit] = await this.dataSource.query(`SELECT 1 FROM school_unit WHERE id = $1`, [unitId]);
    if (!unit) throw AppException.notFound('The school unit');
    const rows: {
      service_id: string;
      service_name: string;
      licence_id: string;
      agreement_id: string;
      agreement_number: string;
      scope: UnitServiceLicence['scope'];
      ends_on: string;
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (d.id) d.id AS service_id, d.name AS service_name, l.id AS licence_id,
                a.id AS agreement_id, a.agreement_number, l.scope, l.ends_on
           FROM school_unit u
           JOIN licence l ON ${LICENCE_COVERS_UNIT}
           JOIN agreement a ON a.id = l.agreement_id
           JOIN digital_service d ON d.id = l.service_id
          WHERE u.id = $1 AND ${licenceInForce('$2::date')}
          ORDER BY d.id, l.ends_on DESC`,
      [unitId, this.clock.today()],
    );
    return rows
      .map((row) => ({
        serviceId: row.service_id,
        serviceName: row.service_name,
        licenceId: row.licence_id,
        agreementId: row.agreement_id,
        agreementNumber: row.agreement_number,
        scope: row.scope,
        endsOn: row.ends_on,
      }))
      .sort((a, b) => a.serviceName.localeCompare(b.serviceName, 'sv'));
  }

  /** "Which units lack service Y": no licence in force reaches them. */
  async unitsWithoutService(serviceId: string): Promise<UnitWithoutService[]> {
    const [service] = await this.dataSource.query(`SELECT 1 FROM digital_service WHERE id = $1`, [
      serviceId,
    ]);
    if (!service) throw AppException.notFound('The service');
    const rows: {
      id: string;
      name: string;
      school_forms: UnitWithoutService['schoolForms'];
      pupil_count: number;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.school_forms, u.pupil_count
           FROM school_unit u
          WHERE NOT EXISTS (
                  SELECT 1 FROM licence l JOIN agreement a ON a.id = l.agreement_id
                   WHERE l.service_id = $1 AND ${licenceInForce('$2::date')} AND ${LICENCE_COVERS_UNIT})
          ORDER BY u.name, u.id`,
      [serviceId, this.clock.today()],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      schoolForms: row.school_forms,
      pupilCount: row.pupil_count,
    }));
  }

  /** Every unit against every service licensed to the whole municipality or to school forms. */
  async matrix(): Promise<CoverageMatrix> {
    const today = this.clock.today();
    const services: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT d.id, d.name
         FROM licence l JOIN agreement a ON a.id = l.agreement_id JOIN digital_service d ON d.id = l.service_id
        WHERE l.scope IN ('MUNICIPALITY', 'SCHOOL_FORMS') AND ${licenceInForce('$1::date')}
        ORDER BY d.name`,
      [today],
    );
    const units: {
      id: string;
      name: string;
      network_group: string;
      school_forms: CoverageMatrix['units'][number]['schoolForms'];
      covered: string[];
    }[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.network_group, u.school_forms,
                coalesce((SELECT array_agg(DISTINCT l.service_id)
                            FROM licence l JOIN agreement a ON a.id = l.agreement_id
                           WHERE l.service_id = ANY($2) AND ${licenceInForce('$1::date')} AND ${LICENCE_COVERS_UNIT}),
                         '{}') AS covered
           FROM school_unit u ORDER BY u.name, u.id`,
      [today, services.map((service) => service.id)],
    );
    return {
      services,
      units: units.map((unit) => ({
        id: unit.id,
        name: unit.name,
        networkGroup: unit.network_group,
        schoolForms: unit.school_forms,
        coveredServiceIds: unit.covered,
      })),
    };
  }
}
