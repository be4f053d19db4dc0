import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type AskingUnit,
  type LicenceFromRequests,
  type SchoolForm,
  moveProblem,
  unitsLeftOut,
} from '@licensregistret/domain';

import { LicencesService } from '../agreements/licences.service';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import type { MoveDto } from '../requests/dto/move.dto';
import { routineActorOf } from '../requests/request-access';
import { RequestMovesService } from '../requests/request-moves.service';
import { RequestReader } from '../requests/request-reader.service';
import type { DetailRow } from '../requests/request-rows';
import type { LicenceFromRequestsDto } from './dto/licence-from-requests.dto';

interface AgreementRow {
  agreement_number: string;
  signed_on: string | null;
  ends_on: string;
  terminated_on: string | null;
  scope_school_forms: SchoolForm[];
}

/**
 * "Licensiera": one transaction makes the licence on the chosen agreement and moves every chosen
 * request DECIDED -> IMPLEMENTED through the routine (its IMPLEMENT move, which names the licence
 * and tells the schools). Anything refused leaves nothing behind.
 */
@Injectable()
export class LicensingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly licences: LicencesService,
    private readonly requests: RequestReader,
    private readonly moves: RequestMovesService,
    private readonly clock: ClockService,
  ) {}

  license(actor: Actor, body: LicenceFromRequestsDto): Promise<LicenceFromRequests> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.readRequests(manager, actor, body);
      const serviceId = this.oneService(rows);
      await this.checkAgreement(manager, body.agreementId, serviceId);
      if (body.endsOn < this.clock.today()) {
        throw AppException.invalid('endsOn', 'endsOn must not be in the past');
      }
      await this.checkReach(manager, rows, body);

      const licence = await this.licences.createIn(
        manager,
        actor,
        {
          agreementId: body.agreementId,
          serviceId,
          scope: body.scope,
          schoolForms: body.schoolForms,
          unitIds: body.unitIds,
          seatCount: body.seatCount ?? null,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
        },
        `Licensierad från ${rows.map((row) => `begäran ${row.number}`).join(', ')}`,
      );
      const implemented: LicenceFromRequests['requests'] = [];
      for (const ref of body.requests) {
        const move = {
          move: 'IMPLEMENT',
          version: ref.version,
          licenceId: licence.id,
          text: body.text,
        } as MoveDto;
        const after = await this.moves.moveIn(manager, actor, ref.id, move);
        implemented.push({ id: after.id, number: after.number, version: after.version });
      }
      return { licence, requests: implemented };
    });
  }

  /**
   * Every chosen request, locked in id order (two licensings of the same requests cannot
   * deadlock), each at the version the caller saw and allowed the IMPLEMENT move by the routine.
   */
  private async readRequests(
    manager: EntityManager,
    actor: Actor,
    body: LicenceFromRequestsDto,
  ): Promise<DetailRow[]> {
    const ids = body.requests.map((ref) => ref.id);
    if (new Set(ids).size !== ids.length) {
      throw AppException.invalid('requests', 'requests names a request more than once');
    }
    const rows: DetailRow[] = [];
    for (const ref of [...body.requests].sort((a, b) => a.id.localeCompare(b.id))) {
      const row = await this.requests.readRow(manager, actor, ref.id, true);
      if (row.version !== ref.version) throw this.requests.stale(row);
      const problem = moveProblem(
        'IMPLEMENT',
        this.requests.snapshotOf(row, null),
        routineActorOf(actor),
        this.requests.settings,
        {},
      );
      if (problem) {
        const message = `Request ${row.number}: ${problem.message}`;
        throw new AppException(problem.status === 403 ? 'FORBIDDEN' : 'CONFLICT', message, {
          extensions: { currentState: row.state, currentVersion: row.version },
        });
      }
      rows.push(row);
    }
    return rows.sort((a, b) => a.number - b.number);
  }

  private oneService(rows: DetailRow[]): string {
    const services = new Set(rows.map((row) => row.service_id));
    const [serviceId] = [...services];
    if (services.size !== 1 || !serviceId) {
      throw AppException.invalid('requests', 'the requests must all be for one catalogue service');
    }
    return serviceId;
  }

  /** Signed, not ended or terminated, and for at least one of the service's school forms. */
  private async checkAgreement(
    manager: EntityManager,
    agreementId: string,
    serviceId: string,
  ): Promise<void> {
    const [agreement] = (await manager.query(
      `SELECT agreement_number, signed_on, ends_on, terminated_on, scope_school_forms
         FROM agreement WHERE id = $1 FOR SHARE`,
      [agreementId],
    )) as AgreementRow[];
    if (!agreement) {
      throw AppException.invalid(
        'agreementId',
        'agreementId refers to an agreement that does not exist',
      );
    }
    const today = this.clock.today();
    const refuse = (why: string) =>
      new AppException('CONFLICT', `Agreement ${agreement.agreement_number} ${why}.`, {
        errors: [{ field: 'agreementId', messages: [`the agreement ${why}`] }],
      });
    if (agreement.signed_on === null) throw refuse('is not signed yet');
    // Notice given or ended early (status TERMINATED): no new licence on an agreement being wound
    // down, even while it still runs; its successor carries the licence.
    if (agreement.terminated_on !== null) {
      throw refuse(`was terminated (notice given or ended early) on ${agreement.terminated_on}`);
    }
    if (agreement.ends_on < today) throw refuse(`ended on ${agreement.ends_on}`);
    const scope = agreement.scope_school_forms;
    if (scope.length > 0) {
      const [{ school_forms: forms }] = (await manager.query(
        `SELECT school_forms FROM digital_service WHERE id = $1`,
        [serviceId],
      )) as { school_forms: SchoolForm[] }[];
      if (!forms.some((form) => scope.includes(form))) {
        throw refuse(
          `covers ${scope.join(', ')}, none of the service's school forms (${forms.join(', ')})`,
        );
      }
    }
  }

  /** Every unit that asked (each request's own and those that joined it) must get the licence. */
  private async checkReach(
    manager: EntityManager,
    rows: DetailRow[],
    body: LicenceFromRequestsDto,
  ): Promise<void> {
    const asking = (await manager.query(
      `SELECT u.id, u.name, u.school_forms AS "schoolForms" FROM school_unit u
        WHERE u.id = ANY ($1::uuid[])
           OR u.id IN (SELECT unit_id FROM request_join WHERE request_id = ANY ($2::uuid[]))
        ORDER BY u.name`,
      [rows.map((row) => row.unit_id), rows.map((row) => row.id)],
    )) as AskingUnit[];
    const leftOut = unitsLeftOut(
      { scope: body.scope, schoolForms: body.schoolForms ?? [], unitIds: body.unitIds ?? [] },
      asking,
    );
    if (leftOut.length > 0) {
      const field = body.scope === 'SCHOOL_FORMS' ? 'schoolForms' : 'unitIds';
      throw AppException.invalid(
        field,
        `the licence must reach every unit that asked; it leaves out ${leftOut.map((unit) => unit.name).join(', ')}`,
      );
    }
  }
}
